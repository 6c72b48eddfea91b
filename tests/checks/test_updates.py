"""Tests of the update rules: order, transitions, last status, next updates and cadence."""

from __future__ import annotations

from datetime import timedelta

import pytest

from generator.checks.updates import TRANSITIONS
from generator.model.incident import INCIDENT_STATUSES, MAINTENANCE_STATUSES, TimelineEntry, Update
from tests.checks.factories import at, context, handled_incident, maintenance, run, severity, site

ALL_CODES = ("I301", "I302", "I303", "I304", "I305", "I306", "I307", "I308", "I309")


def update(when: str, status: str, next_update: str | None = None) -> Update:
    """Build an update on 2026-06-01 at ``when`` (HH:MM UTC)."""
    following = at(f"2026-06-01T{next_update}Z") if next_update else None
    return Update(at(f"2026-06-01T{when}Z"), status, "Text.", following)


def open_incident(*updates: Update, **fields):
    """Build an incident that is still open with the given updates."""
    last = updates[-1].status if updates else "investigating"
    return handled_incident(status=last, resolved=None, updates=updates, **fields)


@pytest.mark.parametrize("code", ALL_CODES)
def test_good_records_pass(code: str) -> None:
    """A well-kept incident and maintenance window produce nothing."""
    assert run(code, context(incidents=[handled_incident(), maintenance()])) == []


def test_transition_table_covers_every_status() -> None:
    """The transition table knows every status of each type."""
    assert set(TRANSITIONS["incident"]) == set(INCIDENT_STATUSES)
    assert set(TRANSITIONS["maintenance"]) == set(MAINTENANCE_STATUSES)


def test_i301_points_at_first_out_of_order_update() -> None:
    """An update earlier than the one before it is reported at its at."""
    updates = (update("10:12", "investigating", "10:40"), update("10:10", "identified", "10:40"), update("10:05", "identified", "10:40"))
    (problem,) = run("I301", context(incidents=[open_incident(*updates)]))
    assert problem.field == ("updates", 1, "at")
    assert "2026-06-01T10:10Z" in problem.message and "2026-06-01T10:12Z" in problem.message


def test_i302_reports_illegal_incident_transitions() -> None:
    """Nothing but resolved follows resolved."""
    updates = (update("10:12", "resolved"), update("10:20", "investigating", "10:40"))
    (problem,) = run("I302", context(incidents=[open_incident(*updates)]))
    assert problem.field == ("updates", 1, "status")
    assert "from resolved to investigating" in problem.message


def test_i302_allows_investigating_after_a_listed_reopening() -> None:
    """A resolved incident reopened at the time of the next update may go back to investigating, and only to it."""
    updates = (update("10:12", "resolved"), update("10:20", "investigating", "10:40"))
    assert run("I302", context(incidents=[open_incident(*updates, reopened=(at("2026-06-01T10:20:00Z"),))])) == []
    elsewhen = open_incident(*updates, reopened=(at("2026-06-01T10:30:00Z"),))
    monitoring = open_incident(update("10:12", "resolved"), update("10:20", "monitoring", "10:40"), reopened=(at("2026-06-01T10:20:00Z"),))
    problems = run("I302", context(incidents=[elsewhen, monitoring]))
    assert [p.message.split(";")[0] for p in problems] == ["status changes from resolved to investigating", "status changes from resolved to monitoring"]


@pytest.mark.parametrize(
    "before, after",
    [("scheduled", "completed"), ("scheduled", "verifying"), ("in_progress", "scheduled"), ("completed", "in_progress")],
)
def test_i302_reports_illegal_maintenance_transitions(before: str, after: str) -> None:
    """Maintenance follows scheduled, in_progress, verifying, completed."""
    updates = (update("10:00", before, "10:30"), update("10:10", after, "10:30"))
    (problem,) = run("I302", context(incidents=[maintenance(updates=updates)]))
    assert problem.field == ("updates", 1, "status") and f"from {before} to {after}" in problem.message


def test_i302_allows_repeats_and_back_steps() -> None:
    """Repeating a status and going back to investigating are fine."""
    updates = (update("10:12", "identified", "10:40"), update("10:40", "identified", "11:00"), update("10:50", "investigating", "11:20"))
    back = (update("22:00", "in_progress", "22:30"), update("22:20", "verifying", "22:40"), update("22:30", "in_progress", "23:00"))
    assert run("I302", context(incidents=[open_incident(*updates), maintenance(updates=back)])) == []


