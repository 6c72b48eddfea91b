"""Mid-incident edits: earlier start and detection, impact changes, mitigation, reopening, duplicates, and what each says."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.validate import validate
from tests.hostile.tree import changes, snapshot
from tests.responder.conftest import OPEN_ID, OPEN_PATH, errors_in, run, written

NEW_ID = "2026-11-23-checkout-errors"
NEW_PATH = f"incidents/2026/{NEW_ID}.md"
NEW = ("incident", "new", "--title", "Checkout errors", "--severity", "SEV2", "--component", "api=partial_outage")
RESOLVED_ID = "2026-11-20-dashboard-unavailable-europe"
RESOLVED_PATH = f"incidents/2026/{RESOLVED_ID}.md"
LATER = "2026-11-23T18:20:00Z"


def declared(portal: Path, *extra: str) -> str:
    """Declare the checkout incident at 18:00 and return its text."""
    result = run(portal, *NEW, *extra)
    assert result.exit_code == 0, result.output
    return (portal / NEW_PATH).read_text()


def test_new_records_an_earlier_start_and_detection(portal: Path) -> None:
    """--started takes a timestamp, --detected a duration before --now; acknowledged stays at --now."""
    text = declared(portal, "--started", "2026-11-23T17:35:00+00:00", "--detected", "20m")
    assert "started: 2026-11-23T17:35:00Z\ndetected: 2026-11-23T17:40:00Z\nacknowledged: 2026-11-23T18:00:00Z\n" in text
    assert errors_in(portal, NEW_PATH) == []


def test_new_started_defaults_to_detected(portal: Path) -> None:
    """With --detected alone, impact is taken to begin at detection."""
    text = declared(portal, "--detected", "45m ago")
    assert "started: 2026-11-23T17:15:00Z\ndetected: 2026-11-23T17:15:00Z\nacknowledged: 2026-11-23T18:00:00Z\n" in text


@pytest.mark.parametrize("args, expected", [
    (("--started", "2026-11-23T18:05:00Z"), "--started 2026-11-23T18:05:00Z is after --now"),
    (("--detected", "2026-11-23T19:00:00+01:00", "--started", "2026-11-23T18:00:00+01:00"), None),
    (("--started", "10m", "--detected", "20m"), "--started 2026-11-23T17:50:00Z is after detection at 2026-11-23T17:40:00Z"),
    (("--detected", "soon"), "--detected 'soon' is neither a timestamp"),
])
def test_new_refuses_impossible_earlier_moments(portal: Path, args: tuple[str, ...], expected: str | None) -> None:
    """A moment after --now, or a start after detection, is a usage error that writes nothing."""
    before = snapshot(portal)
    result = run(portal, *NEW, *args)
    if expected is None:  # detection at exactly --now (given with an offset) is fine
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output
    assert changes(before, snapshot(portal)) == []


def test_impact_changes_a_component_and_adds_one(portal: Path) -> None:
    """The components mapping is edited in place, an internal timeline entry says what changed, and the command says it."""
    result = run(portal, "incident", "impact", OPEN_ID, "--component", "api=major_outage", "--component", "dashboard=degraded_performance",
                 person="julia")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert "components:\n  api: major_outage\n  webhooks: degraded_performance\n  dashboard: degraded_performance\nstarted:" in text
    assert ("    by: julia\n    event: 'Impact changed: api major outage (was degraded performance), dashboard degraded "
            "performance (newly affected).'\n") in text
    assert result.output.splitlines()[0] == (
        f"{OPEN_ID}: impact api major outage (was degraded performance), dashboard degraded performance (newly affected); "
        "status monitoring; next update due 18:30 UTC (in 30 min)")
    assert written(result.output) == [OPEN_PATH]
    assert errors_in(portal, OPEN_PATH) == []


@pytest.mark.parametrize("args, expected", [
    ((OPEN_ID, "--component", "api=degraded_performance"), "already records api=degraded_performance"),
    ((OPEN_ID, "--component", "api=down"), "impact 'down' is not one of"),
    ((RESOLVED_ID, "--component", "dashboard=partial_outage"), "already resolved"),
])
def test_impact_usage_errors_write_nothing(portal: Path, args: tuple[str, ...], expected: str) -> None:
    """No change, an unknown impact and a closed incident exit 2 and leave the tree as it was."""
    before = snapshot(portal)
    result = run(portal, "incident", "impact", *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert changes(before, snapshot(portal)) == []


def test_mitigate_records_the_milestone_and_the_decision(portal: Path) -> None:
    """mitigated is written after acknowledged, mitigation after the commander, and the timeline says who and how."""
    declared(portal)
    result = run(portal, "incident", "mitigate", NEW_ID, "--mitigation", "rollback", "--at", "5m", "--message", "Reverted 4.2.", now=LATER)
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert "acknowledged: 2026-11-23T18:00:00Z\nmitigated: 2026-11-23T18:15:00Z\ncommander: julia\nmitigation: rollback\n" in text
    assert "    event: Mitigated at 2026-11-23T18:15:00Z by rollback. Reverted 4.2.\n" in text
    assert result.output.splitlines()[0] == (
        f"{NEW_ID}: mitigated at 18:15 UTC by rollback; status investigating; next update due 19:00 UTC (in 40 min)")
    assert errors_in(portal, NEW_PATH, now=LATER) == []


def test_mitigate_refusals_write_nothing(portal: Path) -> None:
    """Already mitigated or no decision exit 2; a time before acknowledgement breaks I201 and exits 1; none writes."""
    declared(portal)
    cases = [
        ((OPEN_ID, "--mitigation", "rollback"), 2, "already mitigated at 2026-11-23T16:40:00Z"),
        ((NEW_ID,), 2, "say how impact was stopped with --mitigation"),
        ((NEW_ID, "--mitigation", "rollback", "--at", "2026-11-23T17:00:00Z"), 1, "[I201]"),
        ((NEW_ID, "--mitigation", "rollback", "--at", "2026-11-23T19:00:00Z"), 2, "is after --now"),
    ]
    for args, code, expected in cases:
        before = snapshot(portal)
        result = run(portal, "incident", "mitigate", *args)
        assert result.exit_code == code, (args, result.output)
        assert expected in result.output and "Traceback" not in result.output
        assert changes(before, snapshot(portal)) == []


def test_reopen_clears_the_resolution_and_validates(portal: Path) -> None:
    """Reopening clears resolved and mitigated, lists the moment, posts investigating; the postmortem stays, with a warning."""
    postmortem = (portal / RESOLVED_PATH.replace(".md", ".postmortem.md")).read_bytes()
    result = run(portal, "incident", "reopen", RESOLVED_ID, "--message", "The dashboard fails again in Europe.", "--next-update", "30m",
                 person="gustav")
    assert result.exit_code == 0, result.output
    text = (portal / RESOLVED_PATH).read_text()
    assert "resolved:" not in text.split("---")[1].split("updates:")[0] and "mitigated:" not in text
    assert "status: investigating\n" in text and "mitigation: rollback\n" in text
    assert ("  - at: 2026-11-23T18:00:00Z\n    by: gustav\n    status: investigating\n    message: The dashboard fails again in Europe.\n"
            "    next_update: 2026-11-23T18:30:00Z\n") in text
    assert "    event: Reopened; cleared mitigated 2026-11-20T15:18:00Z and resolved 2026-11-20T16:05:00Z.\n" in text
    assert "reopened:\n  - 2026-11-23T18:00:00Z\n" in text
    assert result.output.splitlines()[0] == (
        f"{RESOLVED_ID}: reopened (cleared mitigated 2026-11-20T15:18:00Z and resolved 2026-11-20T16:05:00Z); "
        "status investigating; next update due 18:30 UTC (in 30 min)")
    assert (portal / RESOLVED_PATH.replace(".md", ".postmortem.md")).read_bytes() == postmortem
    report = validate(portal, parse_now("2026-11-23T18:00:00Z"))
    assert [p for p in report.problems if p.level.name == "ERROR"] == []
    assert "P612" in {p.code for p in report.problems}
    again = run(portal, "incident", "resolve", RESOLVED_ID, "--message", "Fixed again.", now=LATER, person="gustav")
    assert again.exit_code == 0, again.output
    assert errors_in(portal, RESOLVED_PATH, now=LATER) == []


@pytest.mark.parametrize("incident_id, expected", [
    (OPEN_ID, "only a resolved incident can be reopened"),
    ("2026-07-18-payments-database-upgrade", "only a resolved incident can be reopened"),
])
def test_reopen_refuses_what_is_not_a_resolved_incident(portal: Path, incident_id: str, expected: str) -> None:
    """An open incident and a maintenance window are not reopened: exit 2, nothing written."""
    before = snapshot(portal)
    result = run(portal, "incident", "reopen", incident_id, "--message", "Again.")
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert changes(before, snapshot(portal)) == []


@pytest.mark.parametrize("args", [
    ("incident", "update", OPEN_ID, "--status", "monitoring", "--message", "Same words."),
    ("incident", "update", OPEN_ID, "--internal", "--message", "Same words."),
    ("postmortem", "action", RESOLVED_ID, "--title", "Same words.", "--owner", "emeka", "--due", "2026-12-10"),
])
def test_a_repeated_entry_is_refused(portal: Path, args: tuple[str, ...]) -> None:
    """The same text at the same time (for an action item: the same title and due date) exits 1 and writes nothing."""
    first = run(portal, *args)
    assert first.exit_code == 0, first.output
    before = snapshot(portal)
    again = run(portal, *args)
    assert again.exit_code == 1, again.output
    assert "a duplicate, so nothing was written" in again.output
    assert changes(before, snapshot(portal)) == []
    later = run(portal, *args, now="2026-11-23T18:01:00Z") if args[0] == "incident" else None
    assert later is None or later.exit_code == 0, later.output


def test_every_command_says_what_it_changed(portal: Path) -> None:
    """Each writing command prints the change, the status and the next commitment before the files it wrote."""
    first_lines = {
        "new": run(portal, *NEW).output,
        "update": run(portal, "incident", "update", NEW_ID, "--status", "identified", "--message", "Found it.", "--next-update", "30m").output,
        "note": run(portal, "incident", "update", NEW_ID, "--internal", "--message", "Bridge open.").output,
        "role": run(portal, "incident", "role", NEW_ID, "scribe", "ivan").output,
        "handoff": run(portal, "incident", "handoff", NEW_ID, "--to", "bruno", "--status", "s", "--next-steps", "n").output,
        "ack": run(portal, "incident", "ack", NEW_ID, person="bruno").output,
        "resolve": run(portal, "incident", "resolve", NEW_ID, "--message", "Fixed.", now="2026-11-23T18:40:00Z", person="bruno").output,
    }
    said = {name: output.splitlines()[0] for name, output in first_lines.items()}
    assert said == {
        "new": f"{NEW_ID}: declared SEV2 (api partial outage), commander julia (on duty in incident-managers); status investigating; "
                "next update due 19:00 UTC (in 1 h)",
        "update": f"{NEW_ID}: posted a public update; status identified; next update due 18:30 UTC (in 30 min)",
        "note": f"{NEW_ID}: added an internal timeline entry; status identified; next update due 18:30 UTC (in 30 min)",
        "role": f"{NEW_ID}: ivan is scribe; status identified; next update due 18:30 UTC (in 30 min)",
        "handoff": (f"{NEW_ID}: handed over from julia to bruno; status identified; "
                    "next update due 18:30 UTC (in 30 min); handoff to bruno awaits 'incident ack'"),
        "ack": f"{NEW_ID}: bruno is now the commander; status identified; next update due 18:30 UTC (in 30 min)",
        "resolve": (f"{NEW_ID}: resolved at 18:40 UTC, 40 min after detection; drafted its postmortem; postmortem due "
                    "2026-11-25 18:40 UTC (in 2 d) (no --prevention: say how recurrence is prevented); status resolved; "
                    "no further update due"),
    }
    assert all(written(output) for output in first_lines.values())


def test_maintenance_and_postmortem_commands_say_what_they_changed(portal: Path) -> None:
    """A scheduled window names its span and first commitment; an action item names its owner, due date and the open count."""
    window = run(portal, "maintenance", "new", "--title", "Database upgrade", "--component", "api", "--start", "2d", "--end", "90m")
    item = run(portal, "postmortem", "action", RESOLVED_ID, "--title", "Alert on 503s", "--owner", "emeka", "--due", "2w")
    assert window.output.splitlines()[0] == (
        "2026-11-25-database-upgrade: scheduled maintenance from 2026-11-25 18:00 UTC to 2026-11-25 19:30 UTC, commander alice; "
        "status scheduled; next update due 2026-11-25 18:00 UTC (in 2 d)")
    assert item.output.splitlines()[0].startswith(f"{RESOLVED_ID}: added action item 'Alert on 503s' for emeka, due 2026-12-07; ")
    assert item.output.splitlines()[0].endswith(" open action items")


@pytest.mark.parametrize("args, expected", [
    (("--detected", "99999w"), "outside the years Statusbook can judge"),
    (("--started", "2026-11-23T17:00:00"), "--started '2026-11-23T17:00:00' is neither a timestamp"),
])
def test_new_refuses_moments_it_cannot_judge(portal: Path, args: tuple[str, ...], expected: str) -> None:
    """A duration reaching before the years judged, or a timestamp without offset, exits 2 without a traceback."""
    before = snapshot(portal)
    result = run(portal, *NEW, *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output
    assert changes(before, snapshot(portal)) == []
