"""The build cache: what the last build wrote into a site folder, so the next build rewrites only what changed.

A cache file describes one site folder: a key for everything that shapes every page (the generated MkDocs settings,
the theme overrides, this package's adapter code and the versions of Statusbook, MkDocs and Material), the id of the
build (also written in the site's marker), the digest of every rendered file, the key of every keyed file (what it was
rendered from, see ``generator.render.memo``), and the size and modification time of every file written from them. A
later build reuses a file only when the key and build id match and every file in the site folder is untouched; it then
renders again only the keyed files whose inputs changed. Anything else means a clean build. The cache is safe to
delete: it only makes builds faster.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Callable

from generator import __version__
from generator.publish.sitedir import SiteTarget
from generator.render import urls

CACHE_FOLDER = ".statusbook-cache"
FORMAT = "statusbook-build-cache"
FORMAT_VERSION = 2
SHAPING_DISTRIBUTIONS = ("mkdocs", "mkdocs-material")


@dataclass(frozen=True, slots=True)
class Manifest:
    """One build of one site folder: its key and id, each rendered file's digest and key, and each written file's stamp."""

    key: str
    build: str
    digests: dict[str, str] = field(default_factory=dict)
    stamps: dict[str, list[int]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)


def default_cache_file(site_dir: Path) -> Path:
    """Where a site folder's cache lives by default: beside it, in a folder of caches."""
    return site_dir.parent / CACHE_FOLDER / f"{site_dir.name}.json"


def build_id(key: str, digests: dict[str, str]) -> str:
    """The id of a build, written into the site's marker and the cache: a digest of its key and every file, so equal builds are byte-identical."""
    whole = hashlib.blake2b(key.encode(), digest_size=16)
    for path in sorted(digests):
        whole.update(f"{path}\0{digests[path]}\0".encode())
    return whole.hexdigest()



def digest(content: bytes) -> str:
    """The digest that tells whether a rendered file changed."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def build_key(settings: dict) -> str:
    """A digest of everything that shapes every page: settings, overrides, the adapter's code and the versions."""
    shaping = hashlib.blake2b(digest_size=16)
    shaping.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    package = files("generator.publish")
    for item in sorted(package.iterdir(), key=lambda entry: entry.name):
        if item.is_file() and item.name.endswith(".py"):
            shaping.update(item.name.encode() + item.read_bytes())
    for item in sorted((package / "overrides").iterdir(), key=lambda entry: entry.name):
        shaping.update(item.name.encode() + item.read_bytes())
    versions = [__version__] + [metadata.version(name) for name in SHAPING_DISTRIBUTIONS]
    shaping.update(" ".join(versions).encode())
    return shaping.hexdigest()


def written_as(path: str) -> str:
    """The file of the built site that a rendered file becomes: a page's index.html, any other file as it is."""
    return urls.served(path) + "index.html" if path.endswith(".md") else path


def stamp(path: Path) -> list[int]:
    """A file's size and modification time, which tell whether anyone touched it since it was written."""
    status = os.stat(path, follow_symlinks=False)
    return [status.st_size, status.st_mtime_ns]


def cache_data(cache_file: Path) -> dict | None:
    """The contents of a Statusbook build cache of any version; None when the file is missing, unreadable or not one."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def read_manifest(cache_file: Path) -> Manifest | None:
    """Read a cache file; None when it is missing, unreadable, not a build cache of this version, or its digests are
    not those of the build it names."""
    data = cache_data(cache_file)
    if data is None or data.get("version") != FORMAT_VERSION:
        return None
    try:
        manifest = Manifest(str(data["key"]), str(data["build"]), dict(data["digests"]), dict(data["stamps"]), dict(data["keys"]))
    except (KeyError, TypeError, ValueError):
        return None
    return manifest if build_id(manifest.key, manifest.digests) == manifest.build else None


def is_ours(cache_file: Path) -> bool:
    """Whether the cache file may be written: it does not exist yet, or an earlier build (of any version) wrote it."""
    return not os.path.lexists(cache_file) or (cache_file.is_file() and cache_data(cache_file) is not None)


def write_manifest(cache_file: Path, manifest: Manifest) -> None:
    """Write the cache file whole, through a temporary file, so a reader never sees half of it."""
    data = {"format": FORMAT, "version": FORMAT_VERSION, "key": manifest.key, "build": manifest.build,
            "digests": manifest.digests, "stamps": manifest.stamps, "keys": manifest.keys}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, cache_file)


def untouched(previous: Manifest, site_dir: Path) -> bool:
    """Whether every file the previous build wrote is still in the site folder as it was written."""
    try:
        return all(stamp(site_dir / target) == written for target, written in previous.stamps.items())
    except OSError:
        return False


def usable(previous: Manifest | None, key: str, build: str | None, site_dir: Path) -> Manifest | None:
    """The previous build's manifest if a build may reuse its files: nothing that shapes every page changed, the
    site folder holds that very build, and no file in it was touched since."""
    if previous is None or previous.key != key or build is None or previous.build != build:
        return None
    return previous if untouched(previous, site_dir) else None


def kept_files(previous: Manifest | None) -> dict[str, tuple[str, str]]:
    """The keyed files a build need not render again: by key, the path and digest of each in a usable manifest."""
    if previous is None:
        return {}
    return {file_key: (path, previous.digests[path]) for path, file_key in previous.keys.items() if path in previous.digests}


def reusable(previous: Manifest | None, digests: dict[str, str]) -> frozenset[str]:
    """The rendered files a usable manifest says the site folder already holds, identical."""
    if previous is None:
        return frozenset()
    return frozenset(path for path, digested in digests.items()
                     if previous.digests.get(path) == digested and written_as(path) in previous.stamps)


def manifest_of(key: str, build: str, digests: dict[str, str], built: Path, keys: dict[str, str],
                linked: dict[str, list[int]]) -> Manifest:
    """Describe a finished build in the folder ``built``: every rendered file's digest and key, and written file's
    stamp (``linked`` holds those of the files linked or copied from the previous build, which keep theirs)."""
    stamps = {}
    for path in digests:
        target = written_as(path)
        if target in linked:
            stamps[target] = linked[target]
        elif (built / target).is_file():
            stamps[target] = stamp(built / target)
    return Manifest(key, build, digests, stamps, keys)


def cache_for(target: SiteTarget, site_dir: Path, say: Callable[[str], None]) -> Path | None:
    """The build cache to read and write, or None without one (--no-cache, or a file there that is not ours)."""
    if not target.cache:
        return None
    cache_file = default_cache_file(site_dir)
    if not is_ours(cache_file):
        say(f"Not using {cache_file}: it is not a Statusbook build cache; building everything")
        return None
    return cache_file


def link_unchanged(unchanged: frozenset[str], site_dir: Path, built: Path) -> None:
    """Link (or, where links cannot be made, copy) the previous site's unchanged files into the new build; nothing else
    is there, so MkDocs writes only new files."""
    for path in unchanged:
        target = built / written_as(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / written_as(path), target)
        except OSError:
            shutil.copy2(site_dir / written_as(path), target)


def save_cache(cache_file: Path, manifest: Manifest, say: Callable[[str], None]) -> None:
    """Record the build for the next one; a cache that cannot be written only makes the next build a full one."""
    try:
        write_manifest(cache_file, manifest)
    except OSError as exc:
        say(f"Could not write the build cache {cache_file}: {exc.strerror or exc}; the next build builds everything")
