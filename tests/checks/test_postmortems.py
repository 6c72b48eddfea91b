"""Tests of the postmortem rules P601-P613."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks.postmortems import count_sentences
from generator.model.postmortem import ActionItem
from generator.problems import Level
from tests.checks.factories import at, context, full_body, incident, postmortem, run, site

RESOLVED = "2026-06-01T11:00Z"


def item(title: str = "Add a latency alert", **fields) -> ActionItem:
    """Build an open action item due within 30 days of resolution."""
    values = dict(type="prevent", status="open", owner="bob", due=date(2026, 6, 20))
    values.update(fields)
    return ActionItem(title, **values)


def reviewed(**fields):
    """Build a reviewed postmortem with one action item: on time in every respect."""
    values = dict(status="reviewed", reviewed_on=date(2026, 6, 5), action_items=(item(),))
    values.update(fields)
    return postmortem(**values)


def codes(code: str, now: str = "2026-06-10T12:00Z", incidents=None, postmortems=(), **fields) -> list:
    """Run one rule over one incident (by default) and the given postmortems."""
    incidents = [incident()] if incidents is None else incidents
    return run(code, context(now, incidents=incidents, postmortems=list(postmortems), **fields))


def test_postmortem_missing_after_48_hours() -> None:
    """A required postmortem absent 48 h after resolution is reported at the incident's severity."""
    [problem] = codes("P601", now="2026-06-03T11:01Z")
    assert (problem.code, problem.level, problem.field) == ("P601", Level.WARNING, ("severity",))
    assert problem.path == "incidents/2026/2026-06-01-slow-api.md"
    assert "2026-06-03T11:00Z" in problem.message and "2026-06-01-slow-api.postmortem.md" in problem.message


@pytest.mark.parametrize(
    "now, fields, postmortems",
    [
        ("2026-06-03T10:59Z", {}, ()),
        ("2026-06-10T12:00Z", {"severity": "SEV3"}, ()),
        ("2026-06-10T12:00Z", {"status": "monitoring", "resolved": None}, ()),
        ("2026-06-10T12:00Z", {}, (reviewed(),)),
    ],
    ids=["within-48h", "not-required", "not-resolved", "present"],
)
def test_postmortem_missing_silent(now: str, fields: dict, postmortems: tuple) -> None:
    """No P601 within 48 h, for optional severities, open incidents or when the postmortem exists."""
    assert codes("P601", now=now, incidents=[incident(**fields)], postmortems=postmortems) == []


def test_draft_late() -> None:
    """A draft shared more than 48 h after resolution is reported at drafted."""
    [problem] = codes("P602", postmortems=[reviewed(drafted=at("2026-06-04T12:00Z"))])
    assert (problem.code, problem.field) == ("P602", ("drafted",))
    assert "drafted 2026-06-04T12:00Z, 3 d 1 h after resolution" in problem.message


def test_draft_on_time() -> None:
    """A draft exactly 48 h after resolution is on time."""
    assert codes("P602", postmortems=[reviewed(drafted=at("2026-06-03T11:00Z"))]) == []


def test_review_missing_after_a_week() -> None:
    """An unreviewed postmortem a week after resolution is late."""
    [problem] = codes("P603", postmortems=[postmortem(action_items=(item(),))])
    assert (problem.code, problem.field) == ("P603", ("status",))
    assert "not reviewed yet" in problem.message and "2026-06-08T11:00Z" in problem.message


def test_review_date_after_deadline() -> None:
    """A review held after the week's deadline date is late."""
    [problem] = codes("P603", postmortems=[reviewed(reviewed_on=date(2026, 6, 10))])
    assert problem.field == ("reviewed_on",)
    assert "reviewed_on 2026-06-10 is 2 days late" in problem.message and "2026-06-08" in problem.message


def test_review_deadline_date_in_site_zone() -> None:
    """The deadline date is taken in the site zone: 23:30Z on 1 June is 2 June in Tokyo."""
    late_night = incident(resolved=at("2026-06-01T23:30Z"))
    pm = reviewed(reviewed_on=date(2026, 6, 9))
    assert codes("P603", incidents=[late_night], postmortems=[pm])[0].field == ("reviewed_on",)
    assert codes("P603", incidents=[late_night], postmortems=[pm], site=site("Asia/Tokyo")) == []


