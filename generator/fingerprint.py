"""A digest of Statusbook's own code, templates and assets, and of the versions of Python and of the libraries it runs
on, so what was computed by another version (parsed by another YAML library, rendered by another Jinja) is never
reused."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import metadata
from importlib.resources import files
from importlib.resources.abc import Traversable

CODE_SUFFIXES = (".py", ".j2", ".css", ".js", ".svg", ".html")
# The libraries whose version can change what a record parses to or a page renders as (the time zone data included).
SHAPING_DISTRIBUTIONS = ("pyyaml", "ruamel.yaml", "jinja2", "markupsafe", "markdown-it-py", "mdurl", "feedgen", "lxml",
                         "icalendar", "tzdata")


def walk(folder: Traversable) -> list[tuple[str, bytes]]:
    """Every code file under a package folder, with its relative name, sorted by name."""
    found: list[tuple[str, bytes]] = []
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.is_dir() and item.name != "__pycache__":
            found.extend((f"{item.name}/{name}", data) for name, data in walk(item))
        elif item.is_file() and item.name.endswith(CODE_SUFFIXES):
            found.append((item.name, item.read_bytes()))
    return found


def versions() -> list[str]:
    """Python's version and each shaping library's ("missing" for one not installed)."""
    found = [f"python {sys.version}"]
    for name in SHAPING_DISTRIBUTIONS:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return found


@cache
def code_digest() -> bytes:
    """A digest of this package's code, templates and assets and of the versions it runs on: any change to them
    computes everything again."""
    whole = hashlib.blake2b(digest_size=16)
    for name, data in walk(files("generator")):
        whole.update(f"{name}\0{len(data)}\0".encode() + data)
    whole.update("\0".join(versions()).encode())
    return whole.digest()