def test_i303_requires_an_update() -> None:
    """A record without updates is reported."""
    (problem,) = run("I303", context(incidents=[open_incident()]))
    assert problem.field == () and "no updates" in problem.message


def test_i303_requires_status_of_last_update() -> None:
    """A resolved incident whose last update is not resolved is reported at status."""
    incident = handled_incident(updates=handled_incident().updates[:2])
    (problem,) = run("I303", context(incidents=[incident]))
    assert problem.field == ("status",)
    assert "status is resolved" in problem.message and "updates[1]" in problem.message and "monitoring" in problem.message


def test_i304_warns_about_incident_updates_before_detection() -> None:
    """An incident update before detection is a warning; maintenance announcements are exempt."""
    incident = open_incident(update("10:01", "investigating", "10:30"))
    (problem,) = run("I304", context(incidents=[incident, maintenance()]))
    assert problem.field == ("updates", 0, "at") and "2026-06-01T10:05Z" in problem.message


def test_i305_requires_next_update_until_final() -> None:
    """A missing next update, and one not after the update, are errors."""
    updates = (update("10:12", "investigating"), update("10:20", "identified", "10:20"), update("10:30", "resolved"))
    problems = run("I305", context(incidents=[handled_incident(updates=updates)]))
    assert [p.field for p in problems] == [("updates", 0), ("updates", 1, "next_update")]
    assert "next_update" in problems[0].message and "2026-06-01T10:20Z" in problems[1].message


def test_i306_reports_broken_promise_with_lateness() -> None:
    """An update later than promised names the promised time and how late it came."""
    updates = (update("10:12", "investigating", "10:42"), update("11:25", "resolved"))
    (problem,) = run("I306", context(incidents=[handled_incident(updates=updates)]))
    assert problem.field == ("updates", 1, "at")
    assert "2026-06-01T10:42Z" in problem.message and "43 min" in problem.message


def test_i306_accepts_kept_promises() -> None:
    """An update exactly on time or early passes."""
    updates = (update("10:12", "investigating", "10:42"), update("10:42", "identified", "11:00"), update("10:50", "resolved"))
    assert run("I306", context(incidents=[handled_incident(updates=updates)])) == []


def test_i307_warns_when_open_record_is_overdue() -> None:
    """An open incident past its last next_update is overdue by a stated amount."""
    incident = open_incident(update("10:12", "investigating", "10:42"))
    (problem,) = run("I307", context(now="2026-06-01T12:00Z", incidents=[incident]))
    assert problem.field == ("updates", 0, "next_update")
    assert "2026-06-01T10:42Z" in problem.message and "1 h 18 min" in problem.message


def test_i307_is_silent_before_due_and_for_closed_records() -> None:
    """Not yet due, or closed, records pass."""
    incident = open_incident(update("10:12", "investigating", "10:42"))
    assert run("I307", context(now="2026-06-01T10:30Z", incidents=[incident])) == []
    assert run("I307", context(now="2026-07-01T10:30Z", incidents=[handled_incident(), maintenance()])) == []


def test_i308_compares_with_severity_cadence() -> None:
    """A next update further away than update_every is a warning naming both durations."""
    config = site(severities=(severity("SEV1", update_every=timedelta(minutes=30)),))
    incident = open_incident(update("10:12", "investigating", "12:12"), severity="SEV1")
    (problem,) = run("I308", context(site=config, incidents=[incident]))
    assert problem.field == ("updates", 0, "next_update")
    assert "2 h after this one" in problem.message and "SEV1 asks for at most 30 min" in problem.message


def test_i308_is_silent_without_configured_severity() -> None:
    """An unknown severity is R203's business, not a cadence warning."""
    incident = open_incident(update("10:12", "investigating", "18:12"), severity="SEV9")
    assert run("I308", context(incidents=[incident])) == []


def test_i309_warns_about_timeline_out_of_order() -> None:
    """A timeline entry earlier than the one before it is a warning at its at."""
    timeline = (
        TimelineEntry(at("2026-06-01T10:06Z"), "alice", "Paged."),
        TimelineEntry(at("2026-06-01T10:05Z"), "bob", "Alert fired."),
    )
    (problem,) = run("I309", context(incidents=[handled_incident(timeline=timeline)]))
    assert problem.field == ("timeline", 1, "at") and "2026-06-01T10:05Z" in problem.message
