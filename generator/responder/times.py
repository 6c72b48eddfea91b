"""Times as responders type them (30m, 2026-11-23T18:30:00Z) and as records store them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from generator.clock import RANGE, ClockError, in_range, iso_utc, parse_now
from generator.responder.errors import UsageProblem

_DURATION = re.compile(r"^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$")


def parse_duration(text: str) -> timedelta | None:
    """Parse 30m, 1h, 1h30m, 2d or 1w; None if the text is not a duration."""
    match = _DURATION.match(text.strip())
    if match is None or not any(match.groups()):
        return None
    weeks, days, hours, minutes = (int(part or 0) for part in match.groups())
    return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)


def later(now: datetime, duration: timedelta, text: str, option: str) -> datetime:
    """Return ``now`` plus ``duration``, refusing a sum outside the years Statusbook can judge."""
    try:
        return in_range(now + duration, f"{option} {text} from now")
    except (OverflowError, ClockError):
        raise UsageProblem(f"{option} {text} from now is outside the years Statusbook can judge; use a moment {RANGE}") from None


def parse_when(text: str, now: datetime, option: str) -> datetime:
    """Read a moment given as a duration from ``now`` or as a timestamp with offset."""
    duration = parse_duration(text)
    if duration is not None:
        return later(now, duration, text, option)
    try:
        return parse_now(text)
    except ClockError:
        raise UsageProblem(f"{option} '{text}' is neither a duration such as 30m or 1h nor a timestamp such as 2026-11-23T18:30:00Z") from None


def parse_earlier(text: str, now: datetime, option: str) -> datetime:
    """Read a moment no later than ``now``: a timestamp with offset, or a duration before ``now`` such as 45m (or 45m ago)."""
    duration = parse_duration(text.strip().removesuffix("ago").strip())
    if duration is not None:
        try:
            return in_range(now - duration, f"{option} {text} before now")
        except (OverflowError, ClockError):
            raise UsageProblem(f"{option} {text} before now is outside the years Statusbook can judge; use a moment {RANGE}") from None
    try:
        moment = parse_now(text)
    except ClockError:
        raise UsageProblem(f"{option} '{text}' is neither a timestamp such as 2026-11-23T17:40:00Z nor a duration before --now such as 45m") from None
    if moment > now:
        raise UsageProblem(f"{option} {text} is after --now ({iso_utc(now)}); it records something that has already happened")
    return moment
