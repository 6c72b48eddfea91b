"""statusbook incident update names its author and whom it waits on; statusbook incident pause records the owner's pause."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, errors_in, run, written

WAITING = ("incident", "update", OPEN_ID, "--status", "monitoring", "--message", "We are waiting on our cloud provider.")


def codes_in(portal: Path, path: str, now: str = NOW) -> list[tuple[str, tuple]]:
    """Return the code and field of every problem about one file."""
    return [(p.code, p.field) for p in validate(portal, parse_now(now)).problems if p.path == path]


def test_update_names_the_acting_person_and_whom_it_waits_on(portal: Path) -> None:
    """The communications lead posts; waiting_on carries who and what next; the record has no new problem."""
    result = run(portal, *WAITING, "--waiting-on", "our cloud provider", "--what-next", "They call back by 19:00 UTC.",
                 person="dana")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (f"{OPEN_ID}: posted a public update, waiting on our cloud provider; "
                                             "status monitoring; next update due 19:00 UTC (in 1 h)")
    assert written(result.output) == [OPEN_PATH]
    assert ("  - at: 2026-11-23T18:00:00Z\n    by: dana\n    status: monitoring\n"
            "    message: We are waiting on our cloud provider.\n    next_update: 2026-11-23T19:00:00Z\n"
            "    waiting_on:\n      who: our cloud provider\n      what_next: They call back by 19:00 UTC.\n") in (portal / OPEN_PATH).read_text()
    assert codes_in(portal, OPEN_PATH) == []


def test_author_comes_from_statusbook_user_without_as(portal: Path) -> None:
    """Without --as, the identity the commands already resolve names the author."""
    result = run(portal, "incident", "update", OPEN_ID, "--status", "monitoring", "--message", "Still normal.",
                 person=None, env={"STATUSBOOK_USER": "julia"})
    assert result.exit_code == 0, result.output
    assert "    by: julia\n    status: monitoring\n    message: Still normal.\n" in (portal / OPEN_PATH).read_text()


def test_an_update_by_someone_else_is_written_with_a_warning(portal: Path) -> None:
    """An author who neither owns the incident nor leads communications is a warning, not a refusal; so is an unnamed wait."""
    result = run(portal, *WAITING, person="alice")
    assert result.exit_code == 0, result.output
    assert codes_in(portal, OPEN_PATH) == [("I311", ("updates", 4, "by")), ("I312", ("updates", 4, "message"))]
    assert errors_in(portal, OPEN_PATH) == []


def test_waiting_options_are_checked(portal: Path) -> None:
    """--what-next needs --waiting-on; neither belongs to an internal note; an empty name is refused. Nothing is written."""
    before = (portal / OPEN_PATH).read_bytes()
    alone = run(portal, *WAITING, "--what-next", "Soon.", person="julia")
    assert alone.exit_code == 2 and "--what-next says what happens next with the party named by --waiting-on" in alone.output
    internal = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "Note.", "--waiting-on", "x", person="julia")
    assert internal.exit_code == 2 and "--waiting-on and --what-next belong to a public update" in internal.output
    empty = run(portal, *WAITING, "--waiting-on", " ", person="julia")
    assert empty.exit_code == 2 and "--waiting-on needs the name" in empty.output
    assert (portal / OPEN_PATH).read_bytes() == before


def test_pause_with_cover_is_recorded_and_said(portal: Path) -> None:
    """The owner pauses for 45 minutes from --at with cover; a repeat is refused with exit 1."""
    args = ("incident", "pause", OPEN_ID, "--until", "45m", "--cover", "farah", "--at", "5m")
    result = run(portal, *args, person="julia")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (f"{OPEN_ID}: julia paused until 18:40 UTC, farah covering; status monitoring; "
                                             "next update due 18:30 UTC (in 30 min)")
    text = (portal / OPEN_PATH).read_text()
    assert "    cover: bruno\n  - at: 2026-11-23T17:55:00Z\n    until: 2026-11-23T18:40:00Z\n    cover: farah\nupdates:\n" in text
    assert codes_in(portal, OPEN_PATH) == []
    again = run(portal, *args, person="julia")
    assert again.exit_code == 1 and "pauses[1] already records this pause; a duplicate" in again.output
    assert (portal / OPEN_PATH).read_text() == text


def test_pause_without_cover_asks_for_an_update_past_its_end(portal: Path) -> None:
    """The update due at 18:30 falls in the pause until 19:00: the command says so and the rule warns at the pause."""
    result = run(portal, "incident", "pause", OPEN_ID, "--until", "2026-11-23T19:00:00Z", person="julia")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(
        f"{OPEN_ID}: julia paused until 19:00 UTC without cover; post an update that commits to 19:00 UTC or later;")
    assert codes_in(portal, OPEN_PATH) == [("I313", ("pauses", 1))]
    result = run(portal, "incident", "update", OPEN_ID, "--status", "monitoring", "--message", "Normal; next update at 19:00 UTC.",
                 "--next-update", "2026-11-23T19:00:00Z", person="dana", now="2026-11-23T18:10:00Z")
    assert result.exit_code == 0, result.output
    assert codes_in(portal, OPEN_PATH, now="2026-11-23T18:10:00Z") == []


def test_only_the_owner_pauses_and_the_cover_is_someone_else(portal: Path) -> None:
    """Someone else, an unknown cover, the owner as cover and an end before the start are usage errors."""
    before = (portal / OPEN_PATH).read_bytes()
    other = run(portal, "incident", "pause", OPEN_ID, "--until", "30m", person="dana")
    assert other.exit_code == 2
    assert "julia owns incidents/2026/2026-11-23-api-increased-latency.md at 2026-11-23T18:00:00Z; only the owner" in other.output
    unknown = run(portal, "incident", "pause", OPEN_ID, "--until", "30m", "--cover", "zoe", person="julia")
    assert unknown.exit_code == 2 and "unknown person 'zoe' (from --cover)" in unknown.output
    itself = run(portal, "incident", "pause", OPEN_ID, "--until", "30m", "--cover", "julia", person="julia")
    assert itself.exit_code == 2 and "--cover must name someone other than the owner who pauses (julia)" in itself.output
    backwards = run(portal, "incident", "pause", OPEN_ID, "--until", "2026-11-23T17:00:00Z", person="julia")
    assert backwards.exit_code == 2 and "is not after the pause's start" in backwards.output
    assert (portal / OPEN_PATH).read_bytes() == before


def test_pause_help_names_its_options() -> None:
    """--help explains the command and every option."""
    from click.testing import CliRunner

    from generator.cli import cli

    text = CliRunner().invoke(cli, ["incident", "pause", "--help"]).output
    assert all(option in text for option in ("--until", "--cover", "--at", "--as"))
    assert "Without --cover, the next status update" in text
