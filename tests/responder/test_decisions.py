"""statusbook incident decide and escalate, incident mitigate closing a decision, and the rollback default in triage."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.model.decisions import DEFAULT_DECISION
from generator.validate import validate
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, errors_in, run, written

NEW_ID = "2026-11-23-checkout-errors"
NEW_PATH = f"incidents/2026/{NEW_ID}.md"
NEW = ("incident", "new", "--title", "Checkout errors", "--severity", "SEV2", "--component", "payments=partial_outage")
ROLLBACK = ("incident", "decide", NEW_ID, "--mitigation", "rollback", "--decision", "Roll back checkout 2026.11.23-2",
            "--why", "Errors began with this release and its impact cannot be determined yet")


def warnings_in(portal: Path, code: str, now: str = NOW) -> list[str]:
    """Return the messages of one rule about the new incident."""
    return [p.message for p in validate(portal, parse_now(now)).problems if p.code == code and p.path == NEW_PATH]


def declare(portal: Path, now: str = NOW) -> None:
    """Declare the checkout incident at ``now``."""
    result = run(portal, *NEW, now=now)
    assert result.exit_code == 0, result.output


def test_decide_logs_a_decision_and_says_it(portal: Path) -> None:
    """The decision is written after the process fields with who took it, and the command says what it decided."""
    declare(portal)
    result = run(portal, *ROLLBACK, "--at", "5m")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (f"{NEW_ID}: decided at 17:55 UTC (rollback): Roll back checkout 2026.11.23-2; "
                                            "status investigating; next update due 19:00 UTC (in 1 h)")
    assert written(result.output) == [NEW_PATH]
    text = (portal / NEW_PATH).read_text()
    assert ("commander: julia\ndecisions:\n  - at: 2026-11-23T17:55:00Z\n    by: alice\n    decision: Roll back checkout 2026.11.23-2\n"
            "    why: Errors began with this release and its impact cannot be determined yet\n    mitigation: rollback\nupdates:\n") in text
    assert errors_in(portal, NEW_PATH) == []


def test_a_failed_rollback_asks_for_an_escalation_until_one_is_recorded(portal: Path) -> None:
    """--outcome failed marks the last open decision, names the escalation contact, and escalate clears I213."""
    declare(portal)
    run(portal, *ROLLBACK)
    result = run(portal, "incident", "decide", NEW_ID, "--outcome", "failed", now="2026-11-23T18:10:00Z")
    assert result.exit_code == 0, result.output
    assert f"'Roll back checkout 2026.11.23-2' failed; escalate it: statusbook incident escalate {NEW_ID} --to ivan" in result.output
    assert "    mitigation: rollback\n    outcome: failed\n" in (portal / NEW_PATH).read_text()
    later = "2026-11-23T18:15:00Z"
    assert warnings_in(portal, "I213", later)
    result = run(portal, "incident", "escalate", NEW_ID, "--to", "ivan", "--reason", "The rollback did not bring errors down", now=later)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{NEW_ID}: escalated to ivan at 18:15 UTC; status investigating")
    assert "escalations:\n  - at: 2026-11-23T18:15:00Z\n    by: alice\n    to: ivan\n" in (portal / NEW_PATH).read_text()
    assert warnings_in(portal, "I213", later) == []


def test_an_escalation_ends_a_stall(portal: Path) -> None:
    """Investigating for 45 minutes without progress is I211; an escalation at 17:40 ends it."""
    declare(portal, now="2026-11-23T17:15:00Z")
    assert warnings_in(portal, "I211")
    result = run(portal, "incident", "escalate", NEW_ID, "--to", "ivan", "--reason", "No progress for 30 minutes", "--at", "20m")
    assert result.exit_code == 0, result.output
    assert warnings_in(portal, "I211") == []


def test_mitigate_takes_the_pending_decision_and_marks_it_worked(portal: Path) -> None:
    """Without --mitigation, incident mitigate uses the pending mitigation decision's kind and records that it worked."""
    declare(portal)
    run(portal, *ROLLBACK, "--at", "5m")
    result = run(portal, "incident", "mitigate", NEW_ID)
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert "    mitigation: rollback\n    outcome: worked\n" in text and "\nmitigation: rollback\n" in text
    assert errors_in(portal, NEW_PATH) == []


def test_refusals(portal: Path) -> None:
    """No --why, nothing to decide, an unknown person or maintenance are usage errors (2); a repeat is refused (1)."""
    before = (portal / OPEN_PATH).read_text()
    assert run(portal, "incident", "decide", OPEN_ID, "--decision", "Drain zone 1b").exit_code == 2
    assert run(portal, "incident", "decide", OPEN_ID).exit_code == 2
    declare(portal)
    assert run(portal, "incident", "decide", NEW_ID, "--outcome", "failed").exit_code == 2
    assert run(portal, "incident", "escalate", OPEN_ID, "--to", "zoe", "--reason", "x").exit_code == 2
    assert run(portal, "incident", "escalate", "2026-12-02-api-database-upgrade", "--to", "ivan", "--reason", "x").exit_code == 2
    assert (portal / OPEN_PATH).read_text() == before
    assert run(portal, "incident", "escalate", OPEN_ID, "--to", "ivan", "--reason", "Provider has no ETA").exit_code == 0
    repeated = run(portal, "incident", "escalate", OPEN_ID, "--to", "ivan", "--reason", "Provider has no ETA")
    assert repeated.exit_code == 1 and "a duplicate, so nothing was written" in repeated.output


def test_triage_states_the_rollback_default(portal: Path) -> None:
    """When the impact cannot be determined, triage says the default decision is rollback."""
    result = run(portal, "triage", "--revenue", person=None)
    assert result.exit_code == 0, result.output
    assert f"Mitigation: {DEFAULT_DECISION}" in result.output
