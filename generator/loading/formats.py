"""Judge the record format that statusbook.yml names against the format this Statusbook reads."""

from __future__ import annotations

from typing import Any

from generator import __version__
from generator.loading.source import Source
from generator.model.formats import FIRST_FORMAT, FORMAT_CHANGES, FORMAT_VERSION, FormatChange, pending_edits
from generator.problems import Problem, error, warning

KEY = ("format",)
UPGRADE = "pip install -U statusbook"


def format_problems(source: Source, data: dict[str, Any], problems: list[Problem], installed: int = FORMAT_VERSION,
                    changes: tuple[FormatChange, ...] = FORMAT_CHANGES, version: str = __version__) -> list[Problem]:
    """Add the problems of the format statusbook.yml is written for, as a refine step of loading it."""
    if any(p.field == KEY for p in problems):
        return problems
    written = data.get("format")
    found = [missing(source.path)] if written is None else []
    written = FIRST_FORMAT if written is None else written
    if written > installed:
        found.append(too_new(source.path, written, installed, version))
    edits = pending_edits(written, installed, changes)
    if edits:
        found.append(outdated(source.path, written, installed, version, edits, "format" in data))
    return problems + found


def missing(path: str) -> Problem:
    """Warn that statusbook.yml names no format, saying exactly what to add."""
    message = (f"statusbook.yml does not say which record format it is written for; add the line 'format: {FIRST_FORMAT}' "
               f"(records from before format versions follow format {FIRST_FORMAT})")
    return warning(path, "L016", message, line=1, column=1)


def too_new(path: str, written: int, installed: int, version: str) -> Problem:
    """Refuse records written for a format newer than this Statusbook reads."""
    message = (f"statusbook.yml is written for record format {written}, but Statusbook {version} reads format {installed}; "
               f"upgrade Statusbook ({UPGRADE})")
    return error(path, "L015", message, KEY)


def outdated(path: str, written: int, installed: int, version: str, edits: list[tuple[int, str]], named: bool) -> Problem:
    """Refuse records of an older format that needs edits, listing every edit and the key to set after them."""
    steps = "; ".join(f"({number}) {edit}" for number, edit in edits)
    message = (f"statusbook.yml is written for record format {written}, but Statusbook {version} reads format {installed}, "
               f"which needs these edits to the records: {steps}; then set 'format: {installed}'")
    return error(path, "L017", message, KEY) if named else error(path, "L017", message, line=1, column=1)
