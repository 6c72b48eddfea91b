"""Who is on duty in a rotation at a given moment, with overrides applied."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Iterable

from generator.model.rotation import SHIFT_LENGTH_DAYS, Override, Rotation, Shift


@dataclass(frozen=True, slots=True)
class Duty:
    """A stretch of time one person is on duty, in UTC; ``override`` is set when it replaces a shift."""

    person: str
    start: datetime
    end: datetime
    backup: str | None = None
    override: Override | None = None


def utc(moment: datetime) -> datetime:
    """Return an aware moment in UTC, so that comparisons across DST changes are exact."""
    return moment.astimezone(timezone.utc)


def shift_duty(rotation: Rotation, shift: Shift) -> Duty:
    """Return the duty a shift describes."""
    return Duty(shift.person, utc(rotation.shift_start(shift)), utc(rotation.shift_end(shift)), shift.backup)


def shift_at(rotation: Rotation, at: datetime) -> Shift | None:
    """Return the shift running at ``at``: the latest-starting one that covers it."""
    covering = [s for s in rotation.shifts if utc(rotation.shift_start(s)) <= utc(at) < utc(rotation.shift_end(s))]
    return max(covering, key=lambda s: s.start, default=None)


def override_at(rotation: Rotation, at: datetime) -> Override | None:
    """Return the override in force at ``at``; the last listed wins."""
    covering = [o for o in rotation.overrides if utc(o.start) <= utc(at) < utc(o.end)]
    return covering[-1] if covering else None


def on_duty(rotation: Rotation, at: datetime) -> Duty | None:
    """Return who is on duty at ``at``: an override's person, else the shift's; None if nobody is scheduled."""
    shift = shift_at(rotation, at)
    override = override_at(rotation, at)
    if override is not None:
        backup = shift.backup if shift else None
        return Duty(override.person, utc(override.start), utc(override.end), backup, override)
    return shift_duty(rotation, shift) if shift else None


def changes(rotation: Rotation) -> list[datetime]:
    """Return every moment the duty may change: shift and override boundaries, in UTC order."""
    moments = {utc(rotation.shift_start(s)) for s in rotation.shifts} | {utc(rotation.shift_end(s)) for s in rotation.shifts}
    moments |= {utc(o.start) for o in rotation.overrides} | {utc(o.end) for o in rotation.overrides}
    return sorted(moments)


def next_on_duty(rotation: Rotation, at: datetime) -> Duty | None:
    """Return the next person to take the duty after ``at``, starting at the moment they take it."""
    current = on_duty(rotation, at)
    for moment in changes(rotation):
        if moment <= utc(at):
            continue
        duty = on_duty(rotation, moment)
        if duty is not None and (current is None or duty.person != current.person):
            return replace(duty, start=moment)
    return None


Source = tuple[Shift | None, Override | None]
"""Where a stretch of duty comes from: the shift running and the override in force, either may be absent."""


def final_duties(rotation: Rotation) -> list[Duty]:
    """Return the duties with overrides applied: shifts cut at override boundaries, each override apart, in UTC order.

    Pieces are joined only when they come from the same shift and the same override, so two shifts of one person,
    or an override given to the shift's own person, stay apart; an override across a handover is cut there, because
    the backup changes with the shift.
    """
    moments = changes(rotation)
    shifts = ShiftIndex(rotation)
    pieces = (piece_between(rotation, shifts, start, end) for start, end in zip(moments, moments[1:]))
    return [duty for _, duty in join_pieces([piece for piece in pieces if piece[1] is not None])]


def final_duties_of(rotations: Iterable[Rotation]) -> tuple[list[Duty], ...]:
    """Return the final duties of each rotation, in their order, for the views that share them."""
    return tuple(final_duties(rotation) for rotation in rotations)


class ShiftIndex:
    """The shifts of a rotation by UTC start, answering shift_at in logarithmic time for long schedules."""

    def __init__(self, rotation: Rotation) -> None:
        """Sort the shifts by start; of shifts starting together the first listed sorts last, as shift_at prefers it."""
        listed = enumerate(rotation.shifts)
        spans = sorted(((utc(rotation.shift_start(s)), -i, utc(rotation.shift_end(s)), s) for i, s in listed), key=lambda x: x[:2])
        spans = [(start, end, shift) for start, _, end, shift in spans]
        self.starts = [start for start, _, _ in spans]
        self.spans = spans

    def at(self, moment: datetime) -> Shift | None:
        """Return the latest-starting shift that covers ``moment``, exactly as shift_at does."""
        earliest = utc(moment) - timedelta(days=SHIFT_LENGTH_DAYS + 1)
        for index in range(bisect_right(self.starts, utc(moment)) - 1, -1, -1):
            start, end, shift = self.spans[index]
            if start < earliest:
                return None
            if utc(moment) < end:
                return shift
        return None


def piece_between(rotation: Rotation, shifts: ShiftIndex, start: datetime, end: datetime) -> tuple[Source, Duty | None]:
    """Return where the duty between two consecutive changes comes from, and that duty (None if nobody is scheduled)."""
    shift, override = shifts.at(start), override_at(rotation, start)
    if override is not None:
        duty = Duty(override.person, start, end, shift.backup if shift else None, override)
    else:
        duty = replace(shift_duty(rotation, shift), start=start, end=end) if shift else None
    return (shift, override), duty


def join_pieces(pieces: list[tuple[Source, Duty]]) -> list[tuple[Source, Duty]]:
    """Join pieces that follow on from one another and come from the same shift and the same override."""
    joined: list[tuple[Source, Duty]] = []
    for source, duty in pieces:
        if joined and joined[-1][0] == source and joined[-1][1].end == duty.start:
            joined[-1] = (source, replace(joined[-1][1], end=duty.end))
        else:
            joined.append((source, duty))
    return joined
