"""What a reader sees of one incident or maintenance window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.model import compact_pickling
from generator.model.incident import Incident, Update
from generator.model.postmortem import Postmortem, Section
from generator.model.site import Component, Severity, Site

# Component statuses from best to worst, as in Statuspage's API.
COMPONENT_STATUSES = ("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage")
# Statuspage's impact scale for incidents and the page indicator, keyed by the worst component status.
IMPACT_OF_STATUS = {
    "operational": "none",
    "under_maintenance": "maintenance",
    "degraded_performance": "minor",
    "partial_outage": "major",
    "major_outage": "critical",
}
STATUS_LABELS = {
    "operational": "Operational",
    "under_maintenance": "Under maintenance",
    "degraded_performance": "Degraded performance",
    "partial_outage": "Partial outage",
    "major_outage": "Major outage",
}
UPDATE_LABELS = {
    "investigating": "Investigating",
    "identified": "Identified",
    "monitoring": "Monitoring",
    "resolved": "Resolved",
    "scheduled": "Scheduled",
    "in_progress": "In progress",
    "verifying": "Verifying",
    "completed": "Completed",
}


@compact_pickling
@dataclass(frozen=True, slots=True)
class UpdateView:
    """One public status update."""

    number: int
    at: datetime
    status: str
    message: str
    next_update: datetime | None
    waiting_on: str | None = None

    @property
    def label(self) -> str:
        """The status as words."""
        return UPDATE_LABELS.get(self.status, self.status)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Affected:
    """A component an incident affects, and how."""

    component: Component
    impact: str

    @property
    def label(self) -> str:
        """The impact as words."""
        return STATUS_LABELS.get(self.impact, self.impact)


@compact_pickling
@dataclass(frozen=True, slots=True)
class PostmortemView:
    """The published part of a postmortem: its sections and follow-ups, without authors or owners."""

    status: str
    sections: tuple[Section, ...]
    action_items: tuple[tuple[str, str, str], ...]


@compact_pickling
@dataclass(frozen=True, slots=True)
class IncidentView:
    """An incident or maintenance window as an audience sees it."""

    id: str
    title: str
    kind: str
    status: str
    severity: Severity | None
    affected: tuple[Affected, ...]
    started: datetime | None
    impact_end: datetime | None
    resolved: datetime | None
    scheduled_for: datetime | None
    scheduled_until: datetime | None
    updates: tuple[UpdateView, ...]
    postmortem: PostmortemView | None = None

    @property
    def is_maintenance(self) -> bool:
        """Whether this is a maintenance window."""
        return self.kind == "maintenance"

    @property
    def is_closed(self) -> bool:
        """Whether it is resolved or completed."""
        return self.status in ("resolved", "completed")

    @property
    def impact(self) -> str:
        """Statuspage impact: the worst effect on any visible component."""
        if self.is_maintenance:
            return "maintenance"
        worst = max((a.impact for a in self.affected), key=status_rank, default="operational")
        return IMPACT_OF_STATUS[worst]

    @property
    def created(self) -> datetime:
        """When it was first made known: the first update."""
        return self.updates[0].at

    def announced_by(self, now: datetime) -> bool:
        """Whether it was made known by ``now``: its first update is not later (one without updates is left to the rules)."""
        return not self.updates or self.created <= now

    @property
    def latest(self) -> UpdateView:
        """The most recent update."""
        return self.updates[-1]

    @property
    def begins(self) -> datetime:
        """When it began, or for maintenance not yet started, when it is planned to."""
        return self.started or self.scheduled_for or self.created

    @property
    def status_label(self) -> str:
        """The status as words."""
        return UPDATE_LABELS.get(self.status, self.status)

    def duration(self, now: datetime) -> timedelta | None:
        """How long it lasted, or has lasted so far."""
        if self.started is None:
            return None
        return (self.resolved or now) - self.started


def status_rank(status: str) -> int:
    """Order component statuses from best (0) to worst."""
    return COMPONENT_STATUSES.index(status) if status in COMPONENT_STATUSES else 0


def impact_end(incident: Incident) -> datetime | None:
    """When the impact on components ended: mitigation, else resolution; None while ongoing."""
    if incident.is_maintenance:
        return incident.resolved
    return incident.mitigated or incident.resolved


def affected(incident: Incident, site: Site, shown: set[str]) -> tuple[Affected, ...]:
    """List the visible components the incident affects, in configured order."""
    return tuple(
        Affected(c, incident.components[c.id]) for c in site.components if c.id in shown and c.id in incident.components
    )


def postmortem_view(postmortem: Postmortem | None) -> PostmortemView | None:
    """Keep the sections and each action item's title, type and status."""
    if postmortem is None:
        return None
    items = tuple((a.title, a.type, a.status) for a in postmortem.action_items)
    return PostmortemView(postmortem.status, postmortem.sections, items)


def update_view(number: int, update: Update) -> UpdateView:
    """Project one update onto what readers see: its text and whom it waits on, not who posted it."""
    waiting = update.waiting_on.who if update.waiting_on is not None else None
    return UpdateView(number, update.at, update.status, update.message, update.next_update, waiting)


def incident_view(incident: Incident, site: Site, shown: set[str], postmortem: Postmortem | None) -> IncidentView:
    """Project an incident onto what the audience may see: no roles, timeline, notes or people."""
    updates = sorted(incident.updates, key=lambda u: u.at)
    return IncidentView(
        id=incident.id,
        title=incident.title,
        kind=incident.type,
        status=incident.status,
        severity=site.severity(incident.severity),
        affected=affected(incident, site, shown),
        started=incident.started,
        impact_end=impact_end(incident),
        resolved=incident.resolved,
        scheduled_for=incident.scheduled_for,
        scheduled_until=incident.scheduled_until,
        updates=tuple(update_view(n, u) for n, u in enumerate(updates, 1)),
        postmortem=postmortem_view(postmortem),
    )
