"""Fingerprints of a directory tree, to prove that a command changed nothing outside what it was asked to write."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def entry_digest(path: Path) -> str:
    """Describe one entry: a file's mode and content hash, a link's target, or a directory's mode."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return f"link -> {os.readlink(path)}"
    if stat.S_ISDIR(info.st_mode):
        return f"dir {stat.S_IMODE(info.st_mode):o}"
    return f"file {stat.S_IMODE(info.st_mode):o} {hashlib.sha256(path.read_bytes()).hexdigest()}"


def snapshot(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    """Map every entry under ``root`` (links not followed), except those under ``skip``, to its digest."""
    skipped = {Path(os.path.abspath(p)) for p in skip}
    found: dict[str, str] = {".": entry_digest(root)}
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if base / d not in skipped)
        for name in sorted(dirs + files):
            path = base / name
            if path not in skipped:
                found[path.relative_to(root).as_posix()] = entry_digest(path)
    return found


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """List what differs between two snapshots, as '+ path', '- path' and '~ path' lines."""
    lines = [f"- {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"+ {p}" for p in sorted(after.keys() - before.keys())]
    lines += [f"~ {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return lines
