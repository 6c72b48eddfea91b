"""Tests of the time helpers shared by the rules."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from generator.model.timing import deadline, first_out_of_order, format_duration, format_time, next_business_day
from tests.checks.factories import at

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "delta, text",
    [
        (timedelta(seconds=30), "30 s"),
        (timedelta(minutes=42, seconds=59), "42 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(hours=3, minutes=5), "3 h 5 min"),
        (timedelta(hours=30), "30 h"),
        (timedelta(days=2, hours=4, minutes=10), "2 d 4 h"),
    ],
)
def test_format_duration(delta: timedelta, text: str) -> None:
    """Durations read as minutes, hours, or days with hours."""
    assert format_duration(delta) == text


def test_format_time_is_utc_to_the_minute() -> None:
    """Times are shown in UTC, with seconds only when present."""
    assert format_time(at("2026-03-04T11:15+01:00")) == "2026-03-04T10:15Z"
    assert format_time(at("2026-03-04T10:15:30Z")) == "2026-03-04T10:15:30Z"


def test_next_business_day_skips_weekends() -> None:
    """Friday and Saturday are followed by Monday."""
    assert next_business_day(date(2026, 6, 5)) == date(2026, 6, 8)
    assert next_business_day(date(2026, 6, 6)) == date(2026, 6, 8)
    assert next_business_day(date(2026, 6, 8)) == date(2026, 6, 9)


def test_deadline_of_next_business_day_uses_local_date() -> None:
    """Thursday 23:30 UTC is Friday in Berlin, so the deadline is the end of Monday there."""
    due = deadline(at("2026-06-04T23:30Z"), "next_business_day", BERLIN)
    assert due.astimezone(BERLIN).date() == date(2026, 6, 8)
    assert (due.hour, due.minute, due.second) == (23, 59, 59)
    assert deadline(at("2026-06-04T23:30Z"), timedelta(hours=1), BERLIN) == at("2026-06-05T00:30Z")


def test_first_out_of_order() -> None:
    """The first time earlier than its predecessor is found; equal times are in order."""
    assert first_out_of_order([at("2026-06-01T10:00Z"), at("2026-06-01T10:00Z"), at("2026-06-01T09:00Z")]) == 2
    assert first_out_of_order([]) is None
