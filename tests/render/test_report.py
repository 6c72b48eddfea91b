"""`statusbook report`: the same figures and overdue lists in text, JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render.report import BURDEN_COLUMNS, COLUMNS, render_report
from generator.views.portal import portal_view
from tests.site.conftest import copy_portal

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T18:00:00Z"
OVERDUE_ITEM = "Give every endpoint its own retry budget"


@pytest.fixture(scope="module")
def portal():
    """The example portal's views at the usual moment."""
    return portal_view(load_root(REPO).corpus, parse_now(NOW))


def run(*args: str):
    """Run the CLI and return the result."""
    return CliRunner().invoke(cli, list(args))


def test_json_carries_the_figures_of_the_metrics_view(portal) -> None:
    """Counts, durations in seconds and shares in JSON equal the metrics view's."""
    data = json.loads(render_report(portal, "Acme", parse_now(NOW), "json"))
    total = portal.metrics.total
    assert data["as_of"] == NOW and data["site"] == "Acme"
    assert data["metrics"]["total"]["incidents"] == total.incidents
    resolve = data["metrics"]["total"]["durations_seconds"]["resolve"]
    assert resolve["median"] == int(total.spread("resolve").median.total_seconds())
    assert data["metrics"]["total"]["resolved_within_target"]["met"] == total.within_resolve.met
    assert [m["month"] for m in data["metrics"]["months"]] == [m.month for m in portal.metrics.months]


def test_overdue_lists_match_the_portal(portal) -> None:
    """The overdue action item is listed; no update is overdue at 18:00, but one is half an hour later."""
    data = json.loads(render_report(portal, "Acme", parse_now(NOW), "json"))
    assert [a["title"][:40] for a in data["overdue"]["action_items"]] == [OVERDUE_ITEM]
    assert data["overdue"]["updates"] == []
    later = portal_view(load_root(REPO).corpus, parse_now("2026-11-23T18:45:00Z"))
    late = json.loads(render_report(later, "Acme", parse_now("2026-11-23T18:45:00Z"), "json"))["overdue"]["updates"]
    assert [(u["id"], u["overdue_by_seconds"]) for u in late] == [("2026-11-23-api-increased-latency", 15 * 60)]


def test_text_and_markdown_say_the_same(portal) -> None:
    """Both human formats list the active records, the overdue item and a row per severity."""
    now = parse_now(NOW)
    text, markdown = (render_report(portal, "Acme", now, f) for f in ("text", "markdown"))
    for output in (text, markdown):
        assert "2026-11-23-api-increased-latency: monitoring, SEV2, owner Julia Santos" in output
        assert OVERDUE_ITEM in output
        assert "SEV1 (Critical)" in output and "All severities" in output
    figures, burden = markdown.split("## On-call burden", 1)
    for part, columns in ((figures, COLUMNS), (burden, BURDEN_COLUMNS)):
        header = "| " + " | ".join(columns) + " |"
        tables = [line for line in part.splitlines() if line.startswith("|") and not line.startswith("|---")]
        assert header in tables and all(line.count(" | ") == len(columns) - 1 for line in tables)


def test_json_carries_the_burden_of_each_person_and_month(portal) -> None:
    """The burden section gives each person's hours, after-hours incidents and overrides per month, as the view does."""
    data = json.loads(render_report(portal, "Acme", parse_now(NOW), "json"))["burden"]
    assert data["timezone"] == "Europe/Berlin" and data["working_hours"] == "09:00–17:00 Monday–Friday, Europe/Berlin"
    assert [m["month"] for m in data["months"]] == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    november = {p["person"]: p for p in data["months"][-1]["people"]}
    # Dana: Incident managers 9-16 November (168 h) and the 4 November override for Alice (4 h 30 min).
    assert november["dana"]["hours_on_duty"] == 172.5
    assert november["dana"]["overrides_taken"] == 1 and november["alice"]["overrides_given"] == 1
    # Julia took over the incident managers at 10:00 CET on the 23rd; the report is as of 19:00 CET.
    assert november["julia"]["hours_on_duty"] == 9.0
    # Alice, incident manager on duty, was paged three times in the night of 3 November (C814).
    assert november["alice"]["after_hours_incidents"] == [
        "2026-11-03-ci-nightly-builds-stuck", "2026-11-04-webhook-retry-backlog", "2026-11-04-data-warehouse-loads-failing"]
    assert november["dana"]["after_hours_incidents"] == []
    assert data["busy_nights"] == [{"person": "alice", "night": "2026-11-03", "incidents": november["alice"]["after_hours_incidents"]}]
    # Hana holds 7 of the 13 fourth-quarter weeks of the data platform rotation, among four people (C815).
    assert [(q["rotation"], q["quarter"], q["person"], q["weeks"]) for q in data["heavy_quarters"]] == [
        ("data-platform-oncall", "2026-Q4", "hana", 7)]


def test_text_names_the_burden_limits(portal) -> None:
    """The text report has an on-call burden section with the working hours it judged by."""
    text = render_report(portal, "Acme", parse_now(NOW), "text")
    section = text.split("On-call burden", 1)[1]
    assert "outside 09:00–17:00 Monday–Friday, Europe/Berlin" in section
    assert "Dana Kowalski" in section and "172.5" in section


def test_cli_prints_each_format() -> None:
    """The command prints valid JSON with --format json, and text by default."""
    result = run("report", "--root", str(REPO), "--now", NOW, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["site"] == "Acme Cloud Status"
    result = run("report", "--root", str(REPO), "--now", NOW)
    assert result.exit_code == 0 and result.output.startswith("Acme Cloud Status: report as of 2026-11-23T18:00:00Z")


def test_cli_refuses_invalid_records(tmp_path: Path) -> None:
    """Invalid records print their problems and exit 1, like validate."""
    root = copy_portal(tmp_path / "portal")
    record = root / "incidents/2026/2026-11-23-api-increased-latency.md"
    record.write_text(record.read_text(encoding="utf-8").replace("commander: julia", "commander: nobody-known"), encoding="utf-8")
    result = run("report", "--root", str(root), "--now", NOW)
    assert result.exit_code == 1
    assert "R201" in result.output and "the records are invalid" in result.output
