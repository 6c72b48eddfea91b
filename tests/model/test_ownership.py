"""Tests of who owns an incident: the commander, passed on only by acknowledged handoffs."""

from __future__ import annotations

from generator.model.incident import Handoff
from generator.model.ownership import is_pending, owner_of
from tests.checks.factories import at, incident


def handoff(acknowledged: bool) -> Handoff:
    """Build a handoff from alice to bob, acknowledged or not."""
    ack = at("2026-06-01T10:35Z") if acknowledged else None
    return Handoff(at("2026-06-01T10:30Z"), "alice", "bob", "Stable.", "Watch.", at("2026-06-01T11:00Z"), ack)


def test_owner_without_handoffs_is_the_commander() -> None:
    """With no handoff, the commander owns the incident."""
    assert owner_of(incident(commander="alice")) == "alice"


def test_acknowledged_handoff_passes_ownership() -> None:
    """Once acknowledged, the new commander owns it; until then the previous one still does."""
    assert owner_of(incident(commander="bob", handoffs=(handoff(True),))) == "bob"
    assert owner_of(incident(commander="alice", status="identified", handoffs=(handoff(False),))) == "alice"


def test_only_the_last_handoff_of_an_open_incident_may_wait() -> None:
    """A resolved incident has no pending handoff; an open one may have its last."""
    assert is_pending(incident(status="identified", handoffs=(handoff(False),)), 0)
    assert not is_pending(incident(handoffs=(handoff(False),)), 0)


def test_owner_at_a_moment_changes_at_the_acknowledgement() -> None:
    """Before the acknowledgement the giver owns it, from then on the receiver; the comms lead may always post."""
    from generator.model.incident import Roles
    from generator.model.ownership import may_post, owner_at

    record = incident(commander="bob", handoffs=(handoff(True),), roles=Roles(comms_lead="carol"))
    assert [owner_at(record, at(f"2026-06-01T{clock}Z")) for clock in ("10:00", "10:34", "10:35", "12:00")] == [
        "alice", "alice", "bob", "bob"]
    assert owner_at(incident(commander="alice", status="identified", handoffs=(handoff(False),)), at("2026-06-02T00:00Z")) == "alice"
    assert may_post(record, at("2026-06-01T10:00Z")) == ("alice", "carol")
    assert may_post(incident(commander=None), at("2026-06-01T10:00Z")) == ()
