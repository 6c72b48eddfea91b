"""The on-call answer: who is on duty in each rotation now, and who is next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.model.rotation import Rotation
from generator.model.schedule import Duty, next_on_duty, on_duty
from generator.responder.errors import UsageProblem
from generator.responder.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RotationDuty:
    """One rotation's current and next duty at a moment."""

    rotation: Rotation
    current: Duty | None
    following: Duty | None


def rotations(ws: Workspace, rotation_id: str | None) -> list[Rotation]:
    """Return the named rotation, or all of them in id order."""
    known = sorted(ws.corpus.rotations, key=lambda r: r.id)
    if rotation_id is None:
        return known
    chosen = [r for r in known if r.id == rotation_id]
    if not chosen:
        raise UsageProblem(f"unknown rotation '{rotation_id}'; rotations/ holds: {', '.join(r.id for r in known) or 'none'}")
    return chosen


def duties(ws: Workspace, rotation_id: str | None, at: datetime) -> list[RotationDuty]:
    """Return the current and next duty of each chosen rotation at ``at``."""
    return [RotationDuty(r, on_duty(r, at), next_on_duty(r, at)) for r in rotations(ws, rotation_id)]


def local(rotation: Rotation, moment: datetime) -> str:
    """Format a moment in the rotation's zone, such as 2026-11-30 10:00 CET."""
    return moment.astimezone(rotation.timezone).strftime("%Y-%m-%d %H:%M %Z")


def describe_current(entry: RotationDuty) -> str:
    """Say who is on duty and until when."""
    duty = entry.current
    if duty is None:
        return "  on duty: nobody (no shift covers this time)"
    backup = f", backup {duty.backup}" if duty.backup else ""
    reason = f" (override: {duty.override.reason})" if duty.override else ""
    until = entry.following.start if entry.following else duty.end
    return f"  on duty: {duty.person}{backup}{reason}, until {local(entry.rotation, until)}"


def describe_next(entry: RotationDuty) -> str:
    """Say who is next and from when."""
    duty = entry.following
    if duty is None:
        return "  next:    nobody scheduled"
    reason = f" (override: {duty.override.reason})" if duty.override else ""
    return f"  next:    {duty.person}{reason}, from {local(entry.rotation, duty.start)}"


def describe(entry: RotationDuty) -> list[str]:
    """Render one rotation's answer as lines."""
    return [f"{entry.rotation.id} ({entry.rotation.name})", describe_current(entry), describe_next(entry)]
