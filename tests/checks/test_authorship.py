"""Tests of the authorship rule I311: updates come from the owner at that moment or the communications lead."""

from __future__ import annotations

from generator.model.incident import Handoff, Imported, Roles, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, run

HANDOFF = Handoff(at("2026-06-01T10:30Z"), "alice", "bob", "Rolling back.", "Watch errors.", at("2026-06-01T11:00Z"),
                  acknowledged_at=at("2026-06-01T10:35Z"))


def authored(*authors: str | None, **fields):
    """Build the handled incident with its three updates posted by ``authors``, handed from alice to bob at 10:35."""
    updates = handled_incident().updates
    values = dict(handoffs=(HANDOFF,), commander="bob",
                  updates=tuple(Update(u.at, u.status, u.message, u.next_update, by) for u, by in zip(updates, authors)))
    values.update(fields)
    return handled_incident(**values)


def judge(*incidents) -> list:
    """Run I311 over the given incidents."""
    return run("I311", context(incidents=list(incidents)))


def test_the_owner_at_each_moment_and_the_comms_lead_may_post() -> None:
    """alice posts before the handoff is acknowledged, bob after it, and the communications lead at any time."""
    assert judge(authored("alice", "bob", "bob"), authored("carol", "bob", "carol", roles=Roles(comms_lead="carol"))) == []


def test_an_update_by_someone_else_is_a_warning_at_its_by() -> None:
    """The outgoing owner posting after the acknowledgement is reported at the update's 'by', naming the owner."""
    (problem,) = judge(authored("alice", "alice", "bob"))
    assert (problem.code, problem.level, problem.field) == ("I311", Level.WARNING, ("updates", 1, "by"))
    assert problem.message == ("posted by alice, but at 2026-06-01T10:40Z bob owned the incident and no communications lead "
                               "is named; status updates come from the owner or the communications lead")


def test_a_pending_handoff_has_not_passed_ownership() -> None:
    """Until the new owner acknowledges, the update is the outgoing owner's to post."""
    pending = Handoff(HANDOFF.at, "alice", "bob", "Rolling back.", "Watch errors.", at("2026-06-01T11:00Z"))
    (problem,) = judge(authored("alice", "bob", "alice", handoffs=(pending,), commander="alice", status="monitoring",
                                resolved=None, updates=authored("alice", "bob", "alice").updates[:2]))
    assert problem.field == ("updates", 1, "by") and "alice owned the incident" in problem.message


def test_open_records_name_every_author_and_closed_ones_may_not() -> None:
    """An open record's update without 'by' is reported at the update; a closed record's is accepted."""
    open_record = authored("alice", None, status="monitoring", resolved=None,
                           updates=authored("alice", None, None).updates[:2])
    (problem,) = judge(open_record, authored(None, None, None))
    assert problem.field == ("updates", 1)
    assert problem.message == "update at 2026-06-01T10:40Z does not say who posted it; name them in 'by' (bob)"


def test_imported_records_and_records_without_a_commander_are_exempt() -> None:
    """Statuspage kept no authors; without a commander there is no owner to compare with."""
    imported = Imported("statuspage", "abc")
    assert judge(authored("zoe", "zoe", "zoe", imported=imported),
                 authored("zoe", "zoe", "zoe", handoffs=(), commander=None)) == []
