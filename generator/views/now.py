"""The Now page: what is going on, who owns it, and when the next update is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.model.site import Severity
from generator.views.incidents import UPDATE_LABELS
from generator.views.measures import next_update_due
from generator.views.people import ROLE_LABELS, name_of, owner_of



@dataclass(frozen=True, slots=True)
class ActiveRecord:
    """An open incident or a maintenance window under way, with its owner and its next committed update."""

    id: str
    title: str
    kind: str
    status: str
    public: bool
    severity: Severity | None
    commander: str | None
    roles: tuple[tuple[str, str], ...]
    started: datetime | None
    next_update: datetime | None
    awaiting: str | None = None

    @property
    def status_label(self) -> str:
        """The status as words."""
        return UPDATE_LABELS.get(self.status, self.status)

    def running(self, now: datetime) -> timedelta | None:
        """How long it has been going on at ``now``."""
        return now - self.started if self.started else None

    def overdue(self, now: datetime) -> bool:
        """Whether the committed next update has not come by ``now``."""
        return self.next_update is not None and now > self.next_update




def awaiting(incident: Incident) -> str | None:
    """Return who has not yet acknowledged the last handoff of the record, if anyone."""
    last = incident.handoffs[-1] if incident.handoffs else None
    return last.to_person if last is not None and last.acknowledged_at is None else None


def roles(corpus: Corpus, incident: Incident) -> tuple[tuple[str, str], ...]:
    """List the filled supporting roles as (role label, person name)."""
    filled = ((label, getattr(incident.roles, key)) for key, label in ROLE_LABELS.items())
    return tuple((label, name_of(corpus, person)) for label, person in filled if person)


def is_active(incident: Incident) -> bool:
    """Whether a record belongs on the Now page: an open incident, or maintenance under way."""
    if incident.is_maintenance:
        return incident.status in ("in_progress", "verifying")
    return not incident.is_closed


def active_record(corpus: Corpus, incident: Incident) -> ActiveRecord:
    """Describe one active record for the Now page."""
    return ActiveRecord(
        id=incident.id,
        title=incident.title,
        kind=incident.type,
        status=incident.status,
        public=incident.public,
        severity=corpus.site.severity(incident.severity),
        commander=name_of(corpus, owner_of(incident)),
        roles=roles(corpus, incident),
        started=incident.started or incident.detected,
        next_update=next_update_due(incident),
        awaiting=name_of(corpus, awaiting(incident)),
    )


def severity_rank(corpus: Corpus, record: ActiveRecord) -> int:
    """Order records by severity as configured, most severe first; maintenance and unknown severities last."""
    ids = [s.id for s in corpus.site.severities]
    return ids.index(record.severity.id) if record.severity and record.severity.id in ids else len(ids)


def active_records(corpus: Corpus) -> tuple[ActiveRecord, ...]:
    """List the active records: most severe first, then the longest running, then by id."""
    records = [active_record(corpus, i) for i in corpus.incidents if is_active(i)]
    return tuple(sorted(records, key=lambda r: (severity_rank(corpus, r), started_key(r), r.id)))


def started_key(record: ActiveRecord) -> float:
    """Sort key for the start: earlier first, unknown last."""
    return record.started.timestamp() if record.started else float("inf")
