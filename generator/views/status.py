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


@dataclass(frozen=True, slots=True)
class ComponentState:
    """A component and its status now."""

    component: Component
    status: str

    @property
    def label(self) -> str:
        """The status as words."""
        return STATUS_LABELS[self.status]


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


def indicator(states: tuple[ComponentState, ...], active: tuple[IncidentView, ...]) -> str:
    """Return the page indicator: the worst component status or open incident impact."""
    impacts = [IMPACT_OF_STATUS[s.status] for s in states] + [v.impact for v in active]
    order = ("none", "maintenance", "minor", "major", "critical")
    return max(impacts, key=order.index, default="none")


def page_status(components: tuple[Component, ...], views: tuple[IncidentView, ...], now: datetime) -> PageStatus:
    """Compute the status page's present from the visible components and incidents."""
    impacting = tuple(v for v in views if is_impacting(v, now))
    states = tuple(ComponentState(c, component_status(c, impacting)) for c in components)
    active = tuple(sorted((v for v in views if is_active(v, now)), key=lambda v: (v.begins, v.id), reverse=True))
    running = tuple(sorted((v for v in views if is_maintenance_now(v, now)), key=lambda v: (v.begins, v.id)))
    upcoming = tuple(sorted((v for v in views if is_upcoming(v, now)), key=lambda v: (v.begins, v.id)))
    return PageStatus(indicator(states, active), states, active, running, upcoming)
