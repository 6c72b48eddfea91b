"""Hostile times through the real CLI: updates from the future, moments outside the years judged, clock changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import copy_portal

NOW = "2026-11-23T18:00:00Z"
OPEN = "incidents/2026/2026-11-23-api-increased-latency.md"
RANGE = "from 1970-01-01T00:00:00Z up to 9998-12-31T23:59:59Z"
HUGE = "9" * 30
OUTSIDE = ("0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z")
RESOLVED = """---
title: Slow API responses
type: incident
severity: SEV3
status: resolved
public: true
components:
  api: degraded_performance
started: {started}
detected: {detected}
resolved: 2026-06-01T11:00:00
commander: alice
updates:
  - at: 2026-06-01T10:12:00
    status: investigating
    message: We are investigating slow API responses.
    next_update: 2026-06-01T11:00:00
  - at: 2026-06-01T11:00:00
    status: resolved
    message: Response times are back to normal.
---
Internal notes.
"""


def run(*args: str):
    """Run the statusbook CLI in-process and return its result, with stdout and stderr apart."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def portal(tmp_path: Path) -> Path:
    """A fresh copy of the example portal."""
    return copy_portal(tmp_path / "portal")


def post_update_from_the_future(root: Path) -> None:
    """Move the open incident's last update to 18:35, after NOW."""
    record = root / OPEN
    text = record.read_text(encoding="utf-8")
    assert text.count("- at: 2026-11-23T17:35:00Z") == 1
    record.write_text(text.replace("- at: 2026-11-23T17:35:00Z", "- at: 2026-11-23T18:35:00Z"), encoding="utf-8")


def test_validate_locates_an_update_dated_after_now(portal):
    post_update_from_the_future(portal)
    result = run("validate", "--root", str(portal), "--now", NOW, "--format", "text")
    assert result.exit_code == 1
    expected = (
        f"{OPEN}:65:9: error [I206] updates[3].at 2026-11-23T18:35Z is after now (2026-11-23T18:00Z): "
        "a record cannot report what has not happened; check the date and UTC offset, or --now"
    )
    assert expected in result.output.splitlines()
    assert "Traceback" not in result.output + result.stderr


def test_build_refuses_an_update_dated_after_now_and_keeps_the_site(portal, tmp_path):
    site = tmp_path / "site"
    assert run("build", "--root", str(portal), "--site-dir", str(site), "--now", NOW).exit_code == 0
    post_update_from_the_future(portal)
    before = snapshot(tmp_path)
    result = run("build", "--root", str(portal), "--site-dir", str(site), "--now", NOW)
    assert result.exit_code == 1
    assert "[I206]" in result.output + result.stderr
    assert changes(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize("now", OUTSIDE)
@pytest.mark.parametrize("command", [("validate",), ("build",), ("report",), ("oncall",), ("incident", "update", "2026-11-23-api-increased-latency", "--as", "alice", "--status", "monitoring", "--message", "Still watching.")])
def test_now_outside_the_years_judged_is_a_usage_error_that_writes_nothing(portal, tmp_path, command, now):
    before = snapshot(tmp_path)
    result = run(*command, "--root", str(portal), "--now", now)
    assert result.exit_code == 2
    assert f"'{now}' is outside the years Statusbook can judge; use a moment {RANGE}" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert changes(before, snapshot(tmp_path)) == []


def test_oncall_at_outside_the_years_judged_is_a_usage_error(portal):
    result = run("oncall", "--root", str(portal), "--now", NOW, "--at", "9999-12-31T00:00:00Z")
    assert result.exit_code == 2
    assert f"Invalid value for --at: '9999-12-31T00:00:00Z' is outside the years Statusbook can judge; use a moment {RANGE}" in result.stderr


def test_huge_source_date_epoch_is_a_usage_error(portal):
    result = CliRunner().invoke(cli, ["validate", "--root", str(portal)], env={"SOURCE_DATE_EPOCH": HUGE})
    assert result.exit_code == 2
    assert f"SOURCE_DATE_EPOCH {HUGE} is outside the years Statusbook can judge; use a moment {RANGE}" in result.stderr


def test_build_at_the_last_second_judged_writes_a_site(portal, tmp_path):
    result = run("build", "--root", str(portal), "--site-dir", str(tmp_path / "site"), "--now", "9998-12-31T23:59:59Z")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "site" / "api" / "v2" / "summary.json").is_file()


def write_naive_record(root: Path, started: str, detected: str) -> None:
    """Read timestamps without offset in Europe/Berlin, and add a record with the given start and detection."""
    config = root / "statusbook.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("# default_timezone: Europe/Berlin", "default_timezone: Europe/Berlin"), encoding="utf-8")
    (root / "incidents/2026/2026-06-01-slow-api.md").write_text(RESOLVED.format(started=started, detected=detected), encoding="utf-8")


def test_validate_refuses_a_local_time_that_happened_twice(portal):
    write_naive_record(portal, "2026-06-01T10:00:00", "2026-10-25T02:30:00")
    result = run("validate", "--root", str(portal), "--now", NOW, "--format", "text")
    assert result.exit_code == 1
    assert (
        "incidents/2026/2026-06-01-slow-api.md:10:11: error [S009] detected: '2026-10-25T02:30:00' is ambiguous in "
        "Europe/Berlin: it happened twice, 2026-10-25T02:30:00+02:00 (00:30Z) and 2026-10-25T02:30:00+01:00 (01:30Z); "
        "write the offset"
    ) in result.output.splitlines()


def test_validate_refuses_a_local_time_that_never_happened(portal):
    write_naive_record(portal, "2026-03-29T02:30:00", "2026-06-01T10:05:00")
    result = run("validate", "--root", str(portal), "--now", NOW, "--format", "text")
    assert result.exit_code == 1
    assert (
        "incidents/2026/2026-06-01-slow-api.md:9:10: error [S009] started: '2026-03-29T02:30:00' does not exist in "
        "Europe/Berlin (clocks went forward): did you mean 2026-03-29T01:30:00+01:00 or 2026-03-29T03:30:00+02:00?"
    ) in result.output.splitlines()


def test_validate_locates_timestamps_of_the_years_1_and_9999_without_a_traceback(portal):
    write_naive_record(portal, "0001-01-01T00:00:00Z", "9999-06-01T10:05:00Z")
    result = run("validate", "--root", str(portal), "--now", NOW, "--format", "text")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"incidents/2026/2026-06-01-slow-api.md:9:10: error [S006] started: '0001-01-01T00:00:00Z' is outside the years Statusbook can judge; write a moment {RANGE}" in lines
    assert f"incidents/2026/2026-06-01-slow-api.md:10:11: error [S006] detected: '9999-06-01T10:05:00Z' is outside the years Statusbook can judge; write a moment {RANGE}" in lines
    assert "Traceback" not in result.output + result.stderr


def test_next_update_too_far_ahead_is_a_usage_error_that_writes_nothing(portal, tmp_path):
    before = snapshot(tmp_path)
    result = run("incident", "update", "2026-11-23-api-increased-latency", "--root", str(portal), "--now", NOW, "--as", "alice",
                 "--status", "monitoring", "--message", "Still watching.", "--next-update", "99999999w")
    assert result.exit_code == 2
    assert f"--next-update 99999999w from now is outside the years Statusbook can judge; use a moment {RANGE}" in result.stderr
    assert changes(before, snapshot(tmp_path)) == []
