"""Tests of the action item rules P614 (not doing without a reason) and P615 (open past 30 days without an exception)."""

from __future__ import annotations

from datetime import date

from generator.model.postmortem import ActionException, ActionItem
from generator.problems import Level
from tests.checks.factories import context, incident, postmortem, run, site, severity


def item(title: str = "Add a latency alert", **fields) -> ActionItem:
    """Build an open action item due within 30 days of a resolution on 2026-06-01."""
    values = dict(type="prevent", status="open", owner="bob", due=date(2026, 6, 20))
    values.update(fields)
    return ActionItem(title, **values)


def judged(code: str, now: str, *items: ActionItem, severity_id: str = "SEV2") -> list:
    """Run one rule over a resolved incident of ``severity_id`` and its reviewed postmortem with ``items``."""
    pm = postmortem(status="reviewed", reviewed_on=date(2026, 6, 5), action_items=items)
    severities = (severity("SEV2"), severity("SEV3", postmortem=False))
    return run(code, context(now, site=site(severities=severities), incidents=[incident(severity=severity_id)], postmortems=[pm]))


def test_not_doing_without_a_reason_is_placed_at_the_status():
    (problem,) = judged("P614", "2026-06-10T12:00Z", item(status="not_doing"), item("Keep", status="not_doing", reason="Superseded."))
    assert (problem.code, problem.level, problem.field) == ("P614", Level.WARNING, ("action_items", 0, "status"))
    assert "'Add a latency alert' is not_doing without a reason" in problem.message


def test_a_blank_reason_is_no_reason():
    assert len(judged("P614", "2026-06-10T12:00Z", item(status="not_doing", reason="  "))) == 1


def test_an_item_open_past_30_days_needs_an_exception():
    accepted = item("Rebuild the queue", exception=ActionException("carol", "Needs the Q3 migration; accepted until 2026-09-30."))
    (problem,) = judged("P615", "2026-07-15T12:00Z", item(), accepted, item("Done one", status="done", done_on=date(2026, 6, 10)))
    assert (problem.field, problem.level) == (("action_items", 0, "status"), Level.WARNING)
    assert "open 44 days after resolution; items are done within 30 days (by 2026-07-01)" in problem.message


def test_within_30_days_or_without_a_required_postmortem_nothing_is_said():
    assert judged("P615", "2026-06-25T12:00Z", item()) == []
    assert judged("P615", "2026-07-15T12:00Z", item(), severity_id="SEV3") == []


def test_an_exception_also_excuses_a_due_date_past_the_window():
    late = item(due=date(2026, 8, 1))
    assert len(judged("P607", "2026-06-10T12:00Z", late)) == 1
    excused = item(due=date(2026, 8, 1), exception=ActionException("carol", "Vendor delivers in July."))
    assert judged("P607", "2026-06-10T12:00Z", excused) == []
