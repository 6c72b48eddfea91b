"""Who owns an incident when: the commander, passed on by acknowledged handoffs."""

from __future__ import annotations

from generator.model.incident import Handoff, Incident


def current_owner(handoffs: tuple[Handoff, ...]) -> str:
    """Return who owns the incident after the handoffs: a pending last handoff has not passed ownership yet."""
    last = handoffs[-1]
    return last.to_person if last.acknowledged_at is not None else last.from_person


def owner_of(incident: Incident) -> str | None:
    """Return who owns the record now: the commander, after the handoffs that were acknowledged."""
    return current_owner(incident.handoffs) if incident.handoffs else incident.commander


def is_pending(incident: Incident, index: int) -> bool:
    """Whether a handoff may still await acknowledgement: the last one of an open incident."""
    return not incident.is_closed and index == len(incident.handoffs) - 1
