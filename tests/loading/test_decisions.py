"""Tests of reading the decision log and escalations."""

from __future__ import annotations

from generator.loading.schema import Context
from generator.loading.specs import DECISION, ESCALATION
from generator.loading.strictyaml import INVALID
from generator.model.decisions import Decision, Escalation
from tests.checks.factories import at


def run(spec, value, index=0):
    """Convert a value as one entry of an incident list and return it with the problem codes and fields."""
    ctx = Context("incidents/2026/2026-06-01-api.md")
    return spec.convert(value, ctx, (spec.name + "s", index)), [(p.code, p.field) for p in ctx.problems]


def test_a_decision_is_read_with_its_optional_fields() -> None:
    """why, mitigation and outcome are optional; a full entry becomes a Decision."""
    value = {"at": "2026-06-01T10:20:00Z", "by": "alice", "decision": "Roll back.", "why": "Unclear impact.",
             "mitigation": "rollback", "outcome": "failed"}
    decision, problems = run(DECISION, value)
    assert problems == [] and decision == Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", "Unclear impact.", "rollback", "failed")
    assert decision.failed
    assert run(DECISION, {"at": "2026-06-01T10:20:00Z", "by": "alice", "decision": "Page the database team."})[1] == []


def test_an_unknown_outcome_or_mitigation_is_not_a_choice() -> None:
    """outcome is worked or failed; mitigation one of the mitigation kinds."""
    value = {"at": "2026-06-01T10:20:00Z", "by": "alice", "decision": "x", "outcome": "maybe", "mitigation": "pray"}
    assert run(DECISION, value) == (INVALID, [("S004", ("decisions", 0, "mitigation")), ("S004", ("decisions", 0, "outcome"))])


def test_an_escalation_needs_every_field() -> None:
    """at, by, to and reason are required."""
    value = {"at": "2026-06-01T10:30:00Z", "by": "alice", "to": "bob", "reason": "No progress for 30 minutes."}
    assert run(ESCALATION, value) == (Escalation(at("2026-06-01T10:30Z"), "alice", "bob", "No progress for 30 minutes."), [])
    assert run(ESCALATION, {"at": "2026-06-01T10:30:00Z", "by": "alice", "to": "bob"}) == (INVALID, [("S002", ("escalations", 0))])
