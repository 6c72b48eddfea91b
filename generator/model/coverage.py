"""How far a rotation's shifts reach, and how far ahead they must be decided."""

from __future__ import annotations

from datetime import date, datetime, time

from generator.model.rotation import Rotation

# From this day of a month on, the next month's shifts must be decided.
DECIDE_FROM_DAY = 16


def coverage(rotation: Rotation) -> tuple[datetime, datetime] | None:
    """Return the first shift start and the last shift end, if there are shifts."""
    if not rotation.shifts:
        return None
    first = min(rotation.shifts, key=lambda s: s.start)
    last = max(rotation.shifts, key=lambda s: s.start)
    return rotation.shift_start(first), rotation.shift_end(last)


def month_after(day: date) -> date:
    """Return the first day of the month after ``day``'s month."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def next_month_end(rotation: Rotation, today: date) -> datetime:
    """Return the moment shifts must reach once the next month is decided: the start of the month after it."""
    return datetime.combine(month_after(month_after(today)), time(), rotation.timezone)