def test_review_silent_within_week() -> None:
    """No P603 before the week is over, or when reviewed on the deadline date."""
    assert codes("P603", now="2026-06-08T10:00Z", postmortems=[postmortem()]) == []
    assert codes("P603", postmortems=[reviewed(reviewed_on=date(2026, 6, 8))]) == []


@pytest.mark.parametrize("status", ["reviewed", "closed"])
def test_review_date_required(status: str) -> None:
    """Reviewed and closed postmortems need reviewed_on."""
    [problem] = codes("P604", postmortems=[reviewed(status=status, reviewed_on=None)])
    assert (problem.code, problem.level, problem.field) == ("P604", Level.ERROR, ("status",))
    assert f"status is {status} but reviewed_on is missing" in problem.message


def test_review_date_on_draft() -> None:
    """A draft must not carry a review date."""
    [problem] = codes("P604", postmortems=[reviewed(status="draft")])
    assert problem.field == ("reviewed_on",) and "status is draft" in problem.message


def test_review_date_silent() -> None:
    """A reviewed postmortem with its date, and an in-review one without, are fine."""
    assert codes("P604", postmortems=[reviewed(), postmortem(status="in_review")]) == []


def test_action_items_unassigned() -> None:
    """Two weeks after resolution a postmortem without action items is reported."""
    [problem] = codes("P605", now="2026-06-15T11:01Z", postmortems=[reviewed(action_items=())])
    assert (problem.code, problem.field, problem.at_key) == ("P605", ("action_items",), True)
    assert "no action_items" in problem.message and "2026-06-15T11:00Z" in problem.message


def test_action_items_unassigned_silent() -> None:
    """No P605 before two weeks, or with action items."""
    assert codes("P605", now="2026-06-15T10:59Z", postmortems=[reviewed(action_items=())]) == []
    assert codes("P605", now="2026-07-15T00:00Z", postmortems=[reviewed()]) == []


def test_action_item_overdue() -> None:
    """An open item past its due date is reported at its due date."""
    items = (item(due=date(2026, 6, 20), status="done", done_on=date(2026, 6, 19)), item(due=date(2026, 6, 20)))
    [problem] = codes("P606", now="2026-06-23T08:00Z", postmortems=[reviewed(action_items=items)])
    assert (problem.code, problem.field) == ("P606", ("action_items", 1, "due"))
    assert "'Add a latency alert' is open and was due 2026-06-20 (3 days ago)" in problem.message


def test_action_item_overdue_uses_site_date() -> None:
    """On the due date itself the item is not overdue; 23:30Z on the due date is the next day in Tokyo."""
    pm = reviewed(action_items=(item(due=date(2026, 6, 20)),))
    assert codes("P606", now="2026-06-20T23:30Z", postmortems=[pm]) == []
    assert len(codes("P606", now="2026-06-20T23:30Z", postmortems=[pm], site=site("Asia/Tokyo"))) == 1


def test_action_item_due_late() -> None:
    """An item of a required postmortem due more than 30 days after resolution is reported."""
    pm = reviewed(action_items=(item(due=date(2026, 7, 1)), item(due=date(2026, 7, 16))))
    [problem] = codes("P607", postmortems=[pm])
    assert (problem.code, problem.field) == ("P607", ("action_items", 1, "due"))
    assert "due 2026-07-16, 45 days after resolution; action items are to be done within 30 days" in problem.message


def test_action_item_due_late_only_for_required() -> None:
    """Postmortems of severities that do not require one have no 30-day limit."""
    pm = reviewed(action_items=(item(due=date(2026, 7, 16)),))
    assert codes("P607", incidents=[incident(severity="SEV3")], postmortems=[pm]) == []


def test_done_without_date() -> None:
    """A done item needs done_on."""
    [problem] = codes("P608", postmortems=[reviewed(action_items=(item(status="done"),))])
    assert (problem.code, problem.level, problem.field) == ("P608", Level.ERROR, ("action_items", 0, "status"))
    assert "done_on is missing" in problem.message


def test_open_with_done_date() -> None:
    """An open item must not have done_on."""
    [problem] = codes("P608", postmortems=[reviewed(action_items=(item(done_on=date(2026, 6, 9)),))])
    assert problem.field == ("action_items", 0, "done_on") and "status is open" in problem.message


def test_done_dates_silent() -> None:
    """Done with a date, open without one and not_doing are fine."""
    items = (item(status="done", done_on=date(2026, 6, 9)), item(), item(status="not_doing"))
    assert codes("P608", postmortems=[reviewed(action_items=items)]) == []


