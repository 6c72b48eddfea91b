"""Problems found in records: plain data with a file, a position and a stable code."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


class Level(enum.IntEnum):
    """How serious a problem is; errors make records invalid."""

    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one record: file, field or line and column, code, level and message (a rule stamps its own)."""

    path: str
    message: str
    field: FieldPath = ()
    at_key: bool = False
    line: int = 0
    column: int = 0
    code: str = ""
    level: Level = Level.ERROR

    def __reduce__(self) -> tuple:
        """Pickle as a call with the fields: far cheaper than a frozen slotted class's default state, for checkers."""
        return Problem, (self.path, self.message, self.field, self.at_key, self.line, self.column, self.code, self.level)

    def located(self, line: int, column: int) -> Problem:
        """Return a copy placed at ``line`` and ``column`` (1-based)."""
        return Problem(self.path, self.message, self.field, self.at_key, line, column, self.code, self.level)

    def stamped(self, code: str, level: Level) -> Problem:
        """Return a copy with the code and level of the rule that found it."""
        return Problem(self.path, self.message, self.field, self.at_key, self.line, self.column, code, level)

    def sort_key(self) -> tuple:
        """Order problems by file, position, then code."""
        return (self.path, self.line, self.column, self.code, self.message)


def field_name(field: FieldPath) -> str:
    """Render a field path as ``updates[2].next_update``."""
    text = ""
    for part in field:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Return a " (did you mean 'x'?)" hint for the closest known word, or nothing."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def error(path: str, code: str, message: str, field: FieldPath = (), **extra) -> Problem:
    """Build an error problem."""
    return Problem(path, message, field, code=code, level=Level.ERROR, **extra)


def warning(path: str, code: str, message: str, field: FieldPath = (), **extra) -> Problem:
    """Build a warning problem."""
    return Problem(path, message, field, code=code, level=Level.WARNING, **extra)
