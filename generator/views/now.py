"""The Now page: which records are active, most severe first; their owners and next updates come from the records."""

from __future__ import annotations

from generator.model.site import Site
from generator.views.records import RecordView

UNDER_WAY = ("in_progress", "verifying")


def is_active(record: RecordView) -> bool:
    """Whether a record belongs on the Now page: an open incident, or maintenance under way."""
    if record.incident.is_maintenance:
        return record.incident.status in UNDER_WAY
    return not record.incident.is_closed


def severity_rank(site: Site, record: RecordView) -> int:
    """Order records by severity as configured, most severe first; maintenance and unknown severities last."""
    ids = [s.id for s in site.severities]
    severity = record.incident.severity
    return ids.index(severity.id) if severity and severity.id in ids else len(ids)


def started_key(record: RecordView) -> float:
    """Sort key for the start: earlier first, unknown last."""
    started = record.incident.started
    return started.timestamp() if started else float("inf")


def active_records(records: dict[str, RecordView], site: Site) -> tuple[RecordView, ...]:
    """List the active records: most severe first, then the longest running, then by id."""
    active = [record for record in records.values() if is_active(record)]
    return tuple(sorted(active, key=lambda r: (severity_rank(site, r), started_key(r), r.id)))
