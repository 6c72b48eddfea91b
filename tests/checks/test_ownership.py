"""Tests of the ownership rules: commander and handoffs."""

from __future__ import annotations

import pytest

from generator.model.incident import Handoff
from generator.model.site import Person
from tests.checks.factories import at, context, handled_incident, maintenance, people, run

TEAM = people("Alice Smith", "Bob Jones") + (Person("carol", "Carol Diaz"),)


def handoff(when: str, source: str, target: str, acknowledged: str | None = "auto") -> Handoff:
    """Build a handoff on 2026-06-01 at ``when``, acknowledged a minute later unless told otherwise."""
    moment = at(f"2026-06-01T{when}Z")
    if acknowledged == "auto":
        acknowledged = when[:3] + f"{int(when[3:]) + 1:02d}"
    acknowledged_at = at(f"2026-06-01T{acknowledged}Z") if acknowledged else None
    return Handoff(moment, source, target, "Mitigating.", "Watch errors.", at("2026-06-01T11:00Z"), acknowledged_at)


def still_open(**fields):
    """Build an incident that is still being handled."""
    return handled_incident(status="monitoring", resolved=None, updates=handled_incident().updates[:2], **fields)


@pytest.mark.parametrize("code", ["O401", "O402", "O403", "O404", "O405"])
def test_good_records_pass(code: str) -> None:
    """A clean chain of acknowledged handoffs, and maintenance without a commander, produce nothing."""
    chain = (handoff("10:20", "alice", "bob"), handoff("10:30", "bob", "carol"))
    incident = handled_incident(commander="carol", handoffs=chain)
    assert run(code, context(people=TEAM, incidents=[incident, maintenance(), handled_incident()])) == []


def test_o401_requires_commander_on_incidents() -> None:
    """An incident without commander is an error on the file."""
    (problem,) = run("O401", context(incidents=[handled_incident(commander=None), maintenance()]))
    assert problem.field == () and "commander" in problem.message


def test_o402_reports_unsorted_handoffs() -> None:
    """Handoffs out of order are reported and the chain is not judged further."""
    chain = (handoff("10:30", "bob", "carol"), handoff("10:20", "alice", "bob"))
    (problem,) = run("O402", context(incidents=[handled_incident(commander="carol", handoffs=chain)]))
    assert problem.field == ("handoffs", 1, "at")


def test_o402_reports_broken_chain() -> None:
    """A handoff from someone who was not the owner is reported at from."""
    chain = (handoff("10:20", "alice", "bob"), handoff("10:30", "alice", "carol"))
    (problem,) = run("O402", context(incidents=[handled_incident(commander="carol", handoffs=chain)]))
    assert problem.field == ("handoffs", 1, "from")
    assert "comes from alice" in problem.message and "was bob" in problem.message


def test_o402_reports_handoff_to_self() -> None:
    """A handoff to the same person is reported at to."""
    (problem,) = run("O402", context(incidents=[handled_incident(handoffs=(handoff("10:20", "alice", "alice"),))]))
    assert problem.field == ("handoffs", 0, "to")


def test_o402_commander_must_be_current_owner() -> None:
    """After an acknowledged handoff the commander is its recipient."""
    (problem,) = run("O402", context(incidents=[handled_incident(commander="alice", handoffs=(handoff("10:20", "alice", "bob"),))]))
    assert problem.field == ("commander",)
    assert "commander is alice" in problem.message and "owner is bob" in problem.message


def test_o402_pending_handoff_keeps_previous_owner() -> None:
    """While the last handoff is not acknowledged, its giver is still the commander."""
    pending = (handoff("10:20", "alice", "bob", acknowledged=None),)
    assert run("O402", context(incidents=[still_open(commander="alice", handoffs=pending)])) == []
    (problem,) = run("O402", context(incidents=[still_open(commander="bob", handoffs=pending)]))
    assert problem.field == ("commander",) and "owner is alice" in problem.message


def test_o403_requires_acknowledgement_except_pending_last() -> None:
    """Earlier handoffs, and any handoff of a closed incident, need acknowledged_at."""
    chain = (handoff("10:20", "alice", "bob", acknowledged=None), handoff("10:30", "bob", "carol", acknowledged=None))
    problems = run("O403", context(incidents=[still_open(commander="bob", handoffs=chain)]))
    assert [p.field for p in problems] == [("handoffs", 0)]
    assert "2026-06-01T10:20Z" in problems[0].message and "bob" in problems[0].message
    closed = run("O403", context(incidents=[handled_incident(commander="bob", handoffs=chain)]))
    assert [p.field for p in closed] == [("handoffs", 0), ("handoffs", 1)]


def test_o403_reports_acknowledgement_before_handoff() -> None:
    """An acknowledgement before the handoff is reported at acknowledged_at."""
    (problem,) = run("O403", context(incidents=[handled_incident(commander="bob", handoffs=(handoff("10:20", "alice", "bob", "10:10"),))]))
    assert problem.field == ("handoffs", 0, "acknowledged_at") and "2026-06-01T10:10Z" in problem.message


def test_o404_warns_about_pending_last_handoff() -> None:
    """The pending last handoff of an open incident is a warning naming both people."""
    (problem,) = run("O404", context(incidents=[still_open(handoffs=(handoff("10:15", "alice", "bob", acknowledged=None),))]))
    assert problem.field == ("handoffs", 0)
    assert problem.message == "bob has not acknowledged the handoff of 2026-06-01T10:15Z; alice remains the owner"


def test_o404_is_silent_when_closed_or_acknowledged() -> None:
    """A closed incident's missing acknowledgement is O403's business; acknowledged ones pass."""
    pending = (handoff("10:15", "alice", "bob", acknowledged=None),)
    assert run("O404", context(incidents=[handled_incident(handoffs=pending), still_open(handoffs=(handoff("10:15", "alice", "bob"),))])) == []


def test_o405_reports_handoffs_outside_the_incident() -> None:
    """Handoffs before detection or after resolution are errors at their at."""
    chain = (handoff("10:00", "alice", "bob"), handoff("11:30", "bob", "carol"))
    problems = run("O405", context(incidents=[handled_incident(commander="carol", handoffs=chain)]))
    assert [p.field for p in problems] == [("handoffs", 0, "at"), ("handoffs", 1, "at")]
    assert "before detection" in problems[0].message and "after resolution" in problems[1].message
