"""Moments of the example records, computed from --now so that they are valid whenever init runs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def minute(moment: datetime) -> datetime:
    """Return ``moment`` in UTC, cut to the minute."""
    return moment.astimezone(timezone.utc).replace(second=0, microsecond=0)


def incident_moments(now: datetime) -> dict[str, datetime]:
    """Return the milestones of a resolved SEV2 that started ten days before ``now``."""
    started = minute(now - timedelta(days=10)).replace(hour=9, minute=12)
    offsets = {
        "started": 0, "detected": 4, "acknowledged": 9, "update1": 14, "next1": 44, "update2": 40,
        "next2": 100, "handoff": 55, "handoff_ack": 58, "handoff_next": 100, "mitigated": 82,
        "update3": 90, "next3": 150, "resolved": 140, "postmortem_due": 140 + 48 * 60,
    }
    return {name: started + timedelta(minutes=m) for name, m in offsets.items()}


def postmortem_moments(now: datetime) -> dict[str, object]:
    """Return the dates of the example postmortem: drafted the next day, reviewed within the week."""
    resolved = incident_moments(now)["resolved"]
    drafted = resolved + timedelta(hours=22)
    return {
        "drafted": drafted,
        "reviewed_on": (drafted + timedelta(days=2)).date(),
        "done_on": (drafted + timedelta(days=3)).date(),
        "done_due": (drafted + timedelta(days=7)).date(),
        "open_due": (resolved + timedelta(days=24)).date(),
    }


def maintenance_moments(now: datetime) -> dict[str, datetime]:
    """Return a maintenance window a week after ``now``, announced a day before ``now``."""
    start = minute(now + timedelta(days=7)).replace(hour=6, minute=0)
    return {
        "announced": minute(now - timedelta(days=1)),
        "scheduled_for": start,
        "scheduled_until": start + timedelta(minutes=90),
        "next_update": start - timedelta(days=1),
    }
