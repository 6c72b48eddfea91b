"""Tests of the blameless wording rules B701 and B702."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.postmortem import ActionItem
from generator.problems import Level
from tests.checks.factories import context, full_body, incident, people, postmortem, run


def blame(**fields) -> list:
    """Run B701 over the given records."""
    return run("B701", context(**fields))


def test_blame_in_postmortem_body_has_line_and_column() -> None:
    """Each blaming phrase is reported at its file line and column."""
    body = full_body(root_cause="The deploy went out because of human error.\nThe operator was  careless.")
    pm = postmortem(body=body, body_line=10)
    first, second = blame(postmortems=[pm])
    line = 10 + body.split("\n").index("The deploy went out because of human error.")
    assert (first.code, first.level, first.line, first.column) == ("B701", Level.WARNING, line, 32)
    assert "'human error'" in first.message and "describe what the system allowed, not who erred" in first.message
    assert (second.line, second.column) == (line + 1, 19)


def test_blame_phrase_across_lines_in_incident_notes() -> None:
    """Incident notes are checked too, and a phrase may wrap across lines."""
    notes = "Internal notes.\nIt was Bob who should have\nknown better."
    [problem] = blame(incidents=[incident(body=notes, body_line=30)])
    assert (problem.path, problem.line, problem.column) == ("incidents/2026/2026-06-01-slow-api.md", 31, 16)
    assert "'should have known'" in problem.message


@pytest.mark.parametrize(
    "phrase",
    ["Human Error", "carelessness", "forgot to", "negligent", "negligence", "fault of", "blame", "incompetent", "sloppy"],
)
def test_each_blame_phrase(phrase: str) -> None:
    """Every listed phrase is found, ignoring case."""
    assert len(blame(incidents=[incident(body=f"Notes: {phrase} here.")])) == 1


def test_blameless_wording_is_silent() -> None:
    """Words that merely contain a phrase (blameless, carefully, forgotten) are not reported."""
    notes = "A blameless review. We carefully checked; the forgotten flag was the trigger. Default values."
    assert blame(incidents=[incident(body=notes)], postmortems=[postmortem()]) == []


def test_blame_in_action_item_title() -> None:
    """Action item titles are checked, located by field."""
    items = (ActionItem("Retrain careless operators", "process", "open", "bob", date(2026, 6, 20)),)
    [problem] = blame(postmortems=[postmortem(action_items=items)])
    assert (problem.field, problem.line) == (("action_items", 0, "title"), 0)
    assert "'careless'" in problem.message


def root_cause(text: str, **fields) -> list:
    """Run B702 over a postmortem whose Root cause section holds ``text``."""
    pm = postmortem(body=full_body(root_cause=text), body_line=10)
    return run("B702", context(postmortems=[pm], **fields))


def test_person_id_in_root_cause() -> None:
    """A person id as a whole word is reported at its position."""
    [problem] = root_cause("The config change by alice removed the limit.")
    assert (problem.code, problem.level, problem.line, problem.column) == ("B702", Level.WARNING, 24, 22)
    assert "'alice' (alice)" in problem.message


def test_full_name_reported_once() -> None:
    """A full name is reported once, not again for its first name."""
    [problem] = root_cause("Alice  Smith pushed the change.")
    assert (problem.line, problem.column) == (24, 1)
    assert "'Alice  Smith' (alice)" in problem.message


def test_unique_first_name() -> None:
    """A first name that belongs to exactly one person is reported."""
    [problem] = root_cause("The limit was removed after Bob approved it.")
    assert "'Bob' (bob)" in problem.message and problem.column == 29


def test_shared_first_name_is_not_a_person() -> None:
    """A first name shared by two people is ambiguous and not reported; their full names are."""
    crew = people("Alice Smith", "Alice Brown")
    assert root_cause("Alice reviewed it.", people=crew) == []
    assert len(root_cause("Alice Brown reviewed it.", people=crew)) == 1


def test_names_outside_root_cause_are_fine() -> None:
    """People may be named in other sections, and ids inside longer words are not names."""
    body = full_body(timeline="10:05 alice paged Bob.", root_cause="The alice-bot retry limit and malice-free config.")
    assert run("B702", context(postmortems=[postmortem(body=body)])) == []


def test_root_cause_as_last_section() -> None:
    """The Root cause section is found even when it is the last one."""
    body = "## Summary\n\nShort.\n\n## Root cause\n\nbob merged it.\n"
    [problem] = run("B702", context(postmortems=[postmortem(body=body, body_line=5)]))
    assert (problem.line, problem.column) == (11, 1)
