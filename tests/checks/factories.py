"""Small builders of model objects and check contexts for rule tests."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.checks.registry import all_rules
from generator.checks.rules import CheckContext
from generator.loading.records import split_sections
from generator.model.corpus import Corpus
from generator.model.incident import Incident, Update
from generator.model.postmortem import REQUIRED_SECTIONS, Postmortem
from generator.model.rotation import Rotation
from generator.model.site import Person, Severity, Site
from generator.problems import Problem

UTC = ZoneInfo("UTC")


def at(text: str) -> datetime:
    """Parse an ISO timestamp such as 2026-06-01T10:00Z into an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def severity(severity_id: str = "SEV2", postmortem: bool = True, **fields) -> Severity:
    """Build a severity with everyday targets."""
    values = dict(name=severity_id, response=timedelta(minutes=15), resolve=timedelta(hours=24), update_every=timedelta(hours=1))
    values.update(fields)
    return Severity(severity_id, postmortem=postmortem, **values)


def site(timezone: str = "UTC", **fields) -> Site:
    """Build a site with SEV1/SEV2 (postmortem required) and SEV3 (not required)."""
    severities = (severity("SEV1"), severity("SEV2"), severity("SEV3", postmortem=False))
    return Site(**{"name": "Test", "timezone": ZoneInfo(timezone), "severities": severities, **fields})


def people(*names: str) -> tuple[Person, ...]:
    """Build people whose id is the first name in lower case."""
    return tuple(Person(name.split()[0].lower(), name) for name in names)


def incident(incident_id: str = "2026-06-01-slow-api", **fields) -> Incident:
    """Build a resolved public SEV2 incident; override any field."""
    values = dict(
        path=f"incidents/2026/{incident_id}.md",
        title="Slow API",
        type="incident",
        status="resolved",
        public=True,
        severity="SEV2",
        started=at("2026-06-01T10:00Z"),
        resolved=at("2026-06-01T11:00Z"),
        updates=(Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),),
        body_line=20,
    )
    values.update(fields)
    return Incident(id=incident_id, **values)


def postmortem(incident_id: str = "2026-06-01-slow-api", body: str | None = None, body_line: int = 10, **fields) -> Postmortem:
    """Build a draft postmortem with the given body (sections are split from it)."""
    body = full_body() if body is None else body
    values = dict(
        path=f"incidents/2026/{incident_id}.postmortem.md",
        status="draft",
        public=False,
        authors=("alice",),
        drafted=at("2026-06-02T09:00Z"),
    )
    values.update(fields)
    return Postmortem(incident_id, body=body, body_line=body_line, sections=split_sections(body, body_line), **values)


def full_body(**texts: str) -> str:
    """Return a postmortem body with every required section; keyword texts replace a section's text."""
    parts = []
    for title in REQUIRED_SECTIONS:
        key = title.lower().replace(" ", "_")
        parts.append(f"## {title}\n\n{texts.get(key, f'Text of {title.lower()}.')}\n")
    return "\n".join(parts)


def rotation(rotation_id: str = "incident-managers", **fields) -> Rotation:
    """Build an empty Monday 09:00 Europe/Berlin rotation; override any field."""
    values = dict(
        path=f"rotations/{rotation_id}.md",
        name="Incident managers",
        timezone=ZoneInfo("Europe/Berlin"),
        handover_day="monday",
        handover_time=time(9, 0),
    )
    values.update(fields)
    return Rotation(rotation_id, **values)


def corpus(**fields) -> Corpus:
    """Build a corpus around the default site; override any field."""
    values = dict(site=site(), people=people("Alice Smith", "Bob Jones"))
    values.update(fields)
    return Corpus(**values)


def context(now: str = "2026-06-10T12:00Z", **fields) -> CheckContext:
    """Build a check context at ``now`` over a corpus built from ``fields``."""
    return CheckContext(corpus(**fields), at(now))


def run(code: str, ctx: CheckContext) -> list[Problem]:
    """Run one rule by code and return its problems."""
    rule = next(r for r in all_rules() if r.code == code)
    return list(rule.run(ctx))



def handled_incident(incident_id: str = "2026-06-01-api-errors", **fields) -> Incident:
    """Build a resolved SEV2 incident that passes every incident process rule; override any field."""
    values = dict(
        title="API errors",
        detected=at("2026-06-01T10:05Z"),
        acknowledged=at("2026-06-01T10:10Z"),
        mitigated=at("2026-06-01T10:40Z"),
        commander="alice",
        mitigation="rollback",
        updates=(
            Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),
            Update(at("2026-06-01T10:40Z"), "monitoring", "Rolled back.", at("2026-06-01T11:10Z")),
            Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),
        ),
    )
    values.update(fields)
    return incident(incident_id, **values)


def maintenance(incident_id: str = "2026-06-05-db-upgrade", **fields) -> Incident:
    """Build a completed maintenance window that passes every process rule; override any field."""
    values = dict(
        title="Database upgrade",
        type="maintenance",
        status="completed",
        severity=None,
        scheduled_for=at("2026-06-05T22:00Z"),
        scheduled_until=at("2026-06-05T23:00Z"),
        started=at("2026-06-05T22:00Z"),
        resolved=at("2026-06-05T22:45Z"),
        updates=(
            Update(at("2026-06-01T09:00Z"), "scheduled", "Planned.", at("2026-06-05T22:00Z")),
            Update(at("2026-06-05T22:00Z"), "in_progress", "Started.", at("2026-06-05T22:30Z")),
            Update(at("2026-06-05T22:30Z"), "verifying", "Checking.", at("2026-06-05T23:00Z")),
            Update(at("2026-06-05T22:45Z"), "completed", "Done."),
        ),
    )
    values.update(fields)
    return incident(incident_id, **values)
