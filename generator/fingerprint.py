"""A digest of Statusbook's own code, templates and assets, so what was computed by another version is never reused."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

CODE_SUFFIXES = (".py", ".j2", ".css", ".js", ".svg", ".html")


def walk(folder: Traversable) -> list[tuple[str, bytes]]:
    """Every code file under a package folder, with its relative name, sorted by name."""
    found: list[tuple[str, bytes]] = []
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.is_dir() and item.name != "__pycache__":
            found.extend((f"{item.name}/{name}", data) for name, data in walk(item))
        elif item.is_file() and item.name.endswith(CODE_SUFFIXES):
            found.append((item.name, item.read_bytes()))
    return found


@cache
def code_digest() -> bytes:
    """A digest of this package's code, templates and assets: any change to them computes everything again."""
    whole = hashlib.blake2b(digest_size=16)
    for name, data in walk(files("generator")):
        whole.update(f"{name}\0{len(data)}\0".encode() + data)
    return whole.digest()
