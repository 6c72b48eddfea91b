"""statusbook maintenance new, and running a window with incident update."""

from __future__ import annotations

from pathlib import Path

from tests.responder.conftest import errors_in, run, written

NEW_ID = "2026-11-28-search-cluster-upgrade"
NEW_PATH = f"incidents/2026/{NEW_ID}.md"
ARGS = ("maintenance", "new", "--title", "Search cluster upgrade", "--component", "search",
        "--start", "2026-11-28T22:00:00Z", "--end", "2h")
EXAMPLE_ID = "2026-12-02-api-database-upgrade"
EXAMPLE_PATH = f"incidents/2026/{EXAMPLE_ID}.md"


def step(root: Path, record_id: str, status: str, now: str, *extra: str):
    """Post one maintenance update with incident update."""
    return run(root, "incident", "update", record_id, "--status", status, "--message", f"Now {status}.", *extra, now=now)


def test_new_writes_a_valid_scheduled_window(portal: Path) -> None:
    """The record is scheduled, carries the window and a first update that commits to the window's start."""
    result = run(portal, *ARGS)
    assert result.exit_code == 0, result.output
    assert written(result.output) == [NEW_PATH]
    text = (portal / NEW_PATH).read_text()
    assert text.startswith("---\ntitle: Search cluster upgrade\ntype: maintenance\nstatus: scheduled\npublic: true\n"
                           "components:\n  search: under_maintenance\n"
                           "scheduled_for: 2026-11-28T22:00:00Z\nscheduled_until: 2026-11-29T00:00:00Z\n"
                           "commander: alice\nupdates:\n  - at: 2026-11-23T18:00:00Z\n    by: alice\n    status: scheduled\n")
    assert "    next_update: 2026-11-28T22:00:00Z\n---\n## Internal notes\n" in text
    assert "severity" not in text and "started" not in text
    assert errors_in(portal, NEW_PATH) == []


def test_default_message_gives_the_window_in_the_team_zone_and_utc(portal: Path) -> None:
    """The announcement names the components and the window in Berlin time and UTC, across midnight with dates."""
    run(portal, *ARGS[:-1], "2026-11-29T01:30:00Z")
    text = (portal / NEW_PATH).read_text()
    assert ("message: Planned maintenance of Search on Saturday 28 November 2026, 23:00 CET to Sunday 29 November 2026, "
            "02:30 CET (2026-11-28 22:00 to 2026-11-29 01:30 UTC). We will post an update when the maintenance starts.\n") in text


def test_new_is_dated_by_the_start_in_the_team_time_zone(portal: Path) -> None:
    """A window starting 23:30 UTC on 1 December starts on 2 December in Berlin, and the id says so."""
    result = run(portal, "maintenance", "new", "--title", "Late window", "--component", "api",
                 "--start", "2026-12-01T23:30:00Z", "--end", "2026-12-02T01:00:00+01:00")
    assert result.exit_code == 0, result.output
    path = "incidents/2026/2026-12-02-late-window.md"
    assert written(result.output) == [path]
    assert "scheduled_until: 2026-12-02T00:00:00Z\n" in (portal / path).read_text()
    assert "Wednesday 2 December 2026, 00:30–01:00 CET (2026-12-01 23:30 to 2026-12-02 00:00 UTC)" in (portal / path).read_text()
    assert errors_in(portal, path) == []


