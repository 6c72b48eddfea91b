"""The moment of judgement."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from generator.clock import ClockError, resolve_now


def test_given_now_wins_over_source_date_epoch() -> None:
    """--now is used as given."""
    assert resolve_now("2026-01-02T03:04:05Z", {"SOURCE_DATE_EPOCH": "0"}) == datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_source_date_epoch_is_used_when_no_now_is_given() -> None:
    """SOURCE_DATE_EPOCH makes runs reproducible."""
    assert resolve_now(None, {"SOURCE_DATE_EPOCH": "86400"}) == datetime(1970, 1, 2, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", ["2026-01-02T03:04:05", "tomorrow", "2026-13-01T00:00Z"])
def test_now_needs_a_valid_timestamp_with_offset(text) -> None:
    """A naive or malformed --now is refused."""
    with pytest.raises(ClockError):
        resolve_now(text, {})


def test_bad_source_date_epoch_is_refused() -> None:
    """SOURCE_DATE_EPOCH must be whole seconds."""
    with pytest.raises(ClockError):
        resolve_now(None, {"SOURCE_DATE_EPOCH": "soon"})


@pytest.mark.parametrize("text", ["1970-01-01T00:00:00Z", "9998-12-31T23:59:59Z", "1970-01-01T01:00:00+01:00"])
def test_now_at_the_ends_of_the_range_is_accepted(text) -> None:
    """The first second of 1970 and the last of 9998 can be judged."""
    assert resolve_now(text, {}) == datetime.fromisoformat(text)


@pytest.mark.parametrize(
    "text",
    ["1969-12-31T23:59:59Z", "9999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "1970-01-01T00:30:00+01:00", "9998-12-31T23:30:00-01:00"],
)
def test_now_outside_the_range_is_refused_with_the_range(text) -> None:
    """Before 1970 or from 9999 on, --now is refused with a message that gives the allowed range."""
    with pytest.raises(ClockError, match="from 1970-01-01T00:00:00Z up to 9998-12-31T23:59:59Z"):
        resolve_now(text, {})


def test_source_date_epoch_up_to_the_end_of_9998_is_accepted() -> None:
    """The last second of 9998 as SOURCE_DATE_EPOCH is fine."""
    last = int(datetime(9999, 1, 1, tzinfo=timezone.utc).timestamp()) - 1
    assert resolve_now(None, {"SOURCE_DATE_EPOCH": str(last)}) == datetime(9998, 12, 31, 23, 59, 59, tzinfo=timezone.utc)


@pytest.mark.parametrize("epoch", ["253402300800", "99999999999999999999999999"])
def test_huge_source_date_epoch_is_refused_with_the_range(epoch) -> None:
    """A SOURCE_DATE_EPOCH from 9999 on, however large, is a ClockError, never an OverflowError."""
    with pytest.raises(ClockError, match="up to 9998-12-31T23:59:59Z"):
        resolve_now(None, {"SOURCE_DATE_EPOCH": epoch})
