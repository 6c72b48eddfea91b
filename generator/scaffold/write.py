"""Create a new portal's files all together, or none: never replace a file, and undo a run that fails midway."""

from __future__ import annotations

import os
from pathlib import Path

from generator.responder import edit
from generator.scaffold.errors import ExistingFiles


def existing(root: Path, paths: list[str]) -> list[str]:
    """Return the paths, of those given, that already exist under ``root`` (links included)."""
    return [p for p in paths if os.path.lexists(root / p)]


def refuse_existing(root: Path, paths: list[str]) -> None:
    """Raise ExistingFiles listing every given path that ``root`` already holds."""
    found = existing(root, paths)
    if found:
        raise ExistingFiles(str(root), found)


def create_all(root: Path, files: dict[str, str]) -> list[str]:
    """Create every file under ``root``; on any failure remove what was created and raise WriteFailed."""
    refuse_existing(root, list(files))
    edit.create_all(root, files)
    return list(files)
