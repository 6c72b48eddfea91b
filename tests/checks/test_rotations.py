"""Tests of the rotation rules C801-C810."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.model.rotation import Override, Shift
from generator.problems import Level
from tests.checks.factories import at, context, rotation, run

CREW = ("alice", "bob", "carol")


def weekly(first: date, weeks: int, crew: tuple[str, ...] = CREW) -> tuple[Shift, ...]:
    """Build consecutive weekly shifts from ``first``, taking turns through the crew."""
    return tuple(
        Shift(first + timedelta(weeks=n), crew[n % len(crew)], crew[(n + 1) % len(crew)]) for n in range(weeks)
    )


def check(code: str, shifts: tuple[Shift, ...], now: str = "2026-06-10T12:00Z", **fields) -> list:
    """Run one rule over one rotation with these shifts."""
    return run(code, context(now, rotations=[rotation(shifts=shifts, **fields)]))


GOOD = weekly(date(2026, 6, 1), 10)  # Mondays 1 June to 3 August, coverage until 10 August


@pytest.mark.parametrize("code", [f"C{n}" for n in range(801, 811)])
def test_good_rotation_is_silent(code: str) -> None:
    """Weekly Monday shifts taking turns, covering now and next month, yield nothing."""
    overrides = (Override(at("2026-06-03T08:00Z"), at("2026-06-04T08:00Z"), "carol", "swap"),)
    assert check(code, GOOD, now="2026-06-20T12:00Z", overrides=overrides) == []


def test_shift_day() -> None:
    """A shift starting on a Tuesday is reported at its start."""
    shifts = GOOD[:2] + (Shift(date(2026, 6, 16), "carol"),)
    [problem] = check("C801", shifts)
    assert (problem.code, problem.level, problem.field) == ("C801", Level.ERROR, ("shifts", 2, "start"))
    assert "2026-06-16, a Tuesday" in problem.message and "handover day, Monday" in problem.message


def test_shifts_order() -> None:
    """A shift listed before an earlier one is reported."""
    shifts = (GOOD[0], GOOD[2], GOOD[1])
    [problem] = check("C802", shifts)
    assert (problem.code, problem.field) == ("C802", ("shifts", 2, "start"))
    assert "2026-06-08 is listed after the one starting 2026-06-15" in problem.message


def test_coverage_gap() -> None:
    """A missing week is a gap from the end of one shift to the start of the next."""
    shifts = (GOOD[0], GOOD[2])
    [problem] = check("C803", shifts)
    assert (problem.code, problem.field) == ("C803", ("shifts", 1, "start"))
    assert "no one on duty from 2026-06-08 09:00 Europe/Berlin to 2026-06-15 09:00 Europe/Berlin" in problem.message


def test_coverage_gap_uses_start_order() -> None:
    """Shifts listed out of order but contiguous leave no gap."""
    assert check("C803", (GOOD[1], GOOD[0], GOOD[2])) == []


def test_no_gap_across_daylight_saving() -> None:
    """The handover stays at 09:00 wall time across the March clock change."""
    assert check("C803", weekly(date(2026, 3, 23), 3)) == []
    assert check("C804", weekly(date(2026, 3, 23), 3)) == []


def test_coverage_overlap_same_start() -> None:
    """Two shifts on one start are reported."""
    shifts = GOOD[:2] + (Shift(date(2026, 6, 8), "carol"),)
    [problem] = check("C804", shifts)
    assert (problem.code, problem.field) == ("C804", ("shifts", 2, "start"))
    assert "two shifts start on 2026-06-08 (bob and carol)" in problem.message


def test_coverage_overlap() -> None:
    """A shift starting before the previous one ends overlaps it (here also on the wrong day)."""
    shifts = (GOOD[0], Shift(date(2026, 6, 4), "bob"))
    [problem] = check("C804", shifts)
    assert problem.field == ("shifts", 1, "start")
    assert "runs until 2026-06-08 09:00 Europe/Berlin" in problem.message


def test_shift_spacing_back_to_back() -> None:
    """The same person in consecutive weeks is reported at the later shift's person."""
    shifts = weekly(date(2026, 6, 1), 2, crew=("alice", "bob"))[:1] + (Shift(date(2026, 6, 8), "alice", "bob"),)
    [problem] = check("C805", shifts)
    assert (problem.code, problem.field) == ("C805", ("shifts", 1, "person"))
    assert "alice is on duty from 2026-06-01 and again from 2026-06-08" in problem.message
    assert "2026-06-15 at the earliest" in problem.message


