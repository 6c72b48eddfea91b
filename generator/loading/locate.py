"""Place problems at a line and column by looking their field path up in the marks of a file's one parse."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.loading import strictyaml
from generator.loading.marks import Marks
from generator.loading.source import Source
from generator.problems import Problem

MarksOf = Callable[[str], Marks | None]


def place(problems: list[Problem], marks_of: MarksOf) -> list[Problem]:
    """Fill in line and column for problems that only name a field; a file without marks puts them at 1:1."""
    placed = []
    for problem in problems:
        if problem.line:
            placed.append(problem)
            continue
        marks = marks_of(problem.path)
        placed.append(problem.located(*marks.position(problem.field, problem.at_key)) if marks else problem.located(1, 1))
    return placed


def marks_of_source(source: Source) -> Marks:
    """Return the marks of a source: those of its parse when it was loaded, else from parsing it now."""
    return source.marks if source.marks is not None else strictyaml.read(source)[1]


def locate(problems: list[Problem], sources: Mapping[str, Source]) -> list[Problem]:
    """Fill in line and column for problems about the given sources, parsing a source only if it was not loaded."""
    known: dict[str, Marks | None] = {}

    def marks_of(path: str) -> Marks | None:
        """Return the marks of one source, found once."""
        if path not in known:
            source = sources.get(path)
            known[path] = None if source is None else marks_of_source(source)
        return known[path]

    return place(problems, marks_of)