def test_new_takes_impacts_visibility_commander_message_and_reminder(portal: Path) -> None:
    """Explicit impacts, --internal, --commander, a multi-line --message and --next-update end up in the record."""
    result = run(portal, *ARGS, "--component", "ci-runners=degraded_performance", "--internal", "--commander", "gustav",
                 "--message", "Line one.\nLine two.", "--next-update", "2026-11-27T09:00:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert "public: false\ncomponents:\n  search: under_maintenance\n  ci-runners: degraded_performance\n" in text
    assert "commander: gustav\n" in text
    assert "    message: |\n      Line one.\n      Line two.\n    next_update: 2026-11-27T09:00:00Z\n" in text
    assert errors_in(portal, NEW_PATH) == []


def test_new_rejects_bad_windows_and_components_as_usage_errors(portal: Path) -> None:
    """A start not after --now, an end not after the start, bad times and unknown components exit 2, writing nothing."""
    cases = [
        (("--start", "2026-11-23T17:00:00Z", "--end", "1h"), "is not after --now"),
        (("--start", "2026-11-28T22:00:00Z", "--end", "2026-11-28T21:00:00Z"), "is not after --start"),
        (("--start", "tomorrow", "--end", "1h"), "--start 'tomorrow' is neither a duration such as 30m or 1h nor a timestamp"),
        (("--start", "2026-11-28T22:00:00Z", "--end", "soon"), "--end 'soon' is neither a duration"),
        (("--start", "2026-11-28T22:00:00Z", "--end", "1h", "--component", "nope"), "unknown component 'nope'"),
        (("--start", "2026-11-28T22:00:00Z", "--end", "1h", "--component", "api=down"), "impact 'down' is not one of"),
    ]
    for extra, expected in cases:
        result = run(portal, "maintenance", "new", "--title", "Bad window", "--component", "api", *extra)
        assert result.exit_code == 2, (extra, result.output)
        assert expected in result.output
        assert "Traceback" not in result.output
    assert not list((portal / "incidents").rglob("*bad-window*"))


def test_a_window_runs_through_to_completed_with_incident_update(portal: Path) -> None:
    """in_progress records started, verifying and a step back keep it, completed records resolved; all valid."""
    run(portal, *ARGS)
    path = portal / NEW_PATH
    path.write_text(path.read_text().replace("commander: alice\n", "commander: alice  # change owner\n"))
    assert step(portal, NEW_ID, "in_progress", "2026-11-28T22:00:00Z").exit_code == 0
    assert step(portal, NEW_ID, "verifying", "2026-11-28T23:00:00Z").exit_code == 0
    assert step(portal, NEW_ID, "in_progress", "2026-11-28T23:10:00Z").exit_code == 0
    result = step(portal, NEW_ID, "completed", "2026-11-28T23:40:00Z")
    assert result.exit_code == 0, result.output
    text = path.read_text()
    assert ("scheduled_until: 2026-11-29T00:00:00Z\nstarted: 2026-11-28T22:00:00Z\n"
            "resolved: 2026-11-28T23:40:00Z\ncommander: alice  # change owner\n") in text
    assert "    status: in_progress\n    message: Now in_progress.\n    next_update: 2026-11-29T00:00:00Z\n" in text
    assert text.count("next_update: 2026-11-29T00:00:00Z") == 3  # each under-way update commits to the window's end
    assert "    status: completed\n    message: Now completed.\n---\n" in text
    assert "status: completed\npublic: true\n" in text
    assert errors_in(portal, NEW_PATH, now="2026-11-28T23:40:00Z") == []


def test_the_example_window_starts_with_the_default_next_update(portal: Path) -> None:
    """The scheduled example window goes in_progress without --next-update: the window's end is the commitment."""
    result = step(portal, EXAMPLE_ID, "in_progress", "2026-12-02T05:00:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / EXAMPLE_PATH).read_text()
    assert "scheduled_until: 2026-12-02T06:30:00Z\nstarted: 2026-12-02T05:00:00Z\ncommander: alice\n" in text
    assert "    message: Now in_progress.\n    next_update: 2026-12-02T06:30:00Z\ntimeline:\n" in text
    assert errors_in(portal, EXAMPLE_PATH, now="2026-12-02T05:00:00Z") == []


def test_a_reminder_while_scheduled_commits_to_the_start(portal: Path) -> None:
    """A scheduled reminder without --next-update commits to scheduled_for."""
    result = step(portal, EXAMPLE_ID, "scheduled", "2026-12-01T10:00:00Z")
    assert result.exit_code == 0, result.output
    assert "    message: Now scheduled.\n    next_update: 2026-12-02T05:00:00Z\n" in (portal / EXAMPLE_PATH).read_text()


def test_past_the_window_without_severity_asks_for_next_update(portal: Path) -> None:
    """After the planned end there is no default for a window without severity: a usage error, nothing written."""
    before = (portal / EXAMPLE_PATH).read_bytes()
    result = step(portal, EXAMPLE_ID, "in_progress", "2026-12-02T07:00:00Z")
    assert result.exit_code == 2
    assert "scheduled_until (2026-12-02T06:30:00Z) is not after --now" in result.output and "pass --next-update" in result.output
    assert (portal / EXAMPLE_PATH).read_bytes() == before


def test_skipping_in_progress_is_refused_byte_identical(portal: Path) -> None:
    """scheduled -> completed breaks I302: exit 1, the problem printed, the file unchanged."""
    before = (portal / EXAMPLE_PATH).read_bytes()
    result = step(portal, EXAMPLE_ID, "completed", "2026-12-02T05:00:00Z")
    assert result.exit_code == 1
    assert "error [I302]" in result.output and "Refused" in result.output
    assert (portal / EXAMPLE_PATH).read_bytes() == before


def test_incident_statuses_are_refused_on_a_window(portal: Path) -> None:
    """An incident status on a maintenance record breaks I203 and is refused."""
    before = (portal / EXAMPLE_PATH).read_bytes()
    result = step(portal, EXAMPLE_ID, "identified", "2026-12-02T05:00:00Z")
    assert result.exit_code == 1
    assert "[I203]" in result.output
    assert (portal / EXAMPLE_PATH).read_bytes() == before


def test_help_has_an_example(portal: Path) -> None:
    """maintenance new documents an example."""
    result = run(portal, "maintenance", "new", "--help", person=None)
    assert result.exit_code == 0
    assert "Example" in result.output and "statusbook maintenance new" in result.output


def test_a_refused_new_window_writes_no_file(portal: Path) -> None:
    """A reminder before the announcement itself breaks I305: exit 1 and no record is created."""
    result = run(portal, *ARGS, "--next-update", "2026-11-23T17:00:00Z")
    assert result.exit_code == 1
    assert "error [I305]" in result.output and "Refused" in result.output
    assert not (portal / NEW_PATH).exists()
    assert not [p for p in (portal / "incidents/2026").iterdir() if p.name.endswith(".tmp")]


def test_new_takes_the_start_as_a_duration_from_now(portal) -> None:
    """--start 2d schedules the window two days after --now."""
    result = run(portal, "maintenance", "new", "--title", "Database upgrade", "--component", "api", "--start", "2d", "--end", "90m")
    assert result.exit_code == 0, result.output
    text = (portal / written(result.output)[0]).read_text(encoding="utf-8")
    assert "scheduled_for: 2026-11-25T18:00:00Z" in text and "scheduled_until: 2026-11-25T19:30:00Z" in text
