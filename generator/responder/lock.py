"""One writer at a time: responder commands hold a lock on the portal's incidents/ folder while they read and write.

Every command reads a record, edits it and writes it back. Two commands on one record at once would each write
their own edit over the other's; holding this lock from loading to writing makes them take turns, so every edit
lands. The lock is ``flock`` on the folder itself: no lock file is created, and the kernel releases it when the
process ends, however it ends.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from generator.loading.corpus import CONFIG_FILE, INCIDENTS_DIR
from generator.responder.errors import Busy

WAIT_SECONDS = 120.0
POLL_SECONDS = 0.05


def try_lock(handle: int) -> bool:
    """Take the exclusive lock without waiting; return whether it was taken."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    return True


def wait_for_lock(handle: int, folder: Path, timeout: float, waiting: Callable[[str], None]) -> None:
    """Take the lock, telling ``waiting`` once if another command holds it; raise Busy after ``timeout`` seconds."""
    if try_lock(handle):
        return
    waiting(f"Waiting for another statusbook command that is editing records in {folder} ...")
    deadline = time.monotonic() + timeout
    while not try_lock(handle):
        if time.monotonic() >= deadline:
            raise Busy(f"another statusbook command kept {folder} locked for {timeout:.0f} s; nothing was written, run the command again")
        time.sleep(POLL_SECONDS)


@contextmanager
def editing(root: Path, timeout: float | None = None, waiting: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the portal's edit lock for the duration, waiting up to ``timeout`` seconds (default WAIT_SECONDS) for it.

    A directory that is not a portal root is not locked (nor changed): the command itself says what is wrong.
    """
    if not (root / CONFIG_FILE).is_file():
        yield
        return
    folder = root / INCIDENTS_DIR
    try:
        folder.mkdir(exist_ok=True)
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise Busy(f"cannot lock {folder} for editing: {exc.strerror}; nothing was written") from None
    try:
        wait_for_lock(handle, folder, WAIT_SECONDS if timeout is None else timeout, waiting)
        yield
    finally:
        os.close(handle)
