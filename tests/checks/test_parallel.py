"""Tests of the parallel-investigation rule O406."""

from __future__ import annotations

from generator.model.incident import Update
from generator.problems import Level
from tests.checks.factories import at, context, incident, maintenance, run


def parallel(now: str = "2026-06-10T12:00Z", *records) -> list:
    """Run O406 over the given incident records."""
    return run("O406", context(now, incidents=list(records)))


def on(incident_id: str, start: str, end: str | None, components: dict[str, str], message: str = "Fixed.", **fields):
    """An incident on ``components`` from ``start`` to ``end`` (open when None)."""
    if end is None:
        return incident(incident_id, components=components, started=at(start), resolved=None, status="investigating",
                        updates=(Update(at(start), "investigating", message, at("2026-06-10T13:00Z")),), **fields)
    return incident(incident_id, components=components, started=at(start), resolved=at(end),
                    updates=(Update(at(end), "resolved", message),), **fields)


def test_the_later_of_two_overlapping_incidents_on_one_component_is_flagged_naming_the_earlier():
    earlier = on("2026-06-01-slow-api", "2026-06-01T10:00Z", "2026-06-01T11:00Z", {"api": "degraded_performance"})
    later = on("2026-06-01-api-errors", "2026-06-01T10:30Z", "2026-06-01T10:45Z", {"api": "partial_outage", "db": "major_outage"})
    (problem,) = parallel("2026-06-10T12:00Z", later, earlier)
    assert (problem.path, problem.field, problem.level) == (later.path, ("components", "api"), Level.WARNING)
    assert "open at the same time as 2026-06-01-slow-api ('Slow API'), which also affects 'api'" in problem.message


def test_incidents_apart_in_time_or_on_other_components_are_not_flagged():
    first = on("2026-06-01-slow-api", "2026-06-01T10:00Z", "2026-06-01T11:00Z", {"api": "degraded_performance"})
    after = on("2026-06-01-api-errors", "2026-06-01T11:00Z", "2026-06-01T12:00Z", {"api": "partial_outage"})
    elsewhere = on("2026-06-01-db-slow", "2026-06-01T10:30Z", "2026-06-01T10:40Z", {"db": "partial_outage"})
    assert parallel("2026-06-10T12:00Z", first, after, elsewhere) == []


def test_an_open_incident_overlaps_everything_after_it_until_now():
    open_one = on("2026-06-09-slow-api", "2026-06-09T10:00Z", None, {"api": "degraded_performance"})
    later = on("2026-06-10-api-errors", "2026-06-10T09:00Z", "2026-06-10T10:00Z", {"api": "partial_outage"})
    assert [p.path for p in parallel("2026-06-10T12:00Z", open_one, later)] == [later.path]


def test_naming_the_other_incident_in_either_record_says_the_teams_know():
    earlier = on("2026-06-01-slow-api", "2026-06-01T10:00Z", "2026-06-01T11:00Z", {"api": "degraded_performance"})
    later = on("2026-06-01-api-errors", "2026-06-01T10:30Z", "2026-06-01T10:45Z", {"api": "partial_outage"},
               message="Same cause as 2026-06-01-slow-api; handled there.")
    assert parallel("2026-06-10T12:00Z", earlier, later) == []
    noted = on("2026-06-01-slow-api", "2026-06-01T10:00Z", "2026-06-01T11:00Z", {"api": "degraded_performance"},
               body="Also see 2026-06-01-api-errors.")
    plain = on("2026-06-01-api-errors", "2026-06-01T10:30Z", "2026-06-01T10:45Z", {"api": "partial_outage"})
    assert parallel("2026-06-10T12:00Z", noted, plain) == []


def test_maintenance_windows_are_not_counted():
    window = maintenance(components={"api": "under_maintenance"})
    during = on("2026-06-05-api-errors", "2026-06-05T22:10Z", "2026-06-05T22:20Z", {"api": "partial_outage"})
    assert parallel("2026-06-10T12:00Z", window, during) == []
