"""Tests of the progress policy: stalls while investigating, failed rollbacks, and escalations that answer them."""

from __future__ import annotations

from generator.model.decisions import Decision, Escalation
from generator.model.incident import Update
from generator.model.progress import STALL_AFTER, escalated_to, failed_rollbacks, investigating_phases, stalls
from tests.checks.factories import at, handled_incident

NOW = at("2026-06-01T12:00Z")


def open_incident(*updates: Update, **fields):
    """Build an open incident with the given updates."""
    return handled_incident(status=updates[-1].status, resolved=None, mitigated=None, updates=updates, **fields)


def test_the_stall_policy_is_thirty_minutes() -> None:
    """The policy lives in the model: 30 minutes."""
    assert STALL_AFTER.total_seconds() == 30 * 60


def test_phases_start_at_each_change_to_investigating_and_end_at_the_next_change() -> None:
    """Repeated investigating updates stay in one phase; a return to investigating starts another."""
    incident = handled_incident(updates=(
        Update(at("2026-06-01T10:00Z"), "investigating", "a", at("2026-06-01T10:30Z")),
        Update(at("2026-06-01T10:20Z"), "investigating", "b", at("2026-06-01T10:50Z")),
        Update(at("2026-06-01T10:40Z"), "identified", "c", at("2026-06-01T11:10Z")),
        Update(at("2026-06-01T10:50Z"), "investigating", "d", at("2026-06-01T11:20Z")),
        Update(at("2026-06-01T11:00Z"), "resolved", "e"),
    ))
    assert list(investigating_phases(incident, NOW)) == [
        (0, at("2026-06-01T10:00Z"), at("2026-06-01T10:40Z"), False),
        (3, at("2026-06-01T10:50Z"), at("2026-06-01T11:00Z"), False),
    ]


def test_an_open_incident_is_judged_until_now() -> None:
    """Still investigating, the last stretch runs to now and is ongoing; 29 minutes is not yet a stall."""
    incident = open_incident(Update(at("2026-06-01T11:30Z"), "investigating", "a", at("2026-06-01T12:30Z")))
    (stall,) = stalls(incident, NOW)
    assert (stall.since, stall.until, stall.ongoing, stall.after) == (at("2026-06-01T11:30Z"), NOW, True, ("updates", 0, "status"))
    assert stalls(incident, at("2026-06-01T11:59Z")) == []
    assert len(stalls(incident, at("2026-06-01T12:00Z"))) == 1


def test_decisions_are_progress_and_escalations_excuse_a_stall() -> None:
    """A decision splits the stretch; an escalation within a stretch excuses it."""
    decision = Decision(at("2026-06-01T11:40Z"), "alice", "Roll back.", "Unclear impact.", "rollback")
    incident = open_incident(Update(at("2026-06-01T11:00Z"), "investigating", "a", at("2026-06-01T12:30Z")), decisions=(decision,))
    found = stalls(incident, NOW)
    assert [(s.since, s.until, s.after) for s in found] == [(at("2026-06-01T11:00Z"), at("2026-06-01T11:40Z"), ("updates", 0, "status"))]
    escalated = open_incident(*incident.updates, decisions=(decision,),
                              escalations=(Escalation(at("2026-06-01T11:35Z"), "alice", "bob", "No progress."),))
    assert stalls(escalated, NOW) == []


def test_failed_rollbacks_and_the_escalation_that_answers_them() -> None:
    """Only a failed rollback counts; an escalation to the contact at or after it answers it."""
    failed = Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", mitigation="rollback", outcome="failed")
    others = (Decision(at("2026-06-01T10:25Z"), "alice", "Fail over.", mitigation="failover", outcome="failed"),
              Decision(at("2026-06-01T10:30Z"), "alice", "Roll back again.", mitigation="rollback", outcome="worked"))
    escalation = Escalation(at("2026-06-01T10:20Z"), "alice", "bob", "The rollback failed.")
    incident = handled_incident(decisions=(failed, *others), escalations=(escalation,))
    assert failed_rollbacks(incident) == [(0, failed)]
    assert escalated_to(incident, "bob", failed.at) and escalated_to(incident, None, failed.at)
    assert not escalated_to(incident, "carol", failed.at) and not escalated_to(incident, "bob", at("2026-06-01T10:21Z"))


def test_the_mitigation_kind_comes_from_the_record_or_the_last_decision_that_did_not_fail() -> None:
    """mitigation wins; without it the last mitigation decision that did not fail says it."""
    decisions = (Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", mitigation="rollback", outcome="failed"),
                 Decision(at("2026-06-01T10:25Z"), "alice", "Fail over.", mitigation="failover"),
                 Decision(at("2026-06-01T10:30Z"), "alice", "Tell support."))
    assert handled_incident(mitigation=None, decisions=decisions).mitigation_kind == "failover"
    assert handled_incident(decisions=decisions).mitigation_kind == "rollback"
    assert handled_incident(mitigation=None, decisions=decisions[:1]).mitigation_kind is None
