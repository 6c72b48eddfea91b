"""Triage of a major incident: when it ends, and what must be settled by then (the severity consult and the roles)."""

from __future__ import annotations

from datetime import datetime, timedelta

from generator.model.incident import ROLES, Incident, Roles

# Triage is over at the first update that says the cause is identified (or later), and at the latest this long
# after acknowledgement, even while the team is still investigating.
TRIAGE_WITHIN = timedelta(minutes=30)
BEYOND_TRIAGE = ("identified", "monitoring", "resolved")


def first_update_beyond_triage(incident: Incident) -> datetime | None:
    """Return when the first update beyond investigating (identified, monitoring or resolved) was posted, if any."""
    return next((update.at for update in incident.updates if update.status in BEYOND_TRIAGE), None)


def end_of_triage(incident: Incident) -> datetime | None:
    """Return when triage ends: the first update beyond investigating, or 30 min after acknowledgement if earlier.

    None when neither is known (an incident not yet acknowledged that is still investigating).
    """
    ends = [moment for moment in (first_update_beyond_triage(incident), triage_window_end(incident)) if moment is not None]
    return min(ends) if ends else None


def triage_window_end(incident: Incident) -> datetime | None:
    """Return the latest end of triage: 30 min after acknowledgement, if acknowledged."""
    return incident.acknowledged + TRIAGE_WITHIN if incident.acknowledged is not None else None


def missing_roles(roles: Roles) -> tuple[str, ...]:
    """Return the supporting roles nobody is in, in their usual order."""
    return tuple(role for role in ROLES if getattr(roles, role) is None)


def triage_over(incident: Incident, now: datetime) -> bool:
    """Whether triage has ended by ``now``."""
    end = end_of_triage(incident)
    return end is not None and end <= now
