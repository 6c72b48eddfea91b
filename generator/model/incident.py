"""Incidents and maintenance windows with their updates, handoffs and timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from generator.model import compact_pickling
from generator.model.decisions import Decision, Escalation
from generator.model.links import Link

INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
MAINTENANCE_STATUSES = ("scheduled", "in_progress", "verifying", "completed")
IMPACTS = ("degraded_performance", "partial_outage", "major_outage", "under_maintenance")
MITIGATIONS = ("rollback", "fix_forward", "failover", "feature_flag", "other")
ROLES = ("tech_lead", "comms_lead", "scribe")
IMPORT_SOURCES = ("statuspage",)
MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")
# Where an incident happened; every environment is in scope for the process rules. Production unless the record says so.
ENVIRONMENTS = ("production", "staging", "pre_production", "development_infrastructure")
DEFAULT_ENVIRONMENT = "production"


@compact_pickling
@dataclass(frozen=True, slots=True)
class WaitingOn:
    """A third party the response waits for, and what happens next."""

    who: str
    what_next: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Update:
    """A public status update by its author that commits to the time of the next one."""

    at: datetime
    status: str
    message: str
    next_update: datetime | None = None
    by: str | None = None
    waiting_on: WaitingOn | None = None
    postmortem_due: datetime | None = None
    prevention: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Pause:
    """A pause the owner announced: away from ``at`` until ``until``, with someone covering or not."""

    at: datetime
    until: datetime
    cover: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Handoff:
    """A passing of ownership from one Incident Commander to the next."""

    at: datetime
    from_person: str
    to_person: str
    status: str
    next_steps: str
    next_update: datetime
    acknowledged_at: datetime | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Keep:
    """An owner's word, at a rota handover, that they keep the incident instead of handing it over."""

    at: datetime
    by: str
    note: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """An internal log line: who did or saw what, and when."""

    at: datetime
    by: str
    event: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class Roles:
    """People in the supporting incident roles."""

    tech_lead: str | None = None
    comms_lead: str | None = None
    scribe: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class BusinessImpact:
    """What an incident cost the business, in words: users affected, revenue, data lost. Named apart from the
    component ``impact`` levels of ``components``."""

    users: str | None = None
    revenue: str | None = None
    data_loss: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Imported:
    """Where a record was imported from: the source system and the record's id there."""

    source: str
    id: str
    shortlink: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Incident:
    """One incident or maintenance window, as recorded in its file."""

    id: str
    path: str
    title: str
    type: str
    status: str
    public: bool
    severity: str | None = None
    components: dict[str, str] = field(default_factory=dict)
    started: datetime | None = None
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None
    scheduled_for: datetime | None = None
    scheduled_until: datetime | None = None
    commander: str | None = None
    roles: Roles = Roles()
    handoffs: tuple[Handoff, ...] = ()
    pauses: tuple[Pause, ...] = ()
    keeps: tuple[Keep, ...] = ()
    mitigation: str | None = None
    updates: tuple[Update, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    reopened: tuple[datetime, ...] = ()
    imported: Imported | None = None
    links: tuple[Link, ...] = ()
    environment: str = DEFAULT_ENVIRONMENT
    severity_checked_with: tuple[str, ...] = ()
    business_impact: BusinessImpact | None = None
    decisions: tuple[Decision, ...] = ()
    escalations: tuple[Escalation, ...] = ()
    body: str = ""
    body_line: int = 0

    @property
    def is_maintenance(self) -> bool:
        """Whether this record is a maintenance window."""
        return self.type == "maintenance"

    @property
    def is_closed(self) -> bool:
        """Whether the incident is resolved or the maintenance completed."""
        return self.status in ("resolved", "completed")

    @property
    def is_imported(self) -> bool:
        """Whether the record was imported from another system, whose history lacks our process fields."""
        return self.imported is not None

    @property
    def mitigation_kind(self) -> str | None:
        """How impact was stopped: the record's `mitigation`, else the last mitigation decision that did not fail."""
        if self.mitigation is not None:
            return self.mitigation
        tried = [d.mitigation for d in self.decisions if d.mitigation is not None and not d.failed]
        return tried[-1] if tried else None

    def milestone(self, name: str) -> datetime | None:
        """Return the time of milestone ``name``, if recorded."""
        return getattr(self, name)
