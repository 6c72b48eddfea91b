"""Who owns an incident when: the commander, passed on by acknowledged handoffs."""

from __future__ import annotations

from datetime import datetime

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


def first_owner(incident: Incident) -> str | None:
    """Return who owned the incident before any handoff: the first handoff's giver, else the commander."""
    return incident.handoffs[0].from_person if incident.handoffs else incident.commander


def owner_at(incident: Incident, moment: datetime) -> str | None:
    """Return who owned the incident at ``moment``: ownership passes when a handoff is acknowledged, not before."""
    owner = first_owner(incident)
    for handoff in incident.handoffs:
        if handoff.acknowledged_at is not None and handoff.acknowledged_at <= moment:
            owner = handoff.to_person
    return owner


def may_post(incident: Incident, moment: datetime) -> tuple[str, ...]:
    """Return who may post a status update at ``moment``: the owner then and the communications lead."""
    return tuple(person for person in (owner_at(incident, moment), incident.roles.comms_lead) if person)
