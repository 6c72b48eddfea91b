"""Tests of the escalation rules I211 (stalled investigation) and I213 (failed rollback escalated)."""

from __future__ import annotations

from generator.model.decisions import Decision, Escalation
from generator.model.incident import Imported, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, run, site

STALLED = (
    Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),
    Update(at("2026-06-01T10:50Z"), "monitoring", "Rolled back.", at("2026-06-01T11:10Z")),
    Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),
)
FAILED = Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", "Unclear impact.", "rollback", "failed")


def test_a_handled_incident_passes_both() -> None:
    """28 minutes investigating, no failed decision: nothing."""
    ctx = context(incidents=[handled_incident()])
    assert run("I211", ctx) == [] and run("I213", ctx) == []


def test_a_stall_is_a_warning_at_the_last_progress() -> None:
    """38 minutes investigating without a decision points at the update that began it and says how to escalate."""
    (problem,) = run("I211", context(incidents=[handled_incident(updates=STALLED)]))
    assert (problem.code, problem.level, problem.field) == ("I211", Level.WARNING, ("updates", 0, "status"))
    assert "from 2026-06-01T10:12Z until 2026-06-01T10:50Z (38 min)" in problem.message
    assert "statusbook incident escalate 2026-06-01-api-errors --to PERSON" in problem.message


def test_an_escalation_in_the_stretch_clears_it_and_minor_or_imported_records_are_exempt() -> None:
    """An escalation at 10:40 answers the stall; a SEV3 and an imported SEV2 are not judged."""
    escalated = handled_incident(updates=STALLED, escalations=(Escalation(at("2026-06-01T10:40Z"), "alice", "bob", "Stuck."),))
    minor = handled_incident("2026-06-02-minor", severity="SEV3", updates=STALLED)
    imported = handled_incident("2026-06-03-old", updates=STALLED, imported=Imported("statuspage", "x"))
    assert run("I211", context(incidents=[escalated, minor, imported])) == []


def test_an_open_stall_is_judged_until_now() -> None:
    """An incident investigating since 11:00 is stalled at 11:45, and the message says until now."""
    incident = handled_incident(status="investigating", resolved=None, mitigated=None, updates=STALLED[:1])
    (problem,) = run("I211", context(now="2026-06-01T11:00Z", incidents=[incident]))
    assert "until now (48 min)" in problem.message


def test_a_failed_rollback_needs_an_escalation_to_the_contact() -> None:
    """Escalated to someone else: a warning at the decision's outcome, naming the contact; to the contact: nothing."""
    to_bob = handled_incident(decisions=(FAILED,), escalations=(Escalation(at("2026-06-01T10:25Z"), "alice", "bob", "Failed."),))
    (problem,) = run("I213", context(site=site(escalation_contact="carol"), incidents=[to_bob]))
    assert (problem.level, problem.field) == (Level.WARNING, ("decisions", 0, "outcome"))
    assert "no escalation to carol (escalation_contact in statusbook.yml)" in problem.message
    assert run("I213", context(site=site(escalation_contact="bob"), incidents=[to_bob])) == []


def test_without_a_contact_any_later_escalation_counts() -> None:
    """No escalation_contact: any escalation at or after the decision; an earlier one does not count."""
    later = handled_incident(decisions=(FAILED,), escalations=(Escalation(at("2026-06-01T10:20Z"), "alice", "bob", "Failed."),))
    earlier = handled_incident("2026-06-02-x", decisions=(FAILED,),
                               escalations=(Escalation(at("2026-06-01T10:19Z"), "alice", "bob", "Stuck."),))
    problems = run("I213", context(incidents=[later, earlier]))
    assert [p.path for p in problems] == ["incidents/2026/2026-06-02-x.md"] and "to anyone" in problems[0].message
