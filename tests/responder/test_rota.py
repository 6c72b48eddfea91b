"""statusbook incident new's default commander, incident handoff without --to (follow the sun) and incident keep."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import NOW, errors_in, run, written

HELD_ID = "2026-11-23-ci-arm-builds-slow"
HELD_PATH = f"incidents/2026/{HELD_ID}.md"
ARGS = ("incident", "new", "--title", "Checkout errors", "--severity", "SEV2", "--component", "payments=partial_outage")


def codes(portal: Path, path: str) -> list[str]:
    """Return the codes of every problem about one file."""
    return [p.code for p in validate(portal, parse_now(NOW)).problems if p.path == path]


def test_new_names_the_incident_manager_on_duty_as_commander(portal: Path) -> None:
    """Julia is on duty from 09:00 UTC on 23 November; alice declares, julia commands, and O410 stays silent."""
    result = run(portal, *ARGS, person="alice")
    assert result.exit_code == 0, result.output
    (path,) = written(result.output)
    assert "commander julia (on duty in incident-managers)" in result.output
    assert "\ncommander: julia\n" in (portal / path).read_text()
    assert "O410" not in codes(portal, path) and errors_in(portal, path) == []


def test_new_falls_back_to_the_acting_person_when_nobody_is_on_duty(portal: Path) -> None:
    """After the last shift ends, the person declaring it commands, and the output says why."""
    result = run(portal, *ARGS, person="alice", now="2027-01-10T09:00:00Z")
    assert result.exit_code == 0, result.output
    assert "commander alice (you: no one is on duty in incident-managers now)" in result.output


def test_handoff_without_to_suggests_who_is_at_work_and_writes_nothing(portal: Path) -> None:
    """At 18:00 UTC julia (New York) is at work; at 02:00 UTC dana (Berlin, from 08:00) starts soonest."""
    before = (portal / HELD_PATH).read_text()
    result = run(portal, "incident", "handoff", HELD_ID, person="gustav")
    assert result.exit_code == 0, result.output
    assert f"{HELD_ID}: suggested next commander julia (Julia Santos), at work now (13:00 America/New_York" in result.output
    assert f"statusbook incident handoff {HELD_ID} --to julia" in result.output and "Nothing was written" in result.output
    assert written(result.output) == [] and (portal / HELD_PATH).read_text() == before
    night = run(portal, "incident", "handoff", HELD_ID, person="gustav", now="2026-11-24T02:00:00Z")
    assert "suggested next commander dana (Dana Kowalski), starts 07:00 UTC (Tue 08:00 Europe/Berlin)" in night.output


def test_handoff_with_to_still_needs_status_and_next_steps(portal: Path) -> None:
    """--to without --status and --next-steps is a usage error; nothing is written."""
    before = (portal / HELD_PATH).read_text()
    result = run(portal, "incident", "handoff", HELD_ID, "--to", "julia", person="gustav")
    assert result.exit_code == 2 and "--status and --next-steps are required with --to" in result.output
    assert (portal / HELD_PATH).read_text() == before


def test_keep_answers_the_handover_and_says_which(portal: Path) -> None:
    """Gustav keeps the ARM incident 30 minutes after handing the duty to julia: O411 is gone, the record valid."""
    assert "O411" in codes(portal, HELD_PATH)
    result = run(portal, "incident", "keep", HELD_ID, "--note", "Rollout finishes at 11:00; I stay until then",
                 person="gustav", now="2026-11-23T09:30:00Z")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{HELD_ID}: gustav keeps it past the incident-managers handover from gustav to julia at 09:00 UTC;")
    assert written(result.output) == [HELD_PATH]
    text = (portal / HELD_PATH).read_text()
    assert "keeps:\n  - at: 2026-11-23T09:30:00Z\n    by: gustav\n    note: Rollout finishes at 11:00; I stay until then\nupdates:" in text
    assert "O411" not in codes(portal, HELD_PATH) and errors_in(portal, HELD_PATH) == []


def test_keep_twice_is_refused_and_only_the_commander_keeps(portal: Path) -> None:
    """The same keep again exits 1; julia, not the commander, gets a usage error; a closed record is refused."""
    assert run(portal, "incident", "keep", HELD_ID, person="gustav", now="2026-11-23T09:30:00Z").exit_code == 0
    again = run(portal, "incident", "keep", HELD_ID, person="gustav", now="2026-11-23T09:30:00Z")
    assert again.exit_code == 1 and "already records that gustav keeps it" in again.output
    other = run(portal, "incident", "keep", HELD_ID, person="julia", now="2026-11-23T09:40:00Z")
    assert other.exit_code == 2 and "only the commander (gustav) keeps" in other.output
    closed = run(portal, "incident", "keep", "2026-11-22-ci-deploys-blocked", person="chen")
    assert closed.exit_code == 2 and "already resolved" in closed.output


def test_keep_far_from_a_handover_says_it_answers_none(portal: Path) -> None:
    """A keep at 18:00 UTC lies 9 hours after the handover: written, but the output says it answers none."""
    result = run(portal, "incident", "keep", HELD_ID, person="gustav")
    assert result.exit_code == 0 and "(no incident-managers handover within 2 h, so it answers none)" in result.output
