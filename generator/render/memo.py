"""Rendered files keyed by everything that shapes them, so a rebuild renders again only what changed.

A keyed file's key digests this package's code and templates, the file's path, what every page of the site shares
(the moment, the audience, the site's settings) and the view the file is rendered from. When the previous build of
the same site rendered a file with that key, and the site folder still holds it untouched, the publisher lists the key
in ``Reuse.kept``; the renderer then yields a ``KeptFile`` instead of rendering the file again.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from typing import Callable

from generator.fingerprint import code_digest
from generator.render.output import KeptFile, OutputFile


@dataclass(slots=True)
class Reuse:
    """What the previous build of the site rendered and the site folder still holds: each key's path and digest.

    The publisher fills ``kept`` before the first file is rendered; it stays empty for a clean build.
    """

    kept: dict[str, tuple[str, str]] = field(default_factory=dict)

    def kept_file(self, key: str, path: str) -> KeptFile | None:
        """The file the previous build rendered at ``path`` from the same inputs, if the site folder still holds it."""
        found = self.kept.get(key)
        return KeptFile(path, key, found[1]) if found is not None and found[0] == path else None


def shared_digest(*shared: object) -> bytes:
    """A digest of the code and of what every keyed file of one build shares."""
    return hashlib.blake2b(code_digest() + pickle.dumps(shared, protocol=5), digest_size=16).digest()


def input_digest(*inputs: object) -> bytes:
    """A digest of the values a file is rendered from, to key it (and others rendered from the same values) by."""
    return hashlib.blake2b(pickle.dumps(inputs, protocol=5), digest_size=16).digest()


def file_key(shared: bytes, path: str, inputs: bytes) -> str:
    """The key of one file: the build's shared digest, its path and the digest of the inputs it is rendered from."""
    return hashlib.blake2b(shared + inputs + path.encode(), digest_size=16).hexdigest()


def keyed(reuse: Reuse, key: str, path: str, render: Callable[[], bytes]) -> OutputFile | KeptFile:
    """The kept file at ``path`` if the previous build rendered it from the same inputs, else the file rendered now."""
    return reuse.kept_file(key, path) or OutputFile(path, render(), key)
