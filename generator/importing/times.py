"""Statuspage timestamps, such as 2026-11-23T15:08:00.000Z or 2014-05-14T14:22:40.301-06:00."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.clock import ClockError, in_range


def moment(value: Any) -> datetime | None:
    """Read a Statuspage timestamp with offset; None if it is missing, naive, unreadable or out of range."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    try:
        return in_range(parsed, value)
    except (ClockError, OverflowError):
        return None
