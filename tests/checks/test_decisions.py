"""Tests of the decision rule I212: a SEV1 or SEV2 fixed forward says why."""

from __future__ import annotations

from generator.model.decisions import Decision
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, run

FORWARD = Decision(at("2026-06-01T10:20Z"), "alice", "Ship the patch.", mitigation="fix_forward")
WHY = "The patch is one line, the cause is understood, and it deploys faster than a rollback."


def test_a_fix_forward_with_a_why_passes() -> None:
    """A decision that says why, and rollbacks without one, produce nothing."""
    explained = Decision(FORWARD.at, "alice", "Ship the patch.", WHY, "fix_forward")
    rollback = Decision(FORWARD.at, "alice", "Roll back.", mitigation="rollback")
    ctx = context(incidents=[handled_incident(mitigation="fix_forward", decisions=(explained, rollback))])
    assert run("I212", ctx) == []


def test_a_fix_forward_decision_without_why_is_a_warning_at_its_mitigation() -> None:
    """The warning points at decisions[i].mitigation and says what the why should say."""
    (problem,) = run("I212", context(incidents=[handled_incident(decisions=(FORWARD,))]))
    assert (problem.code, problem.level, problem.field) == ("I212", Level.WARNING, ("decisions", 0, "mitigation"))
    assert "minor, understood and faster than a rollback" in problem.message


def test_a_record_fixed_forward_without_any_decision_is_a_warning_at_mitigation() -> None:
    """mitigation: fix_forward with no fix_forward decision points at mitigation and names the command."""
    (problem,) = run("I212", context(incidents=[handled_incident(mitigation="fix_forward")]))
    assert problem.field == ("mitigation",)
    assert "statusbook incident decide 2026-06-01-api-errors --mitigation fix_forward" in problem.message


def test_minor_severities_are_exempt() -> None:
    """A SEV3 may fix forward without a why."""
    assert run("I212", context(incidents=[handled_incident(severity="SEV3", decisions=(FORWARD,))])) == []
