"""The state of the service at one moment: component statuses, the page indicator, what is active and upcoming."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.model.site import Component
from generator.views.incidents import IMPACT_OF_STATUS, IncidentView, STATUS_LABELS, status_rank

INDICATOR_DESCRIPTIONS = {
    "none": "All Systems Operational",
    "maintenance": "Service Under Maintenance",
    "minor": "Minor Service Outage",
    "major": "Partial System Outage",
    "critical": "Major Service Outage",
}


# What an unresolved incident is doing, as the end of "Recovering: monitoring a fix".
STAGE_WORDS = {
    "investigating": "investigating the cause",
    "identified": "working on a fix",
    "monitoring": "monitoring a fix",
}


@dataclass(frozen=True, slots=True)
class ComponentState:
    """A component, its status now, and the unresolved incident that names it, if any."""

    component: Component
    status: str
    incident: IncidentView | None = None

    @property
    def label(self) -> str:
        """The status as words, as the API and badges give it."""
        return STATUS_LABELS[self.status]

    @property
    def recovering(self) -> bool:
        """Whether an unresolved incident names the component although its impact has ended."""
        return self.status == "operational" and self.incident is not None

    @property
    def words(self) -> str:
        """What a reader is told: the status, or Recovering while an incident is still open."""
        return "Recovering" if self.recovering else self.label

    @property
    def stage(self) -> str:
        """What the unresolved incident is doing ("monitoring a fix"), or nothing."""
        return STAGE_WORDS.get(self.incident.status, "") if self.incident is not None else ""

    @property
    def summary(self) -> str:
        """The words and the stage in one phrase: "Recovering: monitoring a fix"."""
        return f"{self.words}: {self.stage}" if self.stage else self.words

    @property
    def state(self) -> str:
        """The state as a class name: the status, or recovering."""
        return "recovering" if self.recovering else self.status


@dataclass(frozen=True, slots=True)
class PageStatus:
    """Everything the status page shows about the present."""

    indicator: str
    components: tuple[ComponentState, ...]
    active: tuple[IncidentView, ...]
    maintenance_now: tuple[IncidentView, ...]
    maintenance_upcoming: tuple[IncidentView, ...]

    @property
    def description(self) -> str:
        """The indicator as a sentence."""
        return INDICATOR_DESCRIPTIONS[self.indicator]


def is_impacting(view: IncidentView, now: datetime) -> bool:
    """Whether an incident's impact on components lasts at ``now``."""
    if view.is_maintenance:
        return is_maintenance_now(view, now)
    begun = view.started is not None and view.started <= now
    return begun and not view.is_closed and (view.impact_end is None or view.impact_end > now)


def is_active(view: IncidentView, now: datetime) -> bool:
    """Whether an announced incident is open at ``now`` (it may already be mitigated)."""
    return not view.is_maintenance and not view.is_closed


def is_maintenance_now(view: IncidentView, now: datetime) -> bool:
    """Whether a maintenance window is under way at ``now``."""
    return view.is_maintenance and view.status in ("in_progress", "verifying")


def is_upcoming(view: IncidentView, now: datetime) -> bool:
    """Whether a maintenance window is announced and not yet started."""
    return view.is_maintenance and view.status == "scheduled"


def component_status(component: Component, impacting: tuple[IncidentView, ...]) -> str:
    """Return the worst status any impacting incident gives the component."""
    found = [a.impact for v in impacting for a in v.affected if a.component.id == component.id]
    return max(found, key=status_rank, default="operational")


def naming_incident(component: Component, active: tuple[IncidentView, ...]) -> IncidentView | None:
    """Return the worst, then newest, unresolved incident that names the component."""
    naming = [(a.impact, v) for v in active for a in v.affected if a.component.id == component.id]
    worst = max(naming, key=lambda pair: (status_rank(pair[0]), pair[1].begins, pair[1].id), default=None)
    return worst[1] if worst else None


def indicator(states: tuple[ComponentState, ...], active: tuple[IncidentView, ...]) -> str:
    """Return the page indicator: the worst component status or open incident impact."""
    impacts = [IMPACT_OF_STATUS[s.status] for s in states] + [v.impact for v in active]
    order = ("none", "maintenance", "minor", "major", "critical")
    return max(impacts, key=order.index, default="none")


def page_status(components: tuple[Component, ...], views: tuple[IncidentView, ...], now: datetime) -> PageStatus:
    """Compute the status page's present from the visible components and incidents."""
    impacting = tuple(v for v in views if is_impacting(v, now))
    active = tuple(sorted((v for v in views if is_active(v, now)), key=lambda v: (v.begins, v.id), reverse=True))
    states = tuple(ComponentState(c, component_status(c, impacting), naming_incident(c, active)) for c in components)
    running = tuple(sorted((v for v in views if is_maintenance_now(v, now)), key=lambda v: (v.begins, v.id)))
    upcoming = tuple(sorted((v for v in views if is_upcoming(v, now)), key=lambda v: (v.begins, v.id)))
    return PageStatus(indicator(states, active), states, active, running, upcoming)
