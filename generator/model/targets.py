"""The severity targets an incident is held to, and when each expires: both run from detection."""

from __future__ import annotations

from datetime import datetime, timedelta

from generator.model.incident import Incident
from generator.model.site import Site
from generator.model.timing import deadline

# Which severity target each response measure is held to.
TARGETS = {"acknowledge": "response", "resolve": "resolve"}


def target_of(name: str, incident: Incident, site: Site) -> timedelta | str | None:
    """Return the severity target a measure is held to: response for acknowledge, resolve for resolve."""
    severity = site.severity(incident.severity)
    if severity is None or incident.is_maintenance or name not in TARGETS:
        return None
    return getattr(severity, TARGETS[name])


def target_due(name: str, incident: Incident, site: Site) -> datetime | None:
    """Return when a measure's target expires, counted from detection; None without a target or a detection."""
    target = target_of(name, incident, site)
    if target is None or incident.detected is None:
        return None
    return deadline(incident.detected, target, site.timezone)
