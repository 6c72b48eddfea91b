"""The spare tree: the site a build replaced, kept in the build cache folder so the next build starts from its folders.

Without it, every rebuild made a new tree (a folder and a link per unchanged page) and then deleted the replaced one
(as many removals): about 14,000 metadata writes per rebuild of a site of 10,000 pages. Instead the replaced
tree is kept beside the build cache, marked as Statusbook's, and the next build moves it into its scratch folder and
prunes it: a file stays only when the build reuses it unchanged and it is the very file the site holds now (the same
inode: the previous build linked it from there); every other file goes before MkDocs writes anything, so no write can
reach a file the live site shares. The spare is a cache: deleting it only makes the next build link every file again.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.publish.sitedir import remove_marked

SPARE_MARKER = ".statusbook-spare"


def spare_folder(cache_file: Path) -> Path:
    """Where the spare tree of the site that ``cache_file`` describes is kept: beside it, in the cache folder."""
    return cache_file.with_name(f"{cache_file.stem}.spare")


def is_spare(folder: Path) -> bool:
    """Whether ``folder`` is a spare a build left: a real folder with the marker and a real ``site`` folder in it."""
    tree = folder / "site"
    return (folder.is_dir() and not folder.is_symlink() and (folder / SPARE_MARKER).is_file()
            and tree.is_dir() and not tree.is_symlink())


def take_spare(spare: Path, into: Path) -> bool:
    """Move the spare tree to ``into`` (which must not exist) and drop the emptied spare; False when there is none."""
    if not is_spare(spare):
        return False
    try:
        (spare / "site").rename(into)
    except OSError:
        return False
    drop_spare(spare)
    return True


def drop_spare(spare: Path) -> None:
    """Remove a spare folder, its marker last, so that a failure leaves it marked as ours."""
    remove_marked(spare, SPARE_MARKER)


def keep_spare(tree: Path, spare: Path) -> bool:
    """Keep the replaced site ``tree`` as the spare; False (and nothing left) when it cannot be kept there."""
    if os.path.lexists(spare):
        return False  # not ours, or a spare not taken: leave it as it is
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        spare.mkdir()
    except OSError:
        return False
    try:
        (spare / SPARE_MARKER).write_bytes(b"")
        tree.rename(spare / "site")
    except OSError:
        drop_spare(spare)
        return False
    return True


def prune(tree: Path, live: Path, keep: set[str]) -> set[str]:
    """Remove from ``tree`` every file whose path is not in ``keep`` or that is not the file at the same path in
    ``live``, and every folder left empty; return the paths kept."""
    kept: set[str] = set()
    prune_folder(str(tree), "", live, keep, kept)
    return kept


def prune_folder(folder: str, relative: str, live: Path, keep: set[str], kept: set[str]) -> bool:
    """Prune one folder of the tree (at ``relative`` in the site); return whether it is left empty."""
    empty = True
    with os.scandir(folder) as entries:
        for entry in entries:
            path = relative + entry.name
            if entry.is_dir(follow_symlinks=False):
                if prune_folder(entry.path, path + "/", live, keep, kept):
                    os.rmdir(entry.path)
                else:
                    empty = False
            elif path in keep and same_file(entry, live / path):
                kept.add(path)
                empty = False
            else:
                os.unlink(entry.path)
    return empty


def same_file(entry: os.DirEntry, other: Path) -> bool:
    """Whether ``entry`` is a regular file and the very file at ``other`` (one inode, linked at both paths)."""
    try:
        mine, theirs = entry.stat(follow_symlinks=False), os.stat(other, follow_symlinks=False)
    except OSError:
        return False
    return entry.is_file(follow_symlinks=False) and (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)
