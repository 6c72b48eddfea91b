"""Find and read record files without leaving the portal root: no links out, nothing but regular files."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from generator.loading.source import MAX_FILE_BYTES
from generator.problems import Problem, error

OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
KINDS = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket",
         stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device"}

Wanted = Callable[[str], bool]


def inside(root_real: str, real: str) -> bool:
    """Say whether a resolved path is the root or lies under it."""
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def kind_of(mode: int) -> str | None:
    """Name what a file mode describes if it is not a regular file."""
    return next((name for test, name in KINDS.items() if test(mode)), None) if not stat.S_ISREG(mode) else None


def outside(root: Path, path: str) -> Problem:
    """Report a link whose target lies outside the root."""
    message = f"links outside the portal are not read: {path} points outside {root}"
    return error(path, "L013", message, line=1, column=1)


def irregular(path: str, kind: str) -> Problem:
    """Report a record path that is not a regular file."""
    message = f"{path} is {kind}, not a regular file; records are read only from regular files"
    return error(path, "L014", message, line=1, column=1)


def unreadable(path: str, exc: OSError) -> Problem:
    """Report a file the system refuses to open or read."""
    return error(path, "L001", f"cannot read file: {exc.strerror}", line=1, column=1)


def too_large(path: str) -> Problem:
    """Report a file over the size limit."""
    return error(path, "L001", f"file is larger than {MAX_FILE_BYTES} bytes", line=1, column=1)


def leaving_link(root: Path, path: str) -> Problem | None:
    """Report the first link along ``path`` that leads out of the root, if the path leaves it."""
    if inside(os.path.realpath(root), os.path.realpath(root / path)):
        return None
    parts = path.split("/")
    prefixes = ("/".join(parts[: count]) for count in range(1, len(parts) + 1))
    return outside(root, next((p for p in prefixes if os.path.islink(root / p)), path))


def read_file(root: Path, path: str) -> tuple[bytes | None, list[Problem]]:
    """Read a regular file inside the root, at most one byte over the size limit."""
    try:
        handle = os.open(root / path, OPEN_FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(root / path):
            return read_link(root, path)
        return None, [unreadable(path, exc)]
    return read_open(path, handle)


def read_link(root: Path, path: str) -> tuple[bytes | None, list[Problem]]:
    """Read the regular file a link inside the root points at, unless it leads out of the root."""
    real = os.path.realpath(root / path)
    if not inside(os.path.realpath(root), real):
        return None, [outside(root, path)]
    try:
        kind = kind_of(os.stat(real).st_mode)
        if kind:
            return None, [irregular(path, kind)]
        handle = os.open(real, OPEN_FLAGS)
    except OSError as exc:
        return None, [unreadable(path, exc)]
    return read_open(path, handle)


def read_open(path: str, handle: int) -> tuple[bytes | None, list[Problem]]:
    """Read an open file if it is regular and within the size limit, then close it."""
    try:
        info = os.fstat(handle)
        kind = kind_of(info.st_mode)
        if kind:
            return None, [irregular(path, kind)]
        if info.st_size > MAX_FILE_BYTES:
            return None, [too_large(path)]
        data = read_at_most(handle, MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [unreadable(path, exc)]
    finally:
        os.close(handle)
    return (None, [too_large(path)]) if len(data) > MAX_FILE_BYTES else (data, [])


def read_at_most(handle: int, limit: int) -> bytes:
    """Read from an open file until its end or ``limit`` bytes."""
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(handle, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def find_files(root: Path, folder: str, wanted: Wanted) -> tuple[list[str], list[Problem]]:
    """List the wanted regular files under a folder, sorted, and report links out and non-regular files."""
    problem = leaving_link(root, folder)
    if problem is not None:
        return [], [problem]
    if not (root / folder).is_dir():
        return [], []
    walk = Walk(root, wanted)
    walk.scan(folder)
    return sorted(walk.found), walk.problems


class Walk:
    """One walk under the root that never follows a link into a directory."""

    def __init__(self, root: Path, wanted: Wanted) -> None:
        self.root = root
        self.root_real = os.path.realpath(root)
        self.wanted = wanted
        self.found: list[str] = []
        self.problems: list[Problem] = []

    def scan(self, top: str) -> None:
        """Visit every entry under ``top``, folder by folder."""
        folders = [top]
        while folders:
            folder = folders.pop()
            try:
                with os.scandir(self.root / folder) as entries:
                    for entry in entries:
                        self.visit(folder, entry, folders)
            except OSError as exc:
                self.problems.append(unreadable(folder, exc))

    def visit(self, folder: str, entry: os.DirEntry, folders: list[str]) -> None:
        """Take one entry: a link to check, a folder to scan later, or a file to keep if wanted."""
        path = f"{folder}/{entry.name}"
        if entry.is_symlink():
            self.link(path, entry.name)
        elif entry.is_dir(follow_symlinks=False):
            folders.append(path)
        elif not self.wanted(entry.name):
            return
        elif entry.is_file(follow_symlinks=False):
            self.found.append(path)
        else:
            kind = kind_of(entry.stat(follow_symlinks=False).st_mode) or "an unknown kind of file"
            self.problems.append(irregular(path, kind))

    def link(self, path: str, name: str) -> None:
        """Take a link: an error if it leads out of the root, a record if it names a regular file inside."""
        real = os.path.realpath(self.root / path)
        if not inside(self.root_real, real):
            self.problems.append(outside(self.root, path))
            return
        if not self.wanted(name):
            return
        try:
            kind = kind_of(os.stat(real).st_mode)
        except OSError:
            kind = None  # a broken link: reading it reports why
        if kind is None:
            self.found.append(path)
        elif kind != "a directory":
            self.problems.append(irregular(path, kind))
