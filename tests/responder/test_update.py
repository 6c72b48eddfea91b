"""statusbook incident update: public updates and internal timeline events, refused when they break a rule."""

from __future__ import annotations

from pathlib import Path

from tests.responder.conftest import OPEN_ID, OPEN_PATH, errors_in, run

COMMENTED = "# Keep this comment.\n"


def add_comment(root: Path) -> None:
    """Put a comment into the open incident's front matter, to see that edits keep it."""
    path = root / OPEN_PATH
    path.write_text(path.read_text().replace("commander: julia\n", "commander: julia  # on duty\n" + COMMENTED, 1))


def test_update_appends_a_public_update_with_the_cadence(portal: Path) -> None:
    """The update is appended, the status follows it and the next update is now plus SEV2's 1h."""
    add_comment(portal)
    body_before = (portal / OPEN_PATH).read_text().split("\n---\n", 1)[1]
    result = run(portal, "incident", "update", OPEN_ID, "--status", "identified", "--message", "Zone 1b: packet loss.")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert "status: identified\npublic: true\n" in text
    expected = ("  - at: 2026-11-23T18:00:00Z\n    by: alice\n    status: identified\n    message: 'Zone 1b: packet loss.'\n"
                "    next_update: 2026-11-23T19:00:00Z\ndecisions:\n")
    assert expected in text
    assert "commander: julia  # on duty\n" + COMMENTED in text
    assert text.split("\n---\n", 1)[1] == body_before
    assert errors_in(portal, OPEN_PATH) == []


def test_update_takes_a_next_update_duration_or_timestamp(portal: Path) -> None:
    """--next-update accepts 30m and an offset timestamp, written in UTC."""
    run(portal, "incident", "update", OPEN_ID, "--status", "monitoring", "--message", "A", "--next-update", "30m")
    result = run(portal, "incident", "update", OPEN_ID, "--status", "monitoring", "--message", "B",
                 "--next-update", "2026-11-23T19:15:00+01:00", now="2026-11-23T18:10:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert "    message: A\n    next_update: 2026-11-23T18:30:00Z\n" in text
    assert "    message: B\n    next_update: 2026-11-23T18:15:00Z\n" in text
    assert errors_in(portal, OPEN_PATH, now="2026-11-23T18:10:00Z") == []


def test_internal_update_appends_a_timeline_event(portal: Path) -> None:
    """--internal adds {at, by, event} by the acting person and leaves the updates alone."""
    before = (portal / OPEN_PATH).read_text()
    result = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "yes", person="ivan")
    assert result.exit_code == 0, result.output
    text = (portal / OPEN_PATH).read_text()
    assert text.count("  - at:") == before.count("  - at:") + 1
    assert "  - at: 2026-11-23T18:00:00Z\n    by: ivan\n    event: \"yes\"\n---\n" in text
    assert "status: monitoring\n" in text
    assert errors_in(portal, OPEN_PATH) == []


def test_refused_update_leaves_the_file_byte_identical(portal: Path) -> None:
    """A next update before the update itself breaks I305: exit 1, problems printed, nothing written."""
    before = (portal / OPEN_PATH).read_bytes()
    result = run(portal, "incident", "update", OPEN_ID, "--status", "identified", "--message", "x",
                 "--next-update", "2026-11-23T17:00:00Z")
    assert result.exit_code == 1
    assert f"{OPEN_PATH}:" in result.output and "error [I305]" in result.output
    assert "Refused" in result.output
    assert (portal / OPEN_PATH).read_bytes() == before
    assert not [p for p in (portal / "incidents/2026").iterdir() if p.name.endswith(".tmp")]


def test_resolving_through_update_is_refused(portal: Path) -> None:
    """Status resolved without the resolved time breaks I204; the message points at incident resolve."""
    before = (portal / OPEN_PATH).read_bytes()
    result = run(portal, "incident", "update", OPEN_ID, "--status", "resolved", "--message", "Done.")
    assert result.exit_code == 1
    assert "[I204]" in result.output and "statusbook incident resolve" in result.output
    assert (portal / OPEN_PATH).read_bytes() == before


def test_update_usage_errors(portal: Path) -> None:
    """An unknown id, a missing --status, a bad --next-update and a closed incident exit 2 without a traceback."""
    cases = [
        (("2026-01-01-nothing", "--status", "identified"), "no incident '2026-01-01-nothing'"),
        ((OPEN_ID,), "--status is required"),
        ((OPEN_ID, "--status", "identified", "--next-update", "soon"), "neither a duration"),
        (("2026-11-20-dashboard-unavailable-europe", "--status", "monitoring"), "already resolved"),
    ]
    for args, expected in cases:
        result = run(portal, "incident", "update", *args, "--message", "m")
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output
        assert "Traceback" not in result.output


def test_acting_person_must_be_known(portal: Path) -> None:
    """An --as that people.yml does not list exits 2 and writes nothing."""
    before = (portal / OPEN_PATH).read_bytes()
    result = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "m", person="zoe")
    assert result.exit_code == 2
    assert "unknown person 'zoe' (from --as)" in result.output
    assert (portal / OPEN_PATH).read_bytes() == before


def test_broken_record_is_a_usage_error(portal: Path) -> None:
    """A record whose front matter is not YAML is reported, not edited, and no traceback is shown."""
    path = portal / OPEN_PATH
    path.write_text(path.read_text().replace("public: true\n", "public: [true\n", 1))
    before = path.read_bytes()
    result = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "m")
    assert result.exit_code == 2
    assert "front matter is not valid YAML" in result.output and "Traceback" not in result.output
    assert path.read_bytes() == before
