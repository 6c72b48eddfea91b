"""The site directory: what may be replaced, the lock per site, scratch folders, and the swap of a finished build.

Knows nothing of MkDocs. A site directory is replaced only when it is missing, empty or marked as a previous
Statusbook build (``--force`` also accepts other files); never the portal's records, an ancestor of them or a git
checkout. The swap exchanges the new build with the old site atomically, so the site is never missing.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from generator import __version__

SITE_MARKER = ".statusbook-site"
SCRATCH_MARKER = ".statusbook-scratch"
SOURCE_FOLDERS = ("incidents", "rotations", "templates", ".git")
NEVER_REPLACED = (".git", "statusbook.yml", "people.yml")
RECORD_SUFFIXES = (".md", ".yml", ".yaml")
LOCK_TIMEOUT = 600.0
UNSUPPORTED = (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP)
UNRENAMABLE = (errno.EBUSY, errno.EXDEV, errno.EPERM)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
DEFAULT_HINT = "Pass --site-dir site/public (the default) or another new directory"

Say = Callable[[str], None]


class SiteDirRefused(ValueError):
    """The site directory holds something Statusbook must not replace; nothing was written."""


class PublishError(RuntimeError):
    """The site could not be built or published; the previous site is untouched."""


@dataclass(frozen=True, slots=True)
class SiteTarget:
    """Where a site goes, the portal it is built from, and whether foreign files there may be replaced."""

    site_dir: Path
    root: Path
    audience: str = "public"
    force: bool = False
    cache: bool = True

    def check(self) -> None:
        """Refuse a site directory that would replace records, a checkout or, without force, foreign files."""
        try:
            check_site_dir(self.site_dir, self.root, self.force)
        except OSError as exc:
            raise PublishError(os_error_message(exc, self.site_dir)) from None


def real(path: Path) -> Path:
    """Return the absolute path with every symlink resolved, whether or not it exists."""
    return Path(os.path.realpath(path))


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies under it."""
    return path == folder or folder in path.parents


def check_site_dir(site_dir: Path, root: Path, force: bool) -> None:
    """Raise SiteDirRefused unless ``site_dir`` may be replaced by a build of the portal at ``root``."""
    target, base = real(site_dir), real(root)
    refuse_sources(site_dir, target, base)
    if target.is_dir():
        refuse_contents(site_dir, target, force)
    elif os.path.lexists(target):
        raise SiteDirRefused(f"site-dir {site_dir} is not a directory. {DEFAULT_HINT}.")


def refuse_sources(given: Path, target: Path, base: Path) -> None:
    """Refuse the portal root, an ancestor of it, and anything inside its source folders."""
    if target == base:
        raise SiteDirRefused(f"site-dir {given} is the portal root; building there would replace your records. {DEFAULT_HINT}.")
    if inside(base, target):
        raise SiteDirRefused(f"site-dir {given} contains the portal root {base}; building there would replace your records. {DEFAULT_HINT}.")
    for folder in SOURCE_FOLDERS:
        if inside(target, base / folder):
            raise SiteDirRefused(f"site-dir {given} is inside the portal's {folder}/; building there would replace your records. {DEFAULT_HINT}.")


def refuse_contents(given: Path, target: Path, force: bool) -> None:
    """Refuse a checkout or records, even marked or forced; without force, anything not a Statusbook build."""
    names = set(os.listdir(target)) - {p.name for p in leftover_scratch(target)}
    never = sorted(names & set(NEVER_REPLACED))
    if never:
        raise SiteDirRefused(f"site-dir {given} holds {', '.join(never)}: it is a git checkout or a portal, "
                             f"which Statusbook never replaces, not even with --force. {DEFAULT_HINT}.")
    if not names or is_marked_site(target):
        return
    records = [folder for folder in sorted(names & set(SOURCE_FOLDERS)) if holds_records(target / folder)]
    if records:
        raise SiteDirRefused(f"site-dir {given} holds {', '.join(f + '/' for f in records)} and is not a previous Statusbook "
                             f"build: it looks like records, which Statusbook never replaces, not even with --force. "
                             f"{DEFAULT_HINT}.")
    if not force:
        raise SiteDirRefused(f"site-dir {given} is not empty and is not a previous Statusbook build (it has no {SITE_MARKER}); "
                             f"building there would delete its files. Pass an empty or new directory, "
                             f"or --force to replace its contents.")


