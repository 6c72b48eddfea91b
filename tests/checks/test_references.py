"""Tests of the reference rules: people, components and severities."""

from __future__ import annotations

from datetime import date

from generator.model.incident import Handoff, Roles, TimelineEntry
from generator.model.postmortem import ActionItem
from generator.model.rotation import Override, Shift
from generator.model.site import Component
from tests.checks.factories import at, context, handled_incident, maintenance, postmortem, rotation, run, site

COMPONENTS = (Component("api", "API", True), Component("database", "Database", False))


def handoff(source: str, target: str) -> Handoff:
    """Build an acknowledged handoff between two people."""
    when = at("2026-06-01T10:30Z")
    return Handoff(when, source, target, "Mitigating.", "Watch errors.", at("2026-06-01T11:00Z"), when)


def test_r201_reports_every_kind_of_person_reference() -> None:
    """Unknown people are reported at the exact field of each record type."""
    incident = handled_incident(
        commander="zoe",
        roles=Roles(tech_lead="alice", comms_lead="carol", scribe=None),
        severity_checked_with=("bob", "gwen"),
        handoffs=(handoff("alce", "bob"),),
        timeline=(TimelineEntry(at("2026-06-01T10:06Z"), "dan", "Paged."),),
    )
    item = ActionItem("Add alert", "prevent", "open", owner="erin", due=date(2026, 7, 1))
    review = postmortem("2026-06-01-api-errors", authors=("alice", "frank"), action_items=(item,))
    duty = rotation(
        shifts=(Shift(date(2026, 6, 1), "gina", backup="hal"),),
        overrides=(Override(at("2026-06-02T09:00Z"), at("2026-06-03T09:00Z"), "ivan", "Holiday."),),
    )
    found = {(p.path, p.field) for p in run("R201", context(incidents=[incident], postmortems=[review], rotations=[duty]))}
    assert found == {
        (incident.path, ("commander",)),
        (incident.path, ("roles", "comms_lead")),
        (incident.path, ("severity_checked_with", 1)),
        (incident.path, ("handoffs", 0, "from")),
        (incident.path, ("timeline", 0, "by")),
        (review.path, ("authors", 1)),
        (review.path, ("action_items", 0, "owner")),
        (duty.path, ("shifts", 0, "person")),
        (duty.path, ("shifts", 0, "backup")),
        (duty.path, ("overrides", 0, "person")),
    }


def test_r201_suggests_a_close_id() -> None:
    """A misspelt id comes with a suggestion and names people.yml."""
    (problem,) = run("R201", context(incidents=[handled_incident(commander="alcie")]))
    assert "'alcie'" in problem.message and "did you mean 'alice'" in problem.message and "people.yml" in problem.message


def test_r201_is_silent_for_known_people_and_without_people_file() -> None:
    """Known people pass; when people.yml did not load, nothing is reported."""
    assert run("R201", context(incidents=[handled_incident(handoffs=(handoff("alice", "bob"),))])) == []
    assert run("R201", context(incidents=[handled_incident(commander="zoe")], people_loaded=False)) == []


def test_r202_reports_unknown_component_at_its_key() -> None:
    """An unknown component is reported at its key with a suggestion."""
    incident = handled_incident(components={"api": "major_outage", "databse": "partial_outage"})
    (problem,) = run("R202", context(site=site(components=COMPONENTS), incidents=[incident]))
    assert (problem.field, problem.at_key) == (("components", "databse"), True)
    assert "did you mean 'database'" in problem.message


def test_r202_accepts_configured_components() -> None:
    """Configured components pass."""
    incident = handled_incident(components={"api": "major_outage"})
    assert run("R202", context(site=site(components=COMPONENTS), incidents=[incident])) == []


def test_r203_lists_configured_severities() -> None:
    """An unknown severity lists the configured ones."""
    (problem,) = run("R203", context(incidents=[handled_incident(severity="SEV9")]))
    assert problem.field == ("severity",)
    assert "'SEV9'" in problem.message and "SEV1, SEV2, SEV3" in problem.message


def test_r203_accepts_configured_or_absent_severity() -> None:
    """A configured severity, or none on maintenance, passes."""
    assert run("R203", context(incidents=[handled_incident(), maintenance()])) == []


def test_r204_requires_severity_on_incidents_only() -> None:
    """An incident without severity is an error; maintenance may omit it."""
    incident = handled_incident(severity=None)
    (problem,) = run("R204", context(incidents=[incident, maintenance()]))
    assert (problem.path, problem.field) == (incident.path, ())
    assert "severity" in problem.message
