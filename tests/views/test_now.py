"""The Now page's view: which records are active, who owns them, and when the next update is due."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from generator.model.corpus import Corpus
from generator.model.incident import Handoff, Roles, Update
from generator.views.now import active_records
from tests.checks.factories import at, incident, people, site


def open_incident(incident_id: str, severity: str, started: str, **fields):
    """Build an open incident that committed to its next update at 12:00."""
    update = Update(at(started), "investigating", "Looking.", at("2026-06-01T12:00Z"))
    values = dict(status="investigating", severity=severity, started=at(started), resolved=None, updates=(update,))
    return incident(incident_id, **(values | fields))


def corpus_of(*incidents) -> Corpus:
    """Put incidents in a corpus with a few known people."""
    return Corpus(site(), people("Ann Lee", "Bob Ray", "Cy Day"), list(incidents))


def test_only_open_incidents_and_maintenance_under_way_are_active() -> None:
    """Closed incidents and scheduled or completed maintenance are not on the Now page."""
    scheduled = incident("2026-06-01-window", type="maintenance", status="scheduled", resolved=None)
    under_way = incident("2026-06-01-upgrade", type="maintenance", status="in_progress", resolved=None)
    records = active_records(corpus_of(incident(), scheduled, under_way, open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z")))
    assert [r.id for r in records] == ["2026-06-01-down", "2026-06-01-upgrade"]


def test_most_severe_first_then_longest_running() -> None:
    """SEV1 comes before SEV2; within a severity the one that started earlier comes first."""
    records = active_records(
        corpus_of(
            open_incident("2026-06-01-late-sev2", "SEV2", "2026-06-01T10:30Z"),
            open_incident("2026-06-01-sev1", "SEV1", "2026-06-01T10:45Z"),
            open_incident("2026-06-01-early-sev2", "SEV2", "2026-06-01T10:00Z"),
        )
    )
    assert [r.id for r in records] == ["2026-06-01-sev1", "2026-06-01-early-sev2", "2026-06-01-late-sev2"]


def test_owner_is_the_commander_until_a_handoff_is_acknowledged() -> None:
    """A pending handoff leaves the previous commander as owner and names who must acknowledge it."""
    handoff = Handoff(at("2026-06-01T11:00Z"), "ann", "bob", "Stable.", "Watch errors.", at("2026-06-01T12:00Z"))
    pending = open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", commander="ann", handoffs=(handoff,))
    (record,) = active_records(corpus_of(pending))
    assert (record.commander, record.awaiting) == ("Ann Lee", "Bob Ray")
    acknowledged = replace(handoff, acknowledged_at=at("2026-06-01T11:05Z"))
    taken = open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", commander="bob", handoffs=(acknowledged,))
    (record,) = active_records(corpus_of(taken))
    assert (record.commander, record.awaiting) == ("Bob Ray", None)


def test_roles_are_named_and_unknown_people_fall_back_to_their_id() -> None:
    """Filled roles are listed by label with the person's name; an id missing from people.yml is shown as is."""
    roles = Roles(tech_lead="cy", scribe="zed")
    (record,) = active_records(corpus_of(open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", roles=roles)))
    assert record.roles == (("Technical Lead", "Cy Day"), ("Scribe", "zed"))


def test_next_update_is_overdue_only_after_the_committed_time() -> None:
    """The record is overdue strictly after the time its last update committed to."""
    (record,) = active_records(corpus_of(open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z")))
    assert record.next_update == at("2026-06-01T12:00Z")
    assert not record.overdue(at("2026-06-01T12:00Z"))
    assert record.overdue(at("2026-06-01T12:00:01Z"))
    assert record.running(at("2026-06-01T12:00Z")) == timedelta(hours=2)
