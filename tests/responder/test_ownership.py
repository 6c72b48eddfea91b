"""statusbook incident handoff, ack and role."""

from __future__ import annotations

from pathlib import Path

from tests.responder.conftest import OPEN_ID, OPEN_PATH, errors_in, run, written

HANDOFF = ("incident", "handoff", OPEN_ID, "--to", "bruno", "--status", "Traffic drained from 1b",
           "--next-steps", "Return traffic once the provider confirms")


def test_handoff_then_ack_passes_ownership(portal: Path) -> None:
    """The handoff is pending until bruno acknowledges; then bruno is commander and the record is valid."""
    result = run(portal, *HANDOFF, person="julia")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert ("handoffs:\n  - at: 2026-11-23T18:00:00Z\n    from: julia\n    to: bruno\n"
            "    status: Traffic drained from 1b\n") in text
    assert "    next_update: 2026-11-23T18:30:00Z\npauses:\n" in text  # the last update's commitment, before the pauses
    assert "commander: julia\n" in text
    result = run(portal, "incident", "ack", OPEN_ID, person="bruno", now="2026-11-23T18:04:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert "    to: bruno\n    acknowledged_at: 2026-11-23T18:04:00Z\n    status:" in text
    assert "commander: bruno\n" in text
    assert errors_in(portal, OPEN_PATH, now="2026-11-23T18:04:00Z") == []


def test_ack_by_someone_else_is_a_usage_error(portal: Path) -> None:
    """Only the person the handoff goes to can acknowledge it."""
    run(portal, *HANDOFF, person="julia")
    result = run(portal, "incident", "ack", OPEN_ID, person="alice")
    assert result.exit_code == 2
    assert "no handoff to alice awaiting acknowledgement" in result.output


def test_second_handoff_waits_for_the_first(portal: Path) -> None:
    """A new handoff while one is pending is refused as a usage error."""
    run(portal, *HANDOFF, person="julia")
    result = run(portal, "incident", "handoff", OPEN_ID, "--to", "chen", "--status", "s", "--next-steps", "n")
    assert result.exit_code == 2
    assert "awaits acknowledgement" in result.output


def test_handoff_to_unknown_person_is_a_usage_error(portal: Path) -> None:
    """--to must name someone in people.yml."""
    result = run(portal, "incident", "handoff", OPEN_ID, "--to", "zoe", "--status", "s", "--next-steps", "n")
    assert result.exit_code == 2
    assert "unknown person 'zoe' (from --to)" in result.output


def test_role_sets_a_supporting_role(portal: Path) -> None:
    """The role is replaced in place; an incident without roles gets a roles mapping."""
    result = run(portal, "incident", "role", OPEN_ID, "scribe", "bruno")
    assert result.exit_code == 0, result.output
    assert "  comms_lead: dana\n  scribe: bruno\n" in (portal / OPEN_PATH).read_text()
    created = run(portal, "incident", "new", "--title", "Slow search", "--severity", "SEV3",
                  "--component", "search=degraded_performance").output
    created = written(created)[0]
    result = run(portal, "incident", "role", Path(created).stem, "tech_lead", "farah")
    assert result.exit_code == 0, result.output
    assert "commander: julia\nroles:\n  tech_lead: farah\nupdates:\n" in (portal / created).read_text()
    assert errors_in(portal, OPEN_PATH, created) == []


def test_role_rejects_unknown_role_and_person(portal: Path) -> None:
    """ROLE is one of three; PERSON must be listed."""
    assert run(portal, "incident", "role", OPEN_ID, "chef", "bruno").exit_code == 2
    result = run(portal, "incident", "role", OPEN_ID, "scribe", "zoe")
    assert result.exit_code == 2
    assert "unknown person 'zoe'" in result.output
