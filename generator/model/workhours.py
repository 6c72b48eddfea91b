"""People's working hours in their own time zones: who is at work at a moment, and who starts next (follow the sun)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.model.rotation import WEEKDAYS

# Working days when a person names working hours but no days.
DEFAULT_WORKING_DAYS = WEEKDAYS[:5]
HOURS_PATTERN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
HOURS_RULE = 'HH:MM-HH:MM in 24-hour time, quoted, such as "09:00-17:30"; an end before the start runs past midnight'
# How far ahead a search for the next working day looks: a week covers every pattern of working days.
LOOK_AHEAD_DAYS = 8


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """The hours of a working day, in the person's zone; an end at or before the start runs into the next day."""

    start: time
    end: time

    @property
    def overnight(self) -> bool:
        """Whether the hours run past midnight, such as 22:00-06:00."""
        return self.end <= self.start

    def __str__(self) -> str:
        """Write the hours as people.yml does, such as 09:00-17:30."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_hours(text: str) -> WorkingHours | None:
    """Read ``HH:MM-HH:MM``; None if the text is not in that form."""
    match = HOURS_PATTERN.match(text.strip())
    if match is None:
        return None
    return WorkingHours(time(int(match[1]), int(match[2])), time(int(match[3]), int(match[4])))


def day_span(hours: WorkingHours, zone: ZoneInfo, day: date) -> tuple[datetime, datetime]:
    """Return the aware start and end of the working hours that begin on ``day``."""
    end_day = day + timedelta(days=1) if hours.overnight else day
    return datetime.combine(day, hours.start, zone), datetime.combine(end_day, hours.end, zone)


def spans_around(hours: WorkingHours, zone: ZoneInfo, days: tuple[str, ...], at: datetime,
                 ahead: int = LOOK_AHEAD_DAYS) -> list[tuple[datetime, datetime]]:
    """Return the working spans from the day before ``at`` (local) to ``ahead`` days after it, in order."""
    today = at.astimezone(zone).date()
    candidates = (today + timedelta(days=offset) for offset in range(-1, ahead))
    return [day_span(hours, zone, day) for day in candidates if WEEKDAYS[day.weekday()] in days]


def is_working(hours: WorkingHours, zone: ZoneInfo, days: tuple[str, ...], at: datetime) -> bool:
    """Whether ``at`` falls within the working hours of one of the working days.

    A span starts on its own local day and ends by the next, so only the spans of the day before ``at`` and of its
    own day can hold it.
    """
    return any(start <= at < end for start, end in spans_around(hours, zone, days, at, ahead=1))


def next_start(hours: WorkingHours, zone: ZoneInfo, days: tuple[str, ...], at: datetime) -> datetime | None:
    """Return ``at`` if it falls in working hours, else when the next working hours begin; None without working days."""
    for start, end in spans_around(hours, zone, days, at):
        if at < end:
            return max(start, at)
    return None
