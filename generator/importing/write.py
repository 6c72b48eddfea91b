"""Write an import's files all or none: new records never replace a file, statusbook.yml is restored on failure."""

from __future__ import annotations

from pathlib import Path

from generator.loading.corpus import CONFIG_FILE
from generator.responder.edit import create_all, write_atomic


def write_all(root: Path, records: dict[str, str], config: str | None) -> None:
    """Create every record, then rewrite statusbook.yml; on any failure undo what was done and raise WriteFailed."""
    created = create_all(root, {path: records[path] for path in sorted(records)})
    if config is None:
        return
    try:
        write_atomic(root / CONFIG_FILE, config)
    except OSError as exc:
        raise created.failed(CONFIG_FILE, exc) from None
