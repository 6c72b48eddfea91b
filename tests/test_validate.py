"""Checkers that share one counter claim every rule exactly once; validation pauses cycle collection throughout."""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from pathlib import Path

import generator.validate
from generator.clock import parse_now
from generator.validate import claimed, validate

EXAMPLE = Path(__file__).resolve().parents[1]


def test_checkers_sharing_a_counter_claim_each_rule_once() -> None:
    """Two checkers taking turns get disjoint rules, in order, that together are all of them."""
    counter = multiprocessing.get_context("fork").Value("i", 0)
    rules = list("abcdefg")
    first, second = claimed(rules, counter), claimed(rules, counter)
    taken: dict[str, list[str]] = {"first": [], "second": []}
    for turn in range(len(rules)):
        taken["first" if turn % 3 else "second"].append(next(first if turn % 3 else second))
    assert next(first, None) is None and next(second, None) is None
    assert sorted(taken["first"] + taken["second"]) == rules
    assert taken == {"first": ["b", "c", "e", "f"], "second": ["a", "d", "g"]}


def test_cycle_collection_stays_paused_from_loading_to_checking_and_resumes_after(monkeypatch) -> None:
    """Collection is off from before loading until the problems are placed, and back on after."""
    seen: list[bool] = []
    load_root, check_loaded = generator.validate.load_root, generator.validate.check_loaded
    monkeypatch.setattr(generator.validate, "load_root", lambda *a: seen.append(gc.isenabled()) or load_root(*a))
    monkeypatch.setattr(generator.validate, "check_loaded", lambda *a: seen.append(gc.isenabled()) or check_loaded(*a))
    assert gc.isenabled()
    report = validate(EXAMPLE, parse_now("2026-12-05T12:00:00Z"), workers=1)
    assert seen == [False, False]
    assert gc.isenabled()
    assert report.file_count > 30


def ends(pid: int, seconds: float = 30) -> bool:
    """Wait until the process ``pid`` is gone (exited and reaped, by whichever thread), at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_the_checker_beside_a_build_exits_once_it_has_reported(monkeypatch) -> None:
    """The forked checker gives its memory back as soon as its report is in, while the build goes on."""
    monkeypatch.setattr(generator.validate, "CHECK_BESIDE_FROM", 0)
    now = parse_now("2026-12-05T12:00:00Z")
    loaded = generator.validate.load_root(EXAMPLE, 1)
    expected = generator.validate.check_loaded(loaded, now)
    before = {process.pid for process in multiprocessing.active_children()}
    with generator.validate.checks_beside(loaded, now) as pending:
        started = {process.pid for process in multiprocessing.active_children()} - before
        assert pending.report() == expected
        assert started and all(ends(pid) for pid in started)


def test_checks_run_here_when_no_process_can_be_forked(monkeypatch) -> None:
    """A fork refused for want of processes or memory means checking in this process, with collection unfrozen."""
    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(generator.validate, "CHECK_BESIDE_FROM", 0)
    monkeypatch.setattr(os, "fork", refused)
    now = parse_now("2026-12-05T12:00:00Z")
    loaded = generator.validate.load_root(EXAMPLE, 1)
    expected = generator.validate.check_loaded(loaded, now)
    with generator.validate.checks_beside(loaded, now) as pending:
        assert isinstance(pending, generator.validate.KnownReport) and pending.report() == expected
    assert gc.get_freeze_count() == 0
