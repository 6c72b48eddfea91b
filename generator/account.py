"""This account's Statusbook cache folder: the record memo, its key and compiled templates, which only speed builds up.

It is ``statusbook/`` under ``$XDG_CACHE_HOME``, else ``~/.cache``. A folder in it is used only when it is a real
folder of this account that no one else may write, since what it holds is loaded as code or trusted data.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_folder() -> Path:
    """This account's Statusbook cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "statusbook"


def private_folder(name: str) -> Path | None:
    """The folder ``name`` of the cache folder, made (mode 700) if missing; None unless it is this account's alone."""
    folder = cache_folder() / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = os.lstat(folder)
    except OSError:
        return None
    private = stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o022
    return folder if private else None
