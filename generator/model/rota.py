"""The rota behind the commander: who commands at a moment, and what each handover of the rotation asks of open incidents."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.model.incident import Incident
from generator.model.ownership import first_owner, owner_at
from generator.model.rotation import Rotation
from generator.model.schedule import Duty, ShiftIndex, override_at, shift_duty, utc
from generator.model.site import Person

# A handoff or keep this close to a rota handover, before or after it, answers that handover.
HANDOVER_WINDOW = timedelta(hours=2)
JUST_BEFORE = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class Handover:
    """A change of the person on duty at a shift start: who hands the duty over to whom, and when (UTC)."""

    at: datetime
    outgoing: str
    incoming: str


def commander_rotation(rotations: list[Rotation], rotation_id: str) -> Rotation | None:
    """Return the rotation whose person on duty commands incidents, if the portal has it."""
    return next((rotation for rotation in rotations if rotation.id == rotation_id), None)


class RotaIndex:
    """A rotation indexed once: who is on duty at a moment and its handovers, in logarithmic time for long schedules."""

    def __init__(self, rotation: Rotation) -> None:
        """Index the shifts by start and find every handover."""
        self.rotation = rotation
        self.shifts = ShiftIndex(rotation)
        self.handovers = find_handovers(self)
        self.handover_times = [handover.at for handover in self.handovers]

    def on_duty(self, at: datetime) -> Duty | None:
        """Return who is on duty at ``at``, as schedule.on_duty does: an override's person, else the shift's."""
        shift, override = self.shifts.at(at), override_at(self.rotation, at)
        if override is not None:
            return Duty(override.person, utc(override.start), utc(override.end), shift.backup if shift else None, override)
        return shift_duty(self.rotation, shift) if shift else None

    def duty_people(self, at: datetime) -> tuple[str, ...]:
        """Return who may take a new incident at ``at``: the person on duty, then their backup; empty if nobody is."""
        duty = self.on_duty(at)
        if duty is None:
            return ()
        return (duty.person,) + ((duty.backup,) if duty.backup and duty.backup != duty.person else ())

    def handovers_between(self, start: datetime, end: datetime) -> list[Handover]:
        """Return the handovers from ``start`` up to ``end``, both included."""
        return self.handovers[bisect_left(self.handover_times, utc(start)):bisect_right(self.handover_times, utc(end))]


def taken_moments(incident: Incident) -> tuple[datetime, ...]:
    """Return when the first commander may have taken the incident: when it started, was detected or acknowledged."""
    return tuple(m for m in (incident.started, incident.detected, incident.acknowledged) if m is not None)


def handed_to_duty(rota: RotaIndex, incident: Incident) -> bool:
    """Whether a handoff passed the incident to someone on duty at the moment of that handoff."""
    return any(handoff.to_person in rota.duty_people(handoff.at) for handoff in incident.handoffs)


def commander_on_rota(rota: RotaIndex, incident: Incident) -> bool | None:
    """Whether the first commander was on duty (or backup) when the incident began or was taken, or handed it to who was.

    None when the rotation covers none of those moments, so it cannot tell.
    """
    moments = taken_moments(incident)
    on_duty_then = [rota.duty_people(moment) for moment in moments]
    if not any(on_duty_then):
        return None
    return any(first_owner(incident) in people for people in on_duty_then) or handed_to_duty(rota, incident)


def find_handovers(rota: RotaIndex) -> list[Handover]:
    """Return every shift start at which the person on duty changes, overrides applied, in time order."""
    found: list[Handover] = []
    for moment in sorted({utc(rota.rotation.shift_start(shift)) for shift in rota.rotation.shifts}):
        before, after = rota.on_duty(moment - JUST_BEFORE), rota.on_duty(moment)
        if before is not None and after is not None and before.person != after.person:
            found.append(Handover(moment, before.person, after.person))
    return found


def opened(incident: Incident) -> datetime | None:
    """When the incident was first being handled: its earliest recorded milestone before resolution."""
    return min(taken_moments(incident), default=None)


def open_at(incident: Incident, at: datetime, now: datetime) -> bool:
    """Whether the incident was open at ``at``: begun and not yet resolved (an open one without resolved runs to now)."""
    begun = opened(incident)
    if begun is None or begun > at:
        return False
    if incident.resolved is not None:
        return at < incident.resolved
    return not incident.is_closed and at < now


def answers_handover(incident: Incident, handover: Handover, person: str) -> bool:
    """Whether a handoff from ``person`` or a keep by them lies within the window around the handover."""
    handed = any(h.from_person == person and near(h.at, handover) for h in incident.handoffs)
    return handed or any(keep.by == person and near(keep.at, handover) for keep in incident.keeps)


def near(moment: datetime, handover: Handover) -> bool:
    """Whether a moment lies within the window around a handover."""
    return abs(moment - handover.at) <= HANDOVER_WINDOW


def unanswered_handovers(rota: RotaIndex, incident: Incident, now: datetime) -> list[Handover]:
    """Return the handovers, up to now, at which the outgoing person owned the open incident and neither handed it over nor kept it."""
    begun = opened(incident)
    if begun is None:
        return []
    ended = min(incident.resolved, now) if incident.resolved is not None else now
    return [
        handover for handover in rota.handovers_between(begun, ended)
        if open_at(incident, handover.at, now)
        and owner_at(incident, handover.at) == handover.outgoing
        and not answers_handover(incident, handover, handover.outgoing)
    ]


def rotation_members(rotation: Rotation) -> tuple[str, ...]:
    """Return everyone who holds a shift or an override in the rotation, in order of first appearance."""
    names = [shift.person for shift in rotation.shifts] + [override.person for override in rotation.overrides]
    return tuple(dict.fromkeys(names))


def next_at_work(people: tuple[Person, ...], at: datetime, exclude: str | None = None) -> list[tuple[Person, datetime]]:
    """Follow the sun: the people with working hours, each with when they are next at work from ``at``, soonest first.

    Someone at work at ``at`` comes with ``at`` itself; ties go by id, so the answer is the same on every run.
    """
    found = [(person, person.next_working(at)) for person in people if person.id != exclude]
    return sorted(((p, start) for p, start in found if start is not None), key=lambda pair: (pair[1], pair[0].id))
