"""Domain errors of ``statusbook init``; the CLI maps them to exit codes."""

from __future__ import annotations

from generator.responder.errors import WriteFailed  # noqa: F401 - raised by init when a write fails midway


class MissingAnswer(Exception):
    """A value is needed and there is no terminal to ask for it."""

    def __init__(self, flag: str, why: str = "") -> None:
        super().__init__(f"{flag} is required when there is no terminal to ask on{why}")
        self.flag = flag


class BadAnswer(Exception):
    """A value was given but cannot be used."""


class ExistingFiles(Exception):
    """The target directory already holds files that init would write; nothing was written."""

    def __init__(self, root: str, paths: list[str]) -> None:
        listed = "\n".join(f"  {p}" for p in paths)
        super().__init__(f"{root} already holds files that init writes; nothing was written:\n{listed}")
        self.paths = paths
