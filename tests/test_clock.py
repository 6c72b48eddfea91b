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
