"""Compiled templates kept between builds in the account's cache folder, so a build does not compile them again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from generator.account import private_folder


class SettingsBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between builds, keyed by the environment's settings too, since Jinja keys them by the
    template's name and source alone and another Statusbook or theme may compile them otherwise."""

    def __init__(self, folder: Path, settings: bytes) -> None:
        """Keep compiled templates in ``folder``, for one environment's ``settings``."""
        super().__init__(str(folder))
        self.settings = settings

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The key of one template for these settings."""
        return hashlib.sha256(self.settings + super().get_cache_key(name, filename).encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load a compiled template if one is kept; one that cannot be read is compiled again."""
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compiled template; one that cannot be written only means compiling it again next time."""
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compiled_templates(name: str, settings: bytes) -> BytecodeCache | None:
    """A cache of compiled templates in the cache folder ``name``, or None when it cannot be used safely."""
    folder = private_folder(name)
    return None if folder is None else SettingsBytecodeCache(folder, settings)