def test_missing_sections_one_finding_each() -> None:
    """Each missing section is reported at the first body line."""
    body = "## Summary\n\nShort.\n\n## Impact\n\nSome.\n"
    problems = codes("P609", postmortems=[reviewed(body=body, body_line=12)])
    assert len(problems) == 5
    assert {(p.code, p.line, p.level) for p in problems} == {("P609", 12, Level.ERROR)}
    assert any("'## Root cause' is missing" in p.message for p in problems)


def test_empty_section_points_at_heading() -> None:
    """An empty section (a comment does not count) is reported at its heading's line."""
    body = full_body(impact="<!-- fill in -->")
    [problem] = codes("P609", postmortems=[reviewed(body=body, body_line=10)])
    assert (problem.line, problem.column) == (14, 1)
    assert "'## Impact' is empty" in problem.message


def test_sections_case_insensitive() -> None:
    """Headings match ignoring case."""
    body = full_body().replace("## Root cause", "## Root Cause")
    assert codes("P609", postmortems=[reviewed(body=body)]) == []


@pytest.mark.parametrize(
    "text, count",
    [
        ("One. Two! Three? Four.", 4),
        ("Latency rose to 99.9 percent at 10.30 UTC. It recovered.", 2),
        ("Several caches, e.g. the API cache, i.e. the main one, failed etc. and more. Done", 2),
        ("No final stop", 1),
        ('He said "stop." Then it stopped.', 2),
        ("Wait... then it recovered.", 2),
        ("First paragraph without stop\n\nSecond paragraph.", 2),
        ("", 0),
    ],
)
def test_count_sentences(text: str, count: int) -> None:
    """Sentences end at . ! or ? before whitespace or the end, not in abbreviations, decimals or times."""
    assert count_sentences(text) == count


def test_summary_too_long() -> None:
    """A Summary of six sentences is reported at its heading."""
    body = full_body(summary="One. Two. Three. Four. Five. Six.")
    [problem] = codes("P610", postmortems=[reviewed(body=body, body_line=10)])
    assert (problem.code, problem.line, problem.level) == ("P610", 10, Level.ERROR)
    assert "Summary has 6 sentences" in problem.message


def test_summary_five_sentences_with_decimals() -> None:
    """Five sentences with decimals and abbreviations are within the limit."""
    summary = "At 10.30 errors hit 12.5%. Caches, e.g. Redis, failed. We rolled back. It recovered. Done."
    assert codes("P610", postmortems=[reviewed(body=full_body(summary=summary))]) == []


def test_public_postmortem_of_internal_incident() -> None:
    """A public postmortem must not belong to an internal incident."""
    [problem] = codes("P611", incidents=[incident(public=False)], postmortems=[reviewed(public=True)])
    assert (problem.code, problem.field) == ("P611", ("public",))
    assert "set public: false" in problem.message
    assert codes("P611", incidents=[incident(public=True)], postmortems=[reviewed(public=True)]) == []


def test_postmortem_of_open_incident() -> None:
    """A postmortem of an unresolved incident is reported; maintenance is skipped."""
    open_incident = incident(status="monitoring", resolved=None)
    [problem] = codes("P612", incidents=[open_incident], postmortems=[postmortem()])
    assert (problem.code, problem.path) == ("P612", "incidents/2026/2026-06-01-slow-api.postmortem.md")
    assert "still monitoring" in problem.message
    maintenance = incident(type="maintenance", status="in_progress", severity=None, resolved=None)
    assert codes("P612", incidents=[maintenance], postmortems=[postmortem()]) == []
    assert codes("P612", postmortems=[postmortem()]) == []


def test_closed_with_open_items() -> None:
    """A closed postmortem with an open item is reported at that item's status."""
    items = (item(status="done", done_on=date(2026, 6, 9)), item(title="Fix retries"))
    [problem] = codes("P613", postmortems=[reviewed(status="closed", action_items=items)])
    assert (problem.code, problem.field) == ("P613", ("action_items", 1, "status"))
    assert "'Fix retries' is still open" in problem.message
    assert codes("P613", postmortems=[reviewed(action_items=items)]) == []


def test_good_postmortem_passes_every_rule() -> None:
    """A postmortem on time in every respect yields nothing from any P6 rule."""
    for number in range(601, 614):
        assert codes(f"P{number}", postmortems=[reviewed()]) == [], f"P{number}"
