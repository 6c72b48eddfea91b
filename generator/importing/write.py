"""Write an import's files all or none: new records never replace a file, statusbook.yml is restored on failure."""

from __future__ import annotations

from pathlib import Path

from generator.importing.config import CONFIG_FILE
from generator.responder.edit import create_atomic, write_atomic


def new_folders(root: Path, paths: list[str]) -> list[Path]:
    """List the folders the records need that do not exist yet, deepest last."""
    missing = {parent for path in paths for parent in (root / path).parents if not parent.exists()}
    return sorted(missing, key=lambda folder: len(folder.parts))


def undo(created: list[Path], folders: list[Path], config: Path, original: str | None) -> None:
    """Remove exactly what this import created and put statusbook.yml back as it was."""
    for path in created:
        path.unlink(missing_ok=True)
    for folder in reversed(folders):
        if folder.exists() and not any(folder.iterdir()):
            folder.rmdir()
    if original is not None and config.read_bytes().decode("utf-8") != original:
        write_atomic(config, original)


def write_all(root: Path, records: dict[str, str], config: str | None) -> None:
    """Create every record, then rewrite statusbook.yml; on any failure undo what was done and re-raise."""
    target = root / CONFIG_FILE
    original = target.read_bytes().decode("utf-8") if config is not None else None
    folders = new_folders(root, list(records))
    created: list[Path] = []
    try:
        for path in sorted(records):
            create_atomic(root / path, records[path])
            created.append(root / path)
        if config is not None:
            write_atomic(target, config)
    except BaseException:
        undo(created, folders, target, original)
        raise
