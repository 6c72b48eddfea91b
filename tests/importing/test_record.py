"""Tests of mapping one Statuspage incident or maintenance to a record."""

from __future__ import annotations

from generator.importing.components import Components
from generator.importing.record import map_record
from tests.checks.factories import site

PLAN = Components(ids={"c1": "api", "c2": "website"}, groups={"g1": "Platform"})


def update(at: str, status: str, body: str = "Text.", affected=None) -> dict:
    """Build a Statuspage incident update posted on 2026-10-01 at ``at``."""
    return {"id": f"u-{at}", "status": status, "body": body, "display_at": f"2026-10-01T{at}:00.000Z",
            "created_at": f"2026-10-01T{at}:00.000Z", "affected_components": affected}


def incident(*updates: dict, **fields) -> dict:
    """Build a resolved Statuspage incident on 2026-10-01."""
    values = {"id": "abc", "name": "API errors", "status": "resolved", "impact": "major", "shortlink": "https://stspg.io/abc",
              "created_at": "2026-10-01T10:05:00.000Z", "started_at": "2026-10-01T10:00:00.000Z",
              "resolved_at": "2026-10-01T11:00:00.000Z", "components": [{"id": "c1", "name": "Public API"}],
              "incident_updates": list(updates) or [update("10:05", "investigating"), update("11:00", "resolved")]}
    return {**values, **fields}


def test_updates_are_oldest_first_with_milestones_and_marker() -> None:
    """Newest-first updates are turned around; start, detection (opened) and resolution are kept."""
    draft = map_record(incident(update("11:00", "resolved"), update("10:05", "investigating")), "incident", site(), PLAN, None)
    data = draft.data
    assert [u["status"] for u in data["updates"]] == ["investigating", "resolved"]
    assert (data["started"], data["detected"], data["resolved"]) == ("2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z", "2026-10-01T11:00:00Z")
    assert dict(data["imported"]) == {"from": "statuspage", "id": "abc", "shortlink": "https://stspg.io/abc"}
    assert data["severity"] == "SEV2" and data["public"] is True and "commander" not in data and draft.notes


def test_affected_components_give_the_worst_status_and_groups_are_noted() -> None:
    """Each component gets its worst status over the updates; a group is left out with a note."""
    first = update("10:05", "investigating", affected=[{"code": "c1", "new_status": "partial_outage"}, {"code": "g1", "new_status": "major_outage"}])
    last = update("11:00", "resolved", affected=[{"code": "c1", "new_status": "operational"}, {"code": "c2", "new_status": "degraded_performance"}])
    draft = map_record(incident(first, last), "incident", site(), PLAN, None)
    assert dict(draft.data["components"]) == {"api": "partial_outage", "website": "degraded_performance"}
    assert any("group 'Platform'" in n for n in draft.notes)


def test_impact_stands_for_components_and_severity_when_updates_say_nothing() -> None:
    """critical gives major_outage and the first severity; the choice is noted."""
    draft = map_record(incident(impact="critical"), "incident", site(), PLAN, None)
    assert dict(draft.data["components"]) == {"api": "major_outage"} and draft.data["severity"] == "SEV1"
    assert any("from impact 'critical'" in n for n in draft.notes)


def test_statuses_that_do_not_fit_are_mapped_and_noted() -> None:
    """postmortem becomes resolved, an unknown status keeps the previous one, reopening stays resolved."""
    updates = (update("10:05", "investigating"), update("10:10", "paused"), update("11:00", "resolved"),
               update("11:30", "investigating"), update("12:00", "postmortem"))
    draft = map_record(incident(*updates), "incident", site(), PLAN, None)
    assert [u["status"] for u in draft.data["updates"]] == ["investigating", "investigating", "resolved", "resolved", "resolved"]
    assert len(draft.notes) >= 3 and any("'paused'" in n for n in draft.notes) and any("'postmortem'" in n for n in draft.notes)


def test_missing_times_and_messages_are_filled_and_noted() -> None:
    """No started_at: started is when it was opened; no resolved_at: the first resolved update; empty body: placeholder."""
    draft = map_record(incident(update("10:05", "investigating", body=""), update("11:00", "resolved"),
                                started_at=None, resolved_at=None), "incident", site(), PLAN, "alice")
    data = draft.data
    assert data["started"] == data["detected"] == "2026-10-01T10:05:00Z" and data["resolved"] == "2026-10-01T11:00:00Z"
    assert data["updates"][0]["message"].startswith("(This update") and data["commander"] == "alice"
    assert len(draft.notes) == 4


def test_maintenance_keeps_its_window_and_actual_times() -> None:
    """A maintenance has no severity; under way it records its actual start, completed its end."""
    item = incident(update("09:00", "scheduled"), update("10:00", "in_progress"), update("10:40", "completed"),
                    impact="maintenance", scheduled_for="2026-10-01T10:00:00.000Z", scheduled_until="2026-10-01T12:00:00.000Z",
                    resolved_at="2026-10-01T10:40:00.000Z")
    data = map_record(item, "maintenance", site(), PLAN, "alice").data
    assert "severity" not in data and "commander" not in data and dict(data["components"]) == {"api": "under_maintenance"}
    assert (data["scheduled_for"], data["started"], data["resolved"]) == ("2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z", "2026-10-01T10:40:00Z")


def test_records_that_cannot_be_dated_or_named_are_not_imported() -> None:
    """No name, or a maintenance without a window, gives no data and a note saying so."""
    nameless = map_record(incident(name=" "), "incident", site(), PLAN, None)
    windowless = map_record(incident(impact="maintenance"), "maintenance", site(), PLAN, None)
    assert nameless.data is None and windowless.data is None
    assert "not imported" in nameless.notes[-1] and "not imported" in windowless.notes[-1]


def test_a_status_its_updates_do_not_bear_out_is_noted() -> None:
    """The record's status follows its last update; a different Statuspage status is noted."""
    draft = map_record(incident(update("10:05", "investigating"), status="resolved"), "incident", site(), PLAN, None)
    assert draft.data["status"] == "investigating" and "resolved" not in draft.data
    assert any(n.startswith("resolved_at 2026-10-01T11:00:00.000Z is left out") for n in draft.notes)
    assert "status is 'resolved' but the last update says investigating; recorded as investigating" in draft.notes
