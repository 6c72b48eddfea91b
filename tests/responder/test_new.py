"""statusbook incident new: declare an incident as a new, valid record."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import errors_in, run, written

NEW_PATH = "incidents/2026/2026-11-23-search-results-are-slow.md"
ARGS = ("incident", "new", "--title", "Search results are slow", "--severity", "SEV2",
        "--component", "search=degraded_performance", "--component", "api=partial_outage")


def test_new_writes_a_valid_record(portal: Path) -> None:
    """The record is created at the dated path, starts investigating and commits to the SEV2 cadence."""
    result = run(portal, *ARGS)
    assert result.exit_code == 0, result.output
    assert written(result.output) == [NEW_PATH]
    text = (portal / NEW_PATH).read_text()
    assert "status: investigating\n" in text
    assert "components:\n  search: degraded_performance\n  api: partial_outage\n" in text
    assert ("started: 2026-11-23T18:00:00Z\ndetected: 2026-11-23T18:00:00Z\n"
            "acknowledged: 2026-11-23T18:00:00Z\ncommander: julia\n") in text  # the incident manager on duty
    assert "    next_update: 2026-11-23T19:00:00Z\n" in text  # SEV2 update_every is 1h
    assert "public: true\n" in text
    assert errors_in(portal, NEW_PATH) == []


def test_new_is_acknowledged_by_the_declaring_person_at_now(portal: Path) -> None:
    """Declaring is responding: acknowledged is --now even when someone else is named commander, so T501 stays silent."""
    result = run(portal, *ARGS, "--commander", "julia", now="2026-11-23T18:07:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert "detected: 2026-11-23T18:07:00Z\nacknowledged: 2026-11-23T18:07:00Z\ncommander: julia\n" in text
    report = validate(portal, parse_now("2026-11-23T20:00:00Z"))
    assert [p.code for p in report.problems if p.path == NEW_PATH and p.code == "T501"] == []


def test_new_uses_the_team_time_zone_for_the_date(portal: Path) -> None:
    """23:30 UTC is already the next day in Berlin, so the id carries that day."""
    result = run(portal, *ARGS, now="2026-11-23T23:30:00Z")
    assert result.exit_code == 0, result.output
    assert written(result.output) == ["incidents/2026/2026-11-24-search-results-are-slow.md"]


def test_new_takes_commander_message_and_visibility(portal: Path) -> None:
    """--commander, --internal and a multi-line --message end up in the record, the message as a block."""
    result = run(portal, *ARGS, "--commander", "julia", "--internal", "--message", "Line one.\nLine two.")
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert "commander: julia\n" in text and "public: false\n" in text
    assert "    message: |\n      Line one.\n      Line two.\n" in text
    assert errors_in(portal, NEW_PATH) == []


def test_new_refuses_an_existing_file(portal: Path) -> None:
    """Declaring the same title twice on one day is refused and leaves the first record alone."""
    assert run(portal, *ARGS).exit_code == 0
    before = (portal / NEW_PATH).read_bytes()
    result = run(portal, *ARGS, "--message", "Other text")
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert (portal / NEW_PATH).read_bytes() == before


def test_new_rejects_bad_input_as_usage_errors(portal: Path) -> None:
    """Unknown severity, bad --component syntax, unknown component or impact and unknown people exit 2."""
    cases = [
        (("--severity", "SEV9"), "unknown severity 'SEV9'"),
        (("--component", "search"), "is not ID=IMPACT"),
        (("--component", "nope=partial_outage"), "unknown component 'nope'"),
        (("--component", "search=broken"), "impact 'broken' is not one of"),
        (("--commander", "zoe"), "unknown person 'zoe'"),
    ]
    for extra, expected in cases:
        result = run(portal, "incident", "new", "--title", "T", "--severity", "SEV2",
                     "--component", "api=partial_outage", *extra)
        assert result.exit_code == 2, (extra, result.output)
        assert expected in result.output
        assert "Traceback" not in result.output
    assert not list((portal / "incidents/2026").glob("2026-11-23-t.md"))


def test_help_has_an_example(portal: Path) -> None:
    """Every responder command documents an example in --help."""
    for command in ("new", "update", "resolve", "handoff", "ack", "role"):
        result = run(portal, "incident", command, "--help", person=None)
        assert result.exit_code == 0
        assert "Example" in result.output and f"statusbook incident {command}" in result.output
