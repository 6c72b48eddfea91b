"""Tests of a rule: it stamps its code and level, or the level the portal sets, on what it finds."""

from __future__ import annotations

from generator.checks.rules import RuleList
from generator.problems import Level, Problem
from tests.checks.factories import context, incident

RULES = RuleList()


@RULES.incident_rule("X999", "always", Level.WARNING, kinds=("incident",))
def always(record, ctx):
    """Find one problem in every incident."""
    yield Problem(record.path, "found", ("title",))


def test_rule_stamps_its_code_and_level() -> None:
    """The problem a rule yields carries the rule's code and level."""
    [rule] = RULES
    [problem] = rule.run(context(incidents=[incident()]))
    assert (problem.code, problem.level, problem.field) == ("X999", Level.WARNING, ("title",))


def test_rule_stamps_the_level_it_is_given() -> None:
    """A level set by the portal replaces the rule's own."""
    [rule] = RULES
    assert [p.level for p in rule.run(context(incidents=[incident()]), Level.ERROR)] == [Level.ERROR]


def test_incident_rule_skips_other_kinds() -> None:
    """A rule of incidents does not look at maintenance records."""
    [rule] = RULES
    assert list(rule.run(context(incidents=[incident(type="maintenance", status="completed")]))) == []


def test_context_derives_a_value_once_for_every_rule() -> None:
    """What one rule derives under a key is computed once and handed to the next rule that asks for it."""
    ctx, made = context(), []
    first = ctx.once("index", lambda c: made.append(c) or object())
    assert ctx.once("index", lambda c: made.append(c) or object()) is first
    assert made == [ctx]


def test_contexts_do_not_share_what_they_derived() -> None:
    """A new validation derives its values again, and derived values do not make two contexts differ."""
    one, two = context(), context()
    one.once("index", lambda c: 1)
    assert two.once("index", lambda c: 2) == 2
    assert one == two