def holds_records(folder: Path) -> bool:
    """Whether ``folder`` holds record-like files (Markdown or YAML), as a portal's source folder does."""
    return any(p.suffix in RECORD_SUFFIXES for p in folder.rglob("*"))


def site_marker(folder: Path) -> dict | None:
    """The marker a Statusbook build wrote in ``folder``, or None."""
    try:
        marker = json.loads((folder / SITE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and marker.get("generator") == "statusbook" else None


def is_marked_site(folder: Path) -> bool:
    """Whether ``folder`` carries the marker a Statusbook build writes."""
    return site_marker(folder) is not None


def site_build_id(folder: Path, audience: str) -> str | None:
    """The id of the build of ``audience`` in ``folder``, if a Statusbook build that recorded one is there."""
    marker = site_marker(folder)
    if marker is None or marker.get("audience") != audience or not isinstance(marker.get("build"), str):
        return None
    return marker["build"]


def write_site_marker(folder: Path, audience: str, build: str | None = None) -> None:
    """Mark a finished build in ``folder`` as Statusbook's, so a later build may replace it, with the build's id."""
    marker = {"generator": "statusbook", "version": __version__, "audience": audience}
    if build is not None:
        marker["build"] = build
    (folder / SITE_MARKER).write_text(json.dumps(marker, sort_keys=True) + "\n", encoding="utf-8")


def scratch_prefix(site_dir: Path) -> str:
    """The name every scratch folder beside ``site_dir`` starts with."""
    return f".{site_dir.name}.statusbook-"


def make_scratch(parent: Path, prefix: str) -> Path:
    """Create a scratch folder under ``parent`` and mark it at once, so an interrupted build's leftover is known."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    (folder / SCRATCH_MARKER).write_bytes(b"")
    return folder


def remove_scratch(folder: Path) -> None:
    """Remove a scratch folder, its marker last, so that a failure leaves it marked for the next build."""
    remove_marked(folder, SCRATCH_MARKER)


def remove_marked(folder: Path, marker: str) -> None:
    """Remove a folder Statusbook marked as its own with the file ``marker``, the marker last, so that a failure
    leaves it marked."""
    try:
        for entry in os.scandir(folder):
            if entry.name != marker:
                remove_entry(Path(entry.path))
        (folder / marker).unlink()
        folder.rmdir()
    except OSError:
        pass


def remove_entry(path: Path) -> None:
    """Remove a file, a link or a whole directory."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def leftover_scratch(site_dir: Path) -> list[Path]:
    """Scratch folders of interrupted builds into ``site_dir``: named like ours and carrying the scratch marker."""
    places = [(site_dir.parent, scratch_prefix(site_dir)), (site_dir, scratch_prefix(site_dir))]
    found = []
    for folder, prefix in places:
        if folder.is_dir() and not folder.is_symlink():
            found += [Path(e.path) for e in os.scandir(folder) if e.name.startswith(prefix) and is_scratch(Path(e.path))]
    return sorted(found)


def is_scratch(folder: Path) -> bool:
    """Whether ``folder`` is a real directory holding the scratch marker."""
    return folder.is_dir() and not folder.is_symlink() and (folder / SCRATCH_MARKER).is_file()


def remove_leftovers(site_dir: Path) -> None:
    """Remove what interrupted builds into ``site_dir`` left behind; call it holding the lock."""
    for folder in leftover_scratch(site_dir):
        remove_scratch(folder)


@contextmanager
def site_lock(site_dir: Path, say: Say, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock on builds into ``site_dir``: flock on its parent directory, waiting for another build."""
    descriptor = os.open(site_dir.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        wait_for_lock(descriptor, site_dir, say, timeout)
        yield
    finally:
        os.close(descriptor)


def wait_for_lock(descriptor: int, site_dir: Path, say: Say, timeout: float) -> None:
    """Take the exclusive lock on ``descriptor``, saying once that we wait, and give up after ``timeout`` seconds."""
    deadline, said = time.monotonic() + timeout, False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise PublishError(f"another build into {site_dir} has not finished after {timeout:.0f} seconds; "
                                   "try again when it is done") from None
            if not said:
                say(f"Waiting for another build into {site_dir} to finish")
                said = True
            time.sleep(0.1)


def exchange(first: Path, second: Path) -> None:
    """Swap two existing paths atomically with renameat2(RENAME_EXCHANGE); OSError(ENOSYS) where unsupported."""
    renameat2 = getattr(libc(), "renameat2", None) if sys.platform.startswith("linux") else None
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(first))
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


_libc: list[ctypes.CDLL] = []


def libc() -> ctypes.CDLL:
    """The C library, loaded once."""
    if not _libc:
        _libc.append(ctypes.CDLL(None, use_errno=True))
    return _libc[0]


def replace_site(built: Path, site_dir: Path, holding: Path) -> Path | None:
    """Put ``built`` in place of ``site_dir``; return where the old site's tree ended up (at ``built`` or inside
    ``holding``), or None when there was none or only its contents were swapped."""
    if not os.path.lexists(site_dir):
        built.rename(site_dir)
        return None
    if os.path.ismount(site_dir):
        swap_contents(built, site_dir)
        return None
    try:
        exchange(built, site_dir)
    except OSError as exc:
        return replace_unexchangeable(built, site_dir, holding, exc)
    return built


def replace_unexchangeable(built: Path, site_dir: Path, holding: Path, exc: OSError) -> Path | None:
    """Replace ``site_dir`` when exchanging it failed: by two renames where unsupported (returning where the old site
    went), or swap its contents."""
    if exc.errno in UNSUPPORTED:
        rename_twice(built, site_dir, holding / "previous")
        return holding / "previous"
    if exc.errno in UNRENAMABLE:
        swap_contents(built, site_dir)
        return None
    raise exc


def rename_twice(built: Path, site_dir: Path, trash: Path) -> None:
    """Replace ``site_dir`` by two renames, putting the old site back if the second fails."""
    site_dir.rename(trash)
    try:
        built.rename(site_dir)
    except OSError:
        trash.rename(site_dir)
        raise


def swap_contents(built: Path, site_dir: Path) -> None:
    """Replace the entries of ``site_dir`` one by one with those of ``built``, undoing every step on failure."""
    scratch = make_scratch(site_dir, scratch_prefix(site_dir))
    journal = Journal(site_dir, scratch / "new", scratch / "old")
    try:
        shutil.copytree(built, journal.new, symlinks=True)
        journal.old.mkdir()
        journal.bring_in()
        journal.clear_out(keep={scratch.name})
    except BaseException:
        journal.undo()
        raise
    finally:
        remove_scratch(scratch)


@dataclass(slots=True)
class Journal:
    """The entry-by-entry swap of a site directory's contents, and the record of each step to undo it."""

    site_dir: Path
    new: Path
    old: Path
    steps: list[tuple[str, str]] = field(default_factory=list)

    def bring_in(self) -> None:
        """Move each entry of the new build into the site, exchanging it with the old one where both exist."""
        for name in sorted(os.listdir(self.new), key=lambda n: n == SITE_MARKER):
            self.bring_one(name)

    def bring_one(self, name: str) -> None:
        """Move one new entry into the site, never leaving the name missing where it existed."""
        incoming, target = self.new / name, self.site_dir / name
        if not os.path.lexists(target):
            incoming.rename(target)
            self.steps.append(("added", name))
            return
        try:
            exchange(incoming, target)
            self.steps.append(("exchanged", name))
        except OSError as exc:
            if exc.errno not in UNSUPPORTED:
                raise
            target.rename(self.old / name)
            self.steps.append(("set aside", name))
            incoming.rename(target)
            self.steps.append(("added", name))

    def clear_out(self, keep: set[str]) -> None:
        """Set aside every entry of the old site that the new build does not have."""
        wanted = {name for kind, name in self.steps} | keep
        for name in sorted(set(os.listdir(self.site_dir)) - wanted):
            (self.site_dir / name).rename(self.old / name)
            self.steps.append(("set aside", name))

    def undo(self) -> None:
        """Put the previous entries back, newest step first."""
        for kind, name in reversed(self.steps):
            incoming, target, aside = self.new / name, self.site_dir / name, self.old / name
            if kind == "exchanged":
                exchange(incoming, target)
            elif kind == "added":
                target.rename(incoming)
            else:
                aside.rename(target)


def os_error_message(exc: OSError, site_dir: Path) -> str:
    """Describe an OSError of publishing: the path it concerns and the reason."""
    where = exc.filename or site_dir
    return f"could not publish the site into {site_dir}: {exc.strerror or exc} ({where}); the previous site was left as it was"
