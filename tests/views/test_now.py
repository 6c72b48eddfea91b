"""The Now page's view: which records are active and in what order; owners and next updates come from the records."""

from __future__ import annotations

from dataclasses import replace

from generator.model.corpus import Corpus
from generator.model.incident import Handoff, Roles, Update
from generator.views.now import active_records
from generator.views.records import records_view
from tests.checks.factories import at, incident, people, site

NOW = at("2026-06-01T12:00Z")


def open_incident(incident_id: str, severity: str, started: str, **fields):
    """Build an open incident that committed to its next update at 12:00."""
    update = Update(at(started), "investigating", "Looking.", at("2026-06-01T12:00Z"))
    values = dict(status="investigating", severity=severity, started=at(started), resolved=None, updates=(update,))
    return incident(incident_id, **(values | fields))


def active(*incidents):
    """Put incidents in a corpus with a few known people and return the active records."""
    corpus = Corpus(site(), people("Ann Lee", "Bob Ray", "Cy Day"), list(incidents))
    return active_records(records_view(corpus, NOW), corpus.site)


def test_only_open_incidents_and_maintenance_under_way_are_active() -> None:
    """Closed incidents and scheduled or completed maintenance are not on the Now page."""
    scheduled = incident("2026-06-01-window", type="maintenance", status="scheduled", resolved=None)
    under_way = incident("2026-06-01-upgrade", type="maintenance", status="in_progress", resolved=None)
    records = active(incident(), scheduled, under_way, open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z"))
    assert [r.id for r in records] == ["2026-06-01-down", "2026-06-01-upgrade"]


def test_most_severe_first_then_longest_running() -> None:
    """SEV1 comes before SEV2; within a severity the one that started earlier comes first."""
    records = active(
        open_incident("2026-06-01-late-sev2", "SEV2", "2026-06-01T10:30Z"),
        open_incident("2026-06-01-sev1", "SEV1", "2026-06-01T10:45Z"),
        open_incident("2026-06-01-early-sev2", "SEV2", "2026-06-01T10:00Z"),
    )
    assert [r.id for r in records] == ["2026-06-01-sev1", "2026-06-01-early-sev2", "2026-06-01-late-sev2"]


def test_owner_is_the_commander_until_a_handoff_is_acknowledged() -> None:
    """A pending handoff leaves the previous commander as owner and names who must acknowledge it."""
    handoff = Handoff(at("2026-06-01T11:00Z"), "ann", "bob", "Stable.", "Watch errors.", at("2026-06-01T12:00Z"))
    (record,) = active(open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", commander="ann", handoffs=(handoff,)))
    assert (record.owner, record.awaiting.to_person) == ("Ann Lee", "Bob Ray")
    acknowledged = replace(handoff, acknowledged_at=at("2026-06-01T11:05Z"))
    (record,) = active(open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", commander="bob", handoffs=(acknowledged,)))
    assert (record.owner, record.awaiting) == ("Bob Ray", None)


def test_roles_are_named_and_unknown_people_fall_back_to_their_id() -> None:
    """Filled roles carry the person's name; an id missing from people.yml is shown as is."""
    (record,) = active(open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z", roles=Roles(tech_lead="cy", scribe="zed")))
    assert [(r.label, r.person) for r in record.roles if r.person] == [("Technical Lead", "Cy Day"), ("Scribe", "zed")]


def test_next_update_is_overdue_only_after_the_committed_time() -> None:
    """The record is overdue strictly after the time its last update committed to."""
    down = open_incident("2026-06-01-down", "SEV2", "2026-06-01T10:00Z")
    (record,) = active(down)
    assert record.next_update == at("2026-06-01T12:00Z") and not record.update_overdue
    corpus = Corpus(site(), (), [down])
    (later,) = active_records(records_view(corpus, at("2026-06-01T12:00:01Z")), corpus.site)
    assert later.update_overdue
