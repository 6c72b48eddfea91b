"""Tests of the end of triage and the missing roles."""

from __future__ import annotations

from generator.model.incident import Roles, Update
from generator.model.triage import end_of_triage, missing_roles, triage_over
from tests.checks.factories import at, handled_incident


def test_triage_ends_at_the_first_update_beyond_investigating() -> None:
    """An identified update 15 min after acknowledgement ends triage then."""
    updates = (Update(at("2026-06-01T10:12Z"), "investigating", "x", at("2026-06-01T10:40Z")),
               Update(at("2026-06-01T10:25Z"), "identified", "y", at("2026-06-01T10:55Z")))
    assert end_of_triage(handled_incident(updates=updates)) == at("2026-06-01T10:25Z")


def test_triage_ends_30_minutes_after_acknowledgement_at_the_latest() -> None:
    """Monitoring only at 10:40 and acknowledged at 10:10: triage ended at 10:40 either way; later monitoring does not extend it."""
    updates = (Update(at("2026-06-01T10:12Z"), "investigating", "x", at("2026-06-01T11:00Z")),
               Update(at("2026-06-01T10:55Z"), "monitoring", "y", at("2026-06-01T11:30Z")))
    assert end_of_triage(handled_incident(updates=updates)) == at("2026-06-01T10:40Z")


def test_without_acknowledgement_or_progress_triage_has_no_end_yet() -> None:
    """Not acknowledged and still investigating: no end, so triage is never over."""
    updates = (Update(at("2026-06-01T10:12Z"), "investigating", "x", at("2026-06-01T11:00Z")),)
    record = handled_incident(acknowledged=None, updates=updates)
    assert end_of_triage(record) is None and not triage_over(record, at("2027-01-01T00:00Z"))


def test_missing_roles_keep_their_order() -> None:
    """Empty roles are named tech_lead, comms_lead, scribe."""
    assert missing_roles(Roles()) == ("tech_lead", "comms_lead", "scribe")
    assert missing_roles(Roles(scribe="bob")) == ("tech_lead", "comms_lead")
    assert missing_roles(Roles("a", "b", "c")) == ()
