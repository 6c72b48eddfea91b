"""Tests of rotation coverage: how far the shifts reach and how far ahead they must be decided."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from generator.model.coverage import coverage, month_after, next_month_end
from generator.model.rotation import Shift
from tests.checks.factories import rotation

BERLIN = ZoneInfo("Europe/Berlin")


def test_coverage_runs_from_first_start_to_last_end() -> None:
    """Shifts listed out of order still cover from the earliest start to a week after the latest."""
    shifts = (Shift(date(2026, 6, 8), "bob"), Shift(date(2026, 6, 1), "alice"))
    assert coverage(rotation(shifts=shifts)) == (
        datetime.combine(date(2026, 6, 1), time(9), BERLIN), datetime.combine(date(2026, 6, 15), time(9), BERLIN))
    assert coverage(rotation()) is None


def test_month_after_wraps_the_year() -> None:
    """The month after December is January of the next year."""
    assert month_after(date(2026, 12, 20)) == date(2027, 1, 1)
    assert month_after(date(2026, 1, 31)) == date(2026, 2, 1)


def test_next_month_end_is_midnight_after_next_month() -> None:
    """Deciding next month means shifts until midnight at its end, in the rotation's zone."""
    assert next_month_end(rotation(), date(2026, 11, 23)) == datetime(2027, 1, 1, tzinfo=BERLIN)
