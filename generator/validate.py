"""Validation end to end: load every record, run every check, locate every problem."""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from generator.checks.registry import all_rules, checked, settings_problems
from generator.checks.rules import Rule
from generator.loading.corpus import Loaded, default_workers, load_root
from generator.loading.locate import place
from generator.memory import collection_paused
from generator.problems import Level, Problem

# Forking a checker costs about as much as running the rules over two or three thousand incidents on one core.
CHECK_SHARES_FROM = 4000
# Checking beside a build pays once the checks take longer than forking and sending their problems back.
CHECK_BESIDE_FROM = 200
# What a forked checker inherits from the process that loaded the records: the records, the moment of judgement and
# the counter of rules claimed so far.
_INHERITED: tuple[Loaded, datetime, Any] | None = None


class ChecksStopped(RuntimeError):
    """The process checking the records beside a build died before it reported."""


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


def check_loaded(loaded: Loaded, now: datetime, workers: int = 1) -> Report:
    """Run the checks on loaded records and place every problem in its file by the marks of its one parse.

    With more than one worker, a large corpus is checked by that many processes, each running a share of the
    rules over the records it inherits when forked; nothing is sent to them and only their problems come back.
    """
    problems = list(loaded.problems)
    with collection_paused():
        if loaded.corpus is not None:
            problems.extend(settings_problems(loaded.corpus))
            problems.extend(checked_in_shares(loaded, now, shares(loaded, workers)))
        placed = place(problems, loaded.positions.get)
    return Report(tuple(sorted(placed, key=Problem.sort_key)), loaded.file_count)


def shares(loaded: Loaded, workers: int) -> int:
    """Say into how many processes to split the checks: one unless the corpus is large and forking is possible."""
    if workers <= 1 or len(loaded.corpus.incidents) < CHECK_SHARES_FROM:
        return 1
    return workers if "fork" in multiprocessing.get_all_start_methods() else 1


def claimed(rules: list[Rule], counter: Any) -> Iterator[Rule]:
    """Yield the rules this process claims: each time the next one no process has claimed, until none is left."""
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value = index + 1
        if index >= len(rules):
            return
        yield rules[index]


def checked_claims(loaded: Loaded, now: datetime, counter: Any) -> list[Problem]:
    """Run the rules this process claims and place what they find."""
    return place(checked(loaded.corpus, now, claimed(all_rules(), counter)), loaded.positions.get)


def inherited_claims() -> list[Problem]:
    """Run the rules a forked checker claims, over the records it inherited."""
    loaded, now, counter = _INHERITED
    return checked_claims(loaded, now, counter)


def checked_in_shares(loaded: Loaded, now: datetime, count: int) -> list[Problem]:
    """Run every rule in this process and ``count - 1`` forked ones, each claiming the next rule when it is free."""
    global _INHERITED
    if count <= 1:
        return place(checked(loaded.corpus, now, all_rules()), loaded.positions.get)
    fork = multiprocessing.get_context("fork")
    counter = fork.Value("i", 0)
    _INHERITED = (loaded, now, counter)
    try:
        with ProcessPoolExecutor(count - 1, mp_context=fork) as pool:
            others = [pool.submit(inherited_claims) for _ in range(1, count)]
            problems = checked_claims(loaded, now, counter)
            for other in others:
                problems.extend(other.result())
    finally:
        _INHERITED = None
    return problems


def inherited_report() -> Report:
    """Run every check in a forked process, over the records it inherited."""
    loaded, now, _ = _INHERITED
    return check_loaded(loaded, now)


def forking_pays(loaded: Loaded) -> bool:
    """Say whether the checks of ``loaded`` are worth a forked process: the corpus is large enough and forking possible."""
    return (loaded.corpus is not None and len(loaded.corpus.incidents) >= CHECK_BESIDE_FROM
            and "fork" in multiprocessing.get_all_start_methods())


@dataclass(frozen=True, slots=True)
class KnownReport:
    """The report of checks that already ran."""

    known: Report

    def ready(self) -> bool:
        """Whether the report is in: always."""
        return True

    def report(self) -> Report:
        """The report."""
        return self.known


@dataclass(frozen=True, slots=True)
class ForkedReport:
    """The report of checks running in a forked process."""

    future: Future

    def ready(self) -> bool:
        """Whether the report is in (or the checker died), without waiting."""
        return self.future.done()

    def report(self) -> Report:
        """Wait for the report; raise ChecksStopped if the checker died."""
        try:
            return self.future.result()
        except BrokenProcessPool:
            raise ChecksStopped("the process checking the records stopped before it finished (out of memory?); "
                                "build again") from None


@contextmanager
def checks_beside(loaded: Loaded, now: datetime) -> Iterator[KnownReport | ForkedReport]:
    """Check the loaded records in a forked process while the block goes on; yield their report to come.

    The block may render from the records before they are known valid, so it must write nothing it cannot discard.
    Where forking is impossible, fails or does not pay, the checks run before the block. Only the checker keeps what
    placing problems needs, so that is freed here.
    """
    future = forked_checks(loaded, now) if forking_pays(loaded) else None
    if future is None:
        report = KnownReport(check_loaded(loaded, now))
        del loaded
        yield report
        return
    del loaded
    try:
        yield ForkedReport(future)
    finally:
        gc.unfreeze()


def forked_checks(loaded: Loaded, now: datetime) -> Future | None:
    """Fork a process that checks ``loaded`` and exits once it has sent its report; None when none can be forked.

    Collection stays frozen in this process while the checker runs (the caller unfreezes it), since collections would
    otherwise write to every record the checker shares.
    """
    global _INHERITED
    gc.freeze()
    _INHERITED = (loaded, now, None)
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        return pool.submit(inherited_report)
    except OSError:  # no process to be had (the process or memory limit): check in this one
        gc.unfreeze()
        return None
    finally:
        _INHERITED = None
        pool.shutdown(wait=False)  # the checker exits as soon as it has sent its report, and its memory is freed


def validate(root: Path, now: datetime, workers: int | None = None) -> Report:
    """Validate every record under ``root`` as of ``now``, loading and checking on ``workers`` processes (default:
    every core)."""
    workers = workers or default_workers()
    with collection_paused():  # once for both steps: re-enabled between them, it would pass over every record
        return check_loaded(load_root(root, workers), now, workers)
