"""Who is on duty in a rotation at a given moment, with overrides applied."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from generator.model.rotation import Override, Rotation, Shift


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
    pieces = (piece_between(rotation, start, end) for start, end in zip(moments, moments[1:]))
    return [duty for _, duty in join_pieces([piece for piece in pieces if piece[1] is not None])]


def piece_between(rotation: Rotation, start: datetime, end: datetime) -> tuple[Source, Duty | None]:
    """Return where the duty between two consecutive changes comes from, and that duty (None if nobody is scheduled)."""
    duty = on_duty(rotation, start)
    source = (shift_at(rotation, start), override_at(rotation, start))
    return source, replace(duty, start=start, end=end) if duty else None


def join_pieces(pieces: list[tuple[Source, Duty]]) -> list[tuple[Source, Duty]]:
    """Join pieces that follow on from one another and come from the same shift and the same override."""
    joined: list[tuple[Source, Duty]] = []
    for source, duty in pieces:
        if joined and joined[-1][0] == source and joined[-1][1].end == duty.start:
            joined[-1] = (source, replace(joined[-1][1], end=duty.end))
        else:
            joined.append((source, duty))
    return joined
