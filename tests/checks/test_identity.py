"""Tests of the identity rules: ids, file locations and unique ids."""

from __future__ import annotations

import pytest

from generator.checks.identity import id_date
from generator.model.site import Component
from tests.checks.factories import context, handled_incident, maintenance, people, postmortem, run, site


def test_id_date_reads_real_dates_only() -> None:
    """The date of an id is parsed, and impossible dates give None."""
    assert id_date("2026-06-01-api").isoformat() == "2026-06-01"
    assert id_date("2026-02-30-api") is None


@pytest.mark.parametrize("bad", ["2026-6-1-api", "2026-02-30-api", "2026-06-01-API", "2026-06-01-api--db", "2026-06-01-", "api-errors", "2026-06-01-api-"])
def test_r101_reports_bad_ids(bad: str) -> None:
    """An id that is not a real date and a lower-case slug is an error on the file."""
    (problem,) = run("R101", context(incidents=[handled_incident(bad)]))
    assert (problem.code, problem.path, problem.field) == ("R101", f"incidents/2026/{bad}.md", ())
    assert f"'{bad}'" in problem.message and "YYYY-MM-DD-slug" in problem.message


def test_r101_accepts_good_ids() -> None:
    """Ids with digits and single hyphens in the slug pass."""
    ctx = context(incidents=[handled_incident("2026-06-01-api-5xx-errors"), maintenance()])
    assert run("R101", ctx) == []


def test_r102_reports_incident_in_wrong_year() -> None:
    """An incident in another year's folder is reported with the expected path."""
    wrong = handled_incident(path="incidents/2025/2026-06-01-api-errors.md")
    (problem,) = run("R102", context(incidents=[wrong]))
    assert problem.path == "incidents/2025/2026-06-01-api-errors.md"
    assert "incidents/2026/2026-06-01-api-errors.md" in problem.message


def test_r102_reports_postmortem_outside_year_folder() -> None:
    """A postmortem outside its year folder is reported too."""
    misplaced = postmortem("2026-06-01-api-errors", path="incidents/2026-06-01-api-errors.postmortem.md")
    (problem,) = run("R102", context(incidents=[handled_incident()], postmortems=[misplaced]))
    assert problem.path == "incidents/2026-06-01-api-errors.postmortem.md"
    assert "incidents/2026/2026-06-01-api-errors.postmortem.md" in problem.message


def test_r102_accepts_records_in_place() -> None:
    """Records in their year folder pass."""
    ctx = context(incidents=[handled_incident(), maintenance()], postmortems=[postmortem("2026-06-01-api-errors")])
    assert run("R102", ctx) == []


def test_r103_reports_every_later_duplicate() -> None:
    """The same id in two folders is reported on the later path, naming the first."""
    first = handled_incident(path="incidents/2026/2026-06-01-api-errors.md")
    second = handled_incident(path="incidents/2027/2026-06-01-api-errors.md")
    (problem,) = run("R103", context(incidents=[second, first]))
    assert problem.path == second.path
    assert first.path in problem.message


def test_r103_accepts_distinct_ids() -> None:
    """Different ids pass."""
    assert run("R103", context(incidents=[handled_incident(), maintenance()])) == []


def test_r104_reports_duplicate_component_severity_and_person() -> None:
    """Duplicate ids in the configuration and people are reported at the later entry's id."""
    components = (Component("api", "API", True), Component("db", "DB", False), Component("api", "API 2", True))
    config = site(components=components)
    config = site(components=components, severities=config.severities + config.severities[:1])
    ctx = context(site=config, people=people("Alice Smith", "Bob Jones", "Alice Miller"))
    found = {(p.path, p.field) for p in run("R104", ctx)}
    assert found == {
        ("statusbook.yml", ("components", 2, "id")),
        ("statusbook.yml", ("severities", 3, "id")),
        ("people.yml", ("people", 2, "id")),
    }
    messages = " ".join(p.message for p in run("R104", ctx))
    assert "components[0]" in messages and "people[0]" in messages and "severities[0]" in messages


def test_r104_accepts_unique_ids() -> None:
    """Unique configuration ids pass."""
    assert run("R104", context()) == []


def test_r105_reports_postmortem_without_incident() -> None:
    """A postmortem whose incident does not exist is an error on the postmortem."""
    orphan = postmortem("2026-06-02-gone")
    (problem,) = run("R105", context(incidents=[handled_incident()], postmortems=[orphan]))
    assert problem.path == orphan.path and "'2026-06-02-gone'" in problem.message


def test_r105_ignores_incidents_that_failed_to_load() -> None:
    """A postmortem of an incident that failed to load is not reported twice."""
    ctx = context(postmortems=[postmortem("2026-06-02-gone")], unloaded=frozenset({"2026-06-02-gone"}))
    assert run("R105", ctx) == []


def test_r106_reports_id_date_far_from_start() -> None:
    """An id date that matches neither the UTC nor the local start date is a warning at started."""
    ctx = context(incidents=[handled_incident("2026-06-03-api-errors", path="incidents/2026/2026-06-03-api-errors.md")])
    (problem,) = run("R106", ctx)
    assert problem.field == ("started",)
    assert "2026-06-03" in problem.message and "2026-06-01T10:00Z" in problem.message


def test_r106_accepts_local_date() -> None:
    """A start late in the UTC evening may use the next local date in the team zone."""
    late = handled_incident("2026-06-02-api-errors", started=handled_incident().started.replace(hour=23))
    assert run("R106", context(site=site("Europe/Berlin"), incidents=[late])) == []
    assert len(run("R106", context(incidents=[late]))) == 1


def test_r106_uses_scheduled_for_for_maintenance() -> None:
    """Maintenance ids are compared with the planned start."""
    shifted = maintenance("2026-06-04-db-upgrade")
    (problem,) = run("R106", context(incidents=[shifted, maintenance()]))
    assert (problem.path, problem.field) == (shifted.path, ("scheduled_for",))
