"""Tests of the verification rule I310: a major incident passes through monitoring before resolved."""

from __future__ import annotations

from generator.model.incident import Imported, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, maintenance, run


def update(when: str, status: str) -> Update:
    """Build an update on 2026-06-01 at ``when`` (HH:MM UTC)."""
    following = None if status == "resolved" else at("2026-06-01T11:30Z")
    return Update(at(f"2026-06-01T{when}Z"), status, "Text.", following)


def resolved_after(*statuses: str, **fields):
    """Build a resolved incident whose updates say ``statuses`` and then resolved."""
    updates = tuple(update(f"10:{10 + i:02d}", status) for i, status in enumerate(statuses))
    return handled_incident(updates=updates + (update("11:00", "resolved"),), **fields)


def verify(*incidents) -> list:
    """Run I310 over the given incidents."""
    return run("I310", context(incidents=list(incidents)))


def test_monitoring_before_resolved_passes() -> None:
    """A SEV2 watched in monitoring, and maintenance, produce nothing."""
    assert verify(handled_incident(), resolved_after("investigating", "monitoring", "monitoring"), maintenance()) == []


def test_resolved_from_identified_is_a_warning_at_the_resolving_update() -> None:
    """Resolving straight from identified is reported at the resolved update's status."""
    (problem,) = verify(resolved_after("investigating", "identified"))
    assert (problem.code, problem.level, problem.field) == ("I310", Level.WARNING, ("updates", 2, "status"))
    assert "SEV2 incident resolved from identified without monitoring first" in problem.message


def test_monitoring_must_come_again_after_a_relapse() -> None:
    """Monitoring, then investigating again, then resolved, skipped verifying the last fix."""
    (problem,) = verify(resolved_after("monitoring", "investigating"))
    assert "from investigating" in problem.message


def test_resolved_in_the_first_update_is_reported() -> None:
    """A SEV1 resolved in its only update never monitored anything."""
    incident = handled_incident(severity="SEV1", updates=(update("11:00", "resolved"),))
    (problem,) = verify(incident)
    assert problem.field == ("updates", 0, "status") and "in its first update" in problem.message


def test_minor_unknown_open_and_imported_incidents_are_exempt() -> None:
    """SEV3, an unknown severity, an open incident and an imported record are not judged."""
    imported = Imported("statuspage", "abc")
    records = [
        resolved_after("investigating", severity="SEV3"),
        resolved_after("investigating", severity="SEV9"),
        handled_incident(status="identified", resolved=None, updates=(update("10:12", "identified"),)),
        resolved_after("investigating", imported=imported),
    ]
    assert verify(*records) == []
