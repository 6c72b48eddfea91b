"""Tests of the triage rules: I215 (the severity of a SEV1 or SEV2 is checked with someone) and I216 (roles by the end of triage)."""

from __future__ import annotations

from generator.model.incident import Imported, Roles, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, maintenance, run

STAFFED = Roles("bob", "carol", "dave")


def consult(*incidents) -> list:
    """Run I215 over the given incidents."""
    return run("I215", context(incidents=list(incidents)))


def roles(*incidents, now: str = "2026-06-10T12:00Z") -> list:
    """Run I216 over the given incidents at ``now``."""
    return run("I216", context(now, incidents=list(incidents)))


def test_a_consulted_major_incident_and_minor_ones_pass() -> None:
    """A SEV2 with a consult, a SEV3 without one, and maintenance produce nothing."""
    assert consult(handled_incident(severity_checked_with=("bob",)), handled_incident(severity="SEV3"), maintenance()) == []


def test_no_consult_is_a_warning_at_the_severity() -> None:
    """A SEV1 with nobody in severity_checked_with is warned at its severity, naming the command."""
    (problem,) = consult(handled_incident(severity="SEV1"))
    assert (problem.code, problem.level, problem.field, problem.at_key) == ("I215", Level.WARNING, ("severity",), False)
    assert "SEV1 incident names nobody in severity_checked_with" in problem.message
    assert "statusbook incident consult 2026-06-01-api-errors PERSON" in problem.message


def test_imported_and_unknown_severities_are_exempt() -> None:
    """A record imported from Statuspage and an unconfigured severity are not judged."""
    assert consult(handled_incident(imported=Imported("statuspage", "abc")), handled_incident(severity="SEV9")) == []
    assert roles(handled_incident(imported=Imported("statuspage", "abc")), handled_incident(severity="SEV9")) == []


def test_all_roles_pass_and_a_minor_incident_needs_none() -> None:
    """A SEV2 with its three roles and a SEV3 with none produce nothing."""
    assert roles(handled_incident(roles=STAFFED), handled_incident(severity="SEV3")) == []


def test_missing_roles_after_triage_are_named_at_the_roles_key() -> None:
    """With a tech lead only, the comms lead and scribe are named, with the end of triage (the identified update)."""
    updates = (
        Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),
        Update(at("2026-06-01T10:25Z"), "identified", "A release.", at("2026-06-01T10:55Z")),
        Update(at("2026-06-01T10:40Z"), "monitoring", "Rolled back.", at("2026-06-01T11:10Z")),
        Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),
    )
    (problem,) = roles(handled_incident(roles=Roles(tech_lead="bob"), updates=updates))
    assert (problem.code, problem.level, problem.field, problem.at_key) == ("I216", Level.WARNING, ("roles",), True)
    assert "SEV2 incident has no comms_lead or scribe although triage ended at 2026-06-01T10:25Z" in problem.message


def test_no_roles_at_all_is_reported_at_the_commander() -> None:
    """Without a roles field the warning points at the commander; the window ends 30 min after acknowledgement."""
    (problem,) = roles(handled_incident())
    assert (problem.field, problem.at_key) == (("commander",), False)
    assert "no tech_lead, comms_lead or scribe although triage ended at 2026-06-01T10:40Z" in problem.message


def test_an_open_incident_still_in_triage_is_not_judged_yet() -> None:
    """Investigating, acknowledged 20 minutes ago: triage runs until 30 minutes after acknowledgement."""
    open_one = handled_incident(status="investigating", mitigated=None, resolved=None,
                                updates=(Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),))
    assert roles(open_one, now="2026-06-01T10:30Z") == []
    assert [p.code for p in roles(open_one, now="2026-06-01T10:41Z")] == ["I216"]
