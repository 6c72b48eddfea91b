"""Create a new portal's files all together, or none: never replace a file, and undo a run that fails midway."""

from __future__ import annotations

import os
from pathlib import Path

from generator.responder.edit import create_atomic
from generator.responder.errors import UsageProblem
from generator.scaffold.errors import ExistingFiles, WriteFailed


def existing(root: Path, paths: list[str]) -> list[str]:
    """Return the paths, of those given, that already exist under ``root`` (links included)."""
    return [p for p in paths if os.path.lexists(root / p)]


def refuse_existing(root: Path, paths: list[str]) -> None:
    """Raise ExistingFiles listing every given path that ``root`` already holds."""
    found = existing(root, paths)
    if found:
        raise ExistingFiles(str(root), found)


def create_file(target: Path, text: str) -> None:
    """Create one new file; refuse one that exists."""
    create_atomic(target, text)


def make_dirs(root: Path, folder: Path, made: list[Path]) -> None:
    """Create ``folder`` and its missing ancestors up to ``root``, recording each one created."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for path in reversed(missing):
        path.mkdir()
        made.append(path)
    if not folder.is_dir() or (root.resolve() not in (folder.resolve(), *folder.resolve().parents)):
        raise OSError(f"{folder} is not a directory inside {root}")


def undo(files: list[Path], dirs: list[Path]) -> None:
    """Remove exactly the files and directories this run created, newest first."""
    for path in reversed(files):
        path.unlink(missing_ok=True)
    for path in reversed(dirs):
        try:
            path.rmdir()
        except OSError:
            pass


def create_all(root: Path, files: dict[str, str]) -> list[str]:
    """Create every file under ``root``; on any failure remove what was created and raise WriteFailed."""
    refuse_existing(root, list(files))
    made_files: list[Path] = []
    made_dirs: list[Path] = []
    try:
        for path, text in files.items():
            target = root / path
            make_dirs(root, target.parent, made_dirs)
            create_file(target, text)
            made_files.append(target)
    except (OSError, UsageProblem) as exc:
        undo(made_files, made_dirs)
        raise WriteFailed(f"could not write {path} ({exc}); removed the {len(made_files)} files and "
                          f"{len(made_dirs)} folders this run had created, nothing else") from None
    return list(files)
