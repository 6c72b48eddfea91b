"""Time `statusbook build` of the public site (or the internal portal) on synthetic roots, against a bare `mkdocs build` of as many pages.

For each size it prints the build's seconds, peak memory and site size, and the seconds of MkDocs with the same theme
and plugins building the same number of plain pages (a title and a few paragraphs each, none in the navigation).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NOW, generate  # noqa: E402

BIN = Path(sys.executable).parent
PARAGRAPH = (
    "We are investigating reports of **elevated error rates** on the API. Some requests fail with HTTP 503 and "
    "webhook deliveries are delayed. The next update follows within the hour."
)
BARE_CONFIG = """site_name: Bare
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /pages/
"""


def run(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run a command; return its wall seconds and the peak memory (MB) of the largest child so far."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def size_mb(folder: Path) -> float:
    """Total size of the files under a folder, in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def bare_site(folder: Path, pages: int) -> Path:
    """Write a plain MkDocs project of ``pages`` pages; return its config file."""
    docs = folder / "docs" / "pages"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n\nPlain pages.\n")
    body = "\n\n".join(f"## Update {n}\n\n{PARAGRAPH}" for n in range(1, 5))
    for index in range(pages):
        (docs / f"page-{index}.md").write_text(f"# Page {index}\n\n{body}\n")
    config = folder / "mkdocs.yml"
    config.write_text(BARE_CONFIG)
    return config


def measure(size: int, work: Path, audience: str) -> dict:
    """Build the ``audience`` site of a synthetic root of ``size`` incidents and the bare baseline."""
    root, site = work / "root", work / "site"
    generate(root, size)
    command = [str(BIN / "statusbook"), "build", "--root", str(root), "--audience", audience, "--site-dir", str(site)]
    seconds, peak = run(command + ["--now", NOW])
    pages = sum(1 for _ in site.rglob("index.html"))
    config = bare_site(work / "bare", pages)
    bare_seconds, _ = run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(work / "bare-site")],
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)})
    return {"pages": pages, "seconds": seconds, "peak": peak, "size": size_mb(site), "bare": bare_seconds}


def main() -> None:
    """Build each size and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated incident counts")
    parser.add_argument("--audience", choices=("public", "internal"), default="public", help="which site to build")
    args = parser.parse_args()
    print(f"{args.audience} site")
    print(f"{'incidents':>9} {'pages':>6} {'build s':>8} {'peak MB':>8} {'site MB':>8} {'MB/1k':>6} {'bare s':>7} {'ratio':>6}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            row = measure(size, Path(tmp), args.audience)
        print(f"{size:>9} {row['pages']:>6} {row['seconds']:>8.1f} {row['peak']:>8.0f} {row['size']:>8.1f} "
              f"{row['size'] / size * 1000:>6.1f} {row['bare']:>7.1f} {row['seconds'] / row['bare']:>6.2f}")


if __name__ == "__main__":
    main()