def test_shift_spacing_every_other_week_is_fine() -> None:
    """Two people alternating weekly leaves each a week off."""
    assert check("C805", weekly(date(2026, 6, 1), 6, crew=("alice", "bob"))) == []


def test_backup_self() -> None:
    """A backup who is the person on duty is reported."""
    [problem] = check("C806", GOOD[:1] + (Shift(date(2026, 6, 8), "bob", "bob"),))
    assert (problem.code, problem.field) == ("C806", ("shifts", 1, "backup"))
    assert "backup is bob, the person on duty" in problem.message


def test_next_month_undecided() -> None:
    """From the 16th, shifts must run to the end of next month."""
    shifts = weekly(date(2026, 6, 1), 8)  # until 2026-07-27 09:00
    [problem] = check("C807", shifts, now="2026-06-15T22:30Z")  # 16 June 00:30 in Berlin
    assert (problem.code, problem.level, problem.field) == ("C807", Level.WARNING, ("shifts",))
    assert "shifts run until 2026-07-27 09:00 Europe/Berlin" in problem.message
    assert "July 2026 rotation must be decided" in problem.message
    assert "end of July (2026-08-01 00:00 Europe/Berlin)" in problem.message


def test_next_month_not_yet_due() -> None:
    """Before the 16th in the rotation's zone, or with next month covered, there is nothing to say."""
    shifts = weekly(date(2026, 6, 1), 8)
    assert check("C807", shifts, now="2026-06-15T21:30Z") == []
    assert check("C807", weekly(date(2026, 6, 1), 9), now="2026-06-30T12:00Z") == []


def test_next_month_in_december() -> None:
    """In December the next month is January of the next year."""
    [problem] = check("C807", weekly(date(2026, 11, 30), 5), now="2026-12-20T12:00Z")
    assert "January 2027" in problem.message and "2027-02-01 00:00" in problem.message


@pytest.mark.parametrize(
    "now, detail",
    [
        ("2026-05-31T12:00Z", "shifts cover 2026-06-01 09:00 Europe/Berlin to 2026-08-10 09:00 Europe/Berlin"),
        ("2026-08-10T07:00Z", "no one is on duty now (2026-08-10 09:00 Europe/Berlin)"),
    ],
    ids=["not-begun", "run-out"],
)
def test_no_one_on_duty(now: str, detail: str) -> None:
    """Before the first and from the end of the last shift no one is on duty."""
    [problem] = check("C808", GOOD, now=now)
    assert (problem.code, problem.level, problem.field) == ("C808", Level.WARNING, ("shifts",))
    assert detail in problem.message


def test_someone_on_duty_at_handover() -> None:
    """At the handover moment the next shift is on duty."""
    assert check("C808", GOOD, now="2026-06-08T07:00Z") == []


def test_override_ends_before_start() -> None:
    """An override must end after it starts."""
    overrides = (Override(at("2026-06-03T08:00Z"), at("2026-06-03T08:00Z"), "carol", "swap"),)
    [problem] = check("C809", GOOD, overrides=overrides)
    assert (problem.code, problem.field) == ("C809", ("overrides", 0, "end"))
    assert "not after its start" in problem.message


@pytest.mark.parametrize(
    "start, end, name",
    [("2026-05-31T08:00Z", "2026-06-02T08:00Z", "start"), ("2026-08-09T08:00Z", "2026-08-10T08:00Z", "end")],
)
def test_override_outside_coverage(start: str, end: str, name: str) -> None:
    """An override beyond the first shift's start or the last shift's end is reported."""
    overrides = (Override(at(start), at(end), "carol", "swap"),)
    [problem] = check("C809", GOOD, overrides=overrides)
    assert problem.field == ("overrides", 0, name)
    assert "which cover 2026-06-01 09:00 Europe/Berlin to 2026-08-10 09:00 Europe/Berlin" in problem.message


def test_override_overlap() -> None:
    """Overlapping overrides are reported once, at the later-listed one; touching ones are fine."""
    overrides = (
        Override(at("2026-06-03T08:00Z"), at("2026-06-04T08:00Z"), "carol", "swap"),
        Override(at("2026-06-04T08:00Z"), at("2026-06-05T08:00Z"), "bob", "swap"),
        Override(at("2026-06-03T20:00Z"), at("2026-06-03T22:00Z"), "alice", "dentist"),
    )
    [problem] = check("C810", GOOD, overrides=overrides)
    assert (problem.code, problem.field) == ("C810", ("overrides", 2, "start"))
    assert "overrides[2] (alice" in problem.message and "overrides[0] (carol" in problem.message
