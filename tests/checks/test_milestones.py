"""Tests of the milestone rules: order, required milestones, statuses and resolution."""

from __future__ import annotations

from generator.model.incident import Update
from tests.checks.factories import at, context, handled_incident, maintenance, run


def test_i201_reports_later_field_naming_both_times() -> None:
    """A milestone before the previous present one is reported at the later field."""
    incident = handled_incident(acknowledged=None, mitigated=at("2026-06-01T10:03Z"))
    (problem,) = run("I201", context(incidents=[incident]))
    assert problem.field == ("mitigated",)
    assert "2026-06-01T10:03Z" in problem.message and "detected 2026-06-01T10:05Z" in problem.message


def test_i201_accepts_ordered_and_equal_milestones() -> None:
    """Equal and increasing milestones, with gaps, pass."""
    incident = handled_incident(acknowledged=None, mitigated=at("2026-06-01T10:05Z"))
    assert run("I201", context(incidents=[incident, maintenance()])) == []


def test_i202_requires_started_and_detected_on_incidents() -> None:
    """An incident without started and detected gets one error for each."""
    problems = run("I202", context(incidents=[handled_incident(started=None, detected=None)]))
    assert sorted(p.message.split(":")[0] for p in problems) == ["missing 'detected'", "missing 'started'"]


def test_i202_requires_a_maintenance_window() -> None:
    """Maintenance needs both ends of its window, in order."""
    problems = run("I202", context(incidents=[maintenance(scheduled_until=None)]))
    assert [p.message.split(":")[0] for p in problems] == ["missing 'scheduled_until'"]
    (problem,) = run("I202", context(incidents=[maintenance(scheduled_until=at("2026-06-05T22:00Z"))]))
    assert problem.field == ("scheduled_until",) and "2026-06-05T22:00Z" in problem.message


def test_i202_requires_actual_start_once_under_way() -> None:
    """Maintenance in progress must record started; scheduled maintenance need not."""
    (problem,) = run("I202", context(incidents=[maintenance(started=None)]))
    assert problem.field == ("status",) and "completed" in problem.message
    scheduled = maintenance(status="scheduled", started=None, resolved=None)
    assert run("I202", context(incidents=[scheduled, handled_incident()])) == []


def test_i203_reports_statuses_of_the_other_type() -> None:
    """Record and update statuses of the wrong type are reported where they are."""
    updates = (Update(at("2026-06-01T10:12Z"), "in_progress", "Hm.", at("2026-06-01T10:42Z")),)
    problems = run("I203", context(incidents=[handled_incident(status="completed", updates=updates)]))
    assert [p.field for p in problems] == [("status",), ("updates", 0, "status")]
    assert "'completed' is not allowed for incident records" in problems[0].message
    assert "investigating, identified, monitoring, resolved" in problems[1].message


def test_i203_accepts_matching_statuses() -> None:
    """Statuses of the record's own type pass."""
    assert run("I203", context(incidents=[handled_incident(), maintenance()])) == []


def test_i204_says_which_side_is_missing() -> None:
    """Status resolved without a time, and a time without status resolved, are both reported."""
    (missing_time,) = run("I204", context(incidents=[handled_incident(resolved=None)]))
    assert missing_time.field == ("status",) and "'resolved' time is missing" in missing_time.message
    (missing_status,) = run("I204", context(incidents=[handled_incident(status="monitoring")]))
    assert missing_status.field == ("resolved",) and "status is monitoring" in missing_status.message


def test_i204_uses_completed_for_maintenance() -> None:
    """Maintenance is closed by status completed with its actual end in resolved."""
    (problem,) = run("I204", context(incidents=[maintenance(status="verifying")]))
    assert problem.field == ("resolved",) and "not completed" in problem.message
    open_window = maintenance(status="in_progress", resolved=None)
    assert run("I204", context(incidents=[open_window, maintenance(), handled_incident()])) == []


def test_i205_requires_mitigation_decision() -> None:
    """A mitigated incident without a mitigation is reported at mitigated."""
    (problem,) = run("I205", context(incidents=[handled_incident(mitigation=None)]))
    assert problem.field == ("mitigated",) and "rollback" in problem.message


def test_i205_accepts_recorded_or_absent_mitigation() -> None:
    """A recorded decision, or no mitigated time at all, passes."""
    unmitigated = handled_incident(mitigated=None, mitigation=None)
    assert run("I205", context(incidents=[handled_incident(), unmitigated])) == []
