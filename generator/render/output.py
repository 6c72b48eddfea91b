"""The files of a site, collected in memory before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath


class OutputError(ValueError):
    """Two renderers claimed one path, or a path would leave the site."""


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the site: its path relative to the docs directory, its bytes, and its key if it is keyed (see memo)."""

    path: str
    content: bytes
    key: str | None = None


@dataclass(frozen=True, slots=True)
class KeptFile:
    """A keyed file the previous build rendered from the same inputs: the site folder holds it, with this digest."""

    path: str
    key: str
    digest: str


def checked_path(path: str) -> str:
    """Return ``path`` if it stays inside the site, else raise."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise OutputError(f"refusing output path outside the site: {path!r}")
    return pure.as_posix()


@dataclass(slots=True)
class Output:
    """Files by path; adding a path twice is an error."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, content: str | bytes) -> None:
        """Add one file, encoding text as UTF-8."""
        clean = checked_path(path)
        if clean in self.files:
            raise OutputError(f"two outputs for one path: {clean}")
        self.files[clean] = content.encode("utf-8") if isinstance(content, str) else content

    def extend(self, files) -> None:
        """Add every ``OutputFile`` of an iterable."""
        for item in files:
            self.add(item.path, item.content)

    def __len__(self) -> int:
        """How many files there are."""
        return len(self.files)
