"""Validation end to end: load every record, run every check, locate every problem."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.checks.registry import run_checks
from generator.loading.corpus import Loaded, load_root
from generator.loading.locate import place
from generator.memory import collection_paused
from generator.problems import Level, Problem


@dataclass(frozen=True, slots=True)
class Report:
    """All problems found under a root, in file and position order."""

    problems: tuple[Problem, ...]
    file_count: int

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(1 for p in self.problems if p.level is Level.ERROR)

    @property
    def warnings(self) -> int:
        """How many problems are warnings."""
        return sum(1 for p in self.problems if p.level is Level.WARNING)


def check_loaded(loaded: Loaded, now: datetime) -> Report:
    """Run the checks on loaded records and place every problem in its file by the marks of its one parse."""
    problems = list(loaded.problems)
    with collection_paused():
        if loaded.corpus is not None:
            problems.extend(run_checks(loaded.corpus, now))
        placed = place(problems, loaded.positions.get)
    return Report(tuple(sorted(placed, key=Problem.sort_key)), loaded.file_count)


def validate(root: Path, now: datetime, workers: int | None = None) -> Report:
    """Validate every record under ``root`` as of ``now``, loading on ``workers`` processes (default: every core)."""
    return check_loaded(load_root(root, workers), now)
