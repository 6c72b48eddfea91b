"""The project documentation builds with MkDocs in strict mode."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_documentation_builds_strictly(tmp_path: Path) -> None:
    """Every page and link in docs/ resolves."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "reference" / "rules" / "index.html").exists()
