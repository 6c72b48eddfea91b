"""What needs a postmortem, and when its draft, review and action items are due after the resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.model.incident import Incident, Update
from generator.model.site import Site

DRAFT_WITHIN = timedelta(hours=48)
REVIEW_WITHIN = timedelta(days=7)
ASSIGN_WITHIN = timedelta(days=14)
DONE_WITHIN = timedelta(days=30)
# What the wrap-up of an incident that needs a postmortem names: when the postmortem is due, and how recurrence is prevented.
WRAP_UP_FIELDS = ("postmortem_due", "prevention")


@dataclass(frozen=True, slots=True)
class FollowupDue:
    """When each step after a resolution is due; the review and the action items are judged by team-zone dates."""

    resolved: datetime
    draft: datetime
    review: datetime
    assign: datetime
    done: datetime
    resolved_day: date
    review_day: date
    done_day: date


def requires_postmortem(incident: Incident, site: Site) -> bool:
    """Whether the incident's severity requires a postmortem."""
    severity = site.severity(incident.severity)
    return not incident.is_maintenance and severity is not None and severity.postmortem


def resolved_at(incident: Incident | None) -> datetime | None:
    """Return when a resolved incident was resolved; None for anything else."""
    if incident is None or incident.is_maintenance or incident.status != "resolved":
        return None
    return incident.resolved


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    """Return the date of a moment in a time zone, such as the team's."""
    return moment.astimezone(zone).date()


def postmortem_due(incident: Incident | None, site: Site) -> datetime | None:
    """Return when the postmortem draft of a resolved incident is due, if its severity requires one: 48 h after resolution."""
    resolved = resolved_at(incident)
    if resolved is None or not requires_postmortem(incident, site):
        return None
    return resolved + DRAFT_WITHIN


def wrap_up_gaps(update: Update) -> tuple[str, ...]:
    """Return what a resolving update (the wrap-up) leaves out: its postmortem_due and its prevention."""
    return tuple(key for key in WRAP_UP_FIELDS if getattr(update, key) is None)


def followup_due(incident: Incident | None, site: Site) -> FollowupDue | None:
    """Return when the follow-ups of a resolved incident are due; None before it is resolved."""
    resolved = resolved_at(incident)
    if resolved is None:
        return None
    review, done = resolved + REVIEW_WITHIN, resolved + DONE_WITHIN
    zone = site.timezone
    return FollowupDue(
        resolved, resolved + DRAFT_WITHIN, review, resolved + ASSIGN_WITHIN, done,
        local_date(resolved, zone), local_date(review, zone), local_date(done, zone),
    )
