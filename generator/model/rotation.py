"""On-call rotations: weekly shifts and their overrides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.model import compact_pickling

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SHIFT_LENGTH_DAYS = 7


@compact_pickling
@dataclass(frozen=True, slots=True)
class Shift:
    """One week on duty, starting at the rotation's handover time on ``start``."""

    start: date
    person: str
    backup: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Override:
    """A stretch of time in which someone else takes the duty."""

    start: datetime
    end: datetime
    person: str
    reason: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class Rotation:
    """A weekly rotation of people, such as the incident managers."""

    id: str
    path: str
    name: str
    timezone: ZoneInfo
    handover_day: str
    handover_time: time
    shifts: tuple[Shift, ...] = ()
    overrides: tuple[Override, ...] = ()
    description: str = ""

    def shift_start(self, shift: Shift) -> datetime:
        """Return the aware moment a shift begins, in the rotation's zone."""
        return datetime.combine(shift.start, self.handover_time, self.timezone)

    def shift_end(self, shift: Shift) -> datetime:
        """Return the aware moment a shift ends: the same wall time a week later."""
        end_day = shift.start + timedelta(days=SHIFT_LENGTH_DAYS)
        return datetime.combine(end_day, self.handover_time, self.timezone)
