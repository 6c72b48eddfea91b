"""Domain errors of the responder commands; the CLI maps them to exit codes."""

from __future__ import annotations

from generator.problems import Problem


class UsageProblem(Exception):
    """The request cannot be carried out as given: unknown id, bad syntax, unknown person."""


class RefusedEdit(Exception):
    """The edit would make a record invalid, so nothing was written."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


class Busy(Exception):
    """Another command holds the records, or they cannot be locked; nothing was written."""


class WriteFailed(Exception):
    """Writing failed part-way; what this run had created was removed again."""
