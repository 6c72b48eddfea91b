"""Time policy and wording: durations and times in messages, and when a severity target expires."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Sequence
from zoneinfo import ZoneInfo

from generator.model.site import NEXT_BUSINESS_DAY

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
DAYS_FROM = 2 * DAY
SATURDAY = 5


def format_duration(delta: timedelta) -> str:
    """Render a duration as "42 min", "3 h 5 min", "30 h" or "2 d 4 h" (days from 48 h), rounded down."""
    seconds = int(abs(delta).total_seconds())
    if seconds < MINUTE:
        return f"{seconds} s"
    if seconds < HOUR:
        return f"{seconds // MINUTE} min"
    if seconds < DAYS_FROM:
        return _two_units(seconds // HOUR, "h", seconds % HOUR // MINUTE, "min")
    return _two_units(seconds // DAY, "d", seconds % DAY // HOUR, "h")


def _two_units(big: int, big_unit: str, small: int, small_unit: str) -> str:
    """Join a count and its remainder, leaving out a zero remainder."""
    text = f"{big} {big_unit}"
    return f"{text} {small} {small_unit}" if small else text


def first_out_of_order(times: Sequence[datetime]) -> int | None:
    """Return the index of the first time earlier than the one before it, if any."""
    return next((i for i in range(1, len(times)) if times[i] < times[i - 1]), None)


def format_time(moment: datetime) -> str:
    """Render an aware time in UTC, such as 2026-03-04T10:15Z (seconds only when not zero)."""
    utc = moment.astimezone(timezone.utc)
    pattern = "%Y-%m-%dT%H:%M:%SZ" if utc.second or utc.microsecond else "%Y-%m-%dT%H:%MZ"
    return utc.strftime(pattern)


def format_target(target: timedelta | str) -> str:
    """Render a severity target: a duration, or "the next business day"."""
    if target == NEXT_BUSINESS_DAY:
        return "the end of the next business day"
    return format_duration(target)


def next_business_day(day: date) -> date:
    """Return the first Monday-to-Friday date after ``day``."""
    following = day + timedelta(days=1)
    while following.weekday() >= SATURDAY:
        following += timedelta(days=1)
    return following


def end_of_next_business_day(moment: datetime, zone: ZoneInfo) -> datetime:
    """Return the last instant of the business day after ``moment``'s date in ``zone``."""
    day = next_business_day(moment.astimezone(zone).date())
    return datetime.combine(day, time.max, zone)


def deadline(start: datetime, target: timedelta | str, zone: ZoneInfo) -> datetime:
    """Return when a target that runs from ``start`` expires."""
    if target == NEXT_BUSINESS_DAY:
        return end_of_next_business_day(start, zone)
    return start + target
