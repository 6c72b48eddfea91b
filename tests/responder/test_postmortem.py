"""statusbook postmortem new and postmortem action."""

from __future__ import annotations

from pathlib import Path

from generator.loading.records import load_postmortem
from generator.model.postmortem import REQUIRED_SECTIONS
from tests.responder.conftest import OPEN_ID, errors_in, run, written

RESOLVED_ID = "2026-11-13-invoice-currency-symbol"
NEW_PATH = f"incidents/2026/{RESOLVED_ID}.postmortem.md"
EXISTING_ID = "2026-11-20-dashboard-unavailable-europe"
EXISTING_PATH = f"incidents/2026/{EXISTING_ID}.postmortem.md"
CLOSED_PATH = "incidents/2026/2026-06-09-api-elevated-errors.postmortem.md"
ACTION = ("--title", "Alert on origin pools without healthy backends", "--owner", "farah", "--due", "2026-12-15")


def test_new_writes_a_valid_draft_for_a_resolved_incident(portal: Path) -> None:
    """The draft names the acting author, is internal, has every section and a timeline from the record."""
    result = run(portal, "postmortem", "new", RESOLVED_ID, person="bruno")
    assert result.exit_code == 0, result.output
    assert written(result.output) == [NEW_PATH]
    text = (portal / NEW_PATH).read_text()
    assert text.startswith("---\nstatus: draft\nauthors: [bruno]\npublic: false\ndrafted: 2026-11-23T18:00:00Z\n---\n")
    _, postmortem, problems = load_postmortem(NEW_PATH, text, None)
    assert problems == []
    assert [s.title for s in postmortem.sections] == list(REQUIRED_SECTIONS)
    assert "Public update (resolved)" in postmortem.section("Timeline").text
    assert errors_in(portal, NEW_PATH) == []


def test_new_refuses_an_existing_postmortem(portal: Path) -> None:
    """An existing postmortem is never replaced: exit 2 and the file is byte-identical."""
    before = (portal / EXISTING_PATH).read_bytes()
    result = run(portal, "postmortem", "new", EXISTING_ID)
    assert result.exit_code == 2
    assert f"{EXISTING_PATH} already exists" in result.output
    assert (portal / EXISTING_PATH).read_bytes() == before


def test_new_refuses_an_open_incident(portal: Path) -> None:
    """A postmortem follows the resolution: an open incident is a usage error and nothing is written."""
    result = run(portal, "postmortem", "new", OPEN_ID)
    assert result.exit_code == 2
    assert "is still monitoring" in result.output and "statusbook incident resolve" in result.output
    assert not (portal / f"incidents/2026/{OPEN_ID}.postmortem.md").exists()


def test_action_appends_an_open_item_keeping_comments_and_body(portal: Path) -> None:
    """The item lands at the end of action_items with every field; a comment and the body survive."""
    path = portal / EXISTING_PATH
    path.write_text(path.read_text().replace("drafted: 2026-11-21T11:00:00Z\n", "drafted: 2026-11-21T11:00:00Z  # shared in #inc\n"))
    body_before = path.read_text().split("\n---\n", 1)[1]
    result = run(portal, "postmortem", "action", EXISTING_ID, *ACTION, "--type", "mitigate", "--ticket", "OPS-660")
    assert result.exit_code == 0, result.output
    assert written(result.output) == [EXISTING_PATH]
    text = path.read_text()
    assert ("    ticket: OPS-655\n  - title: Alert on origin pools without healthy backends\n    owner: farah\n"
            "    due: 2026-12-15\n    type: mitigate\n    status: open\n    ticket: OPS-660\n---\n") in text
    assert "drafted: 2026-11-21T11:00:00Z  # shared in #inc\n" in text
    assert text.split("\n---\n", 1)[1] == body_before
    assert errors_in(portal, EXISTING_PATH) == []


def test_first_action_creates_the_list_with_defaults(portal: Path) -> None:
    """On a fresh draft the list is created after drafted; --type defaults to prevent and 2w is a day in Berlin."""
    run(portal, "postmortem", "new", RESOLVED_ID)
    result = run(portal, "postmortem", "action", RESOLVED_ID, "--title", "Test currency symbols: every locale",
                 "--owner", "bruno", "--due", "2w", now="2026-11-23T23:30:00Z")
    assert result.exit_code == 0, result.output
    text = (portal / NEW_PATH).read_text()
    assert ("drafted: 2026-11-23T18:00:00Z\naction_items:\n  - title: 'Test currency symbols: every locale'\n"
            "    owner: bruno\n    due: 2026-12-08\n    type: prevent\n    status: open\n---\n") in text
    assert errors_in(portal, NEW_PATH, now="2026-11-23T23:30:00Z") == []


def test_action_on_a_closed_postmortem_is_refused_byte_identical(portal: Path) -> None:
    """A new open item on a closed postmortem breaks P613: exit 1, the problem printed, the file unchanged."""
    before = (portal / CLOSED_PATH).read_bytes()
    result = run(portal, "postmortem", "action", "2026-06-09-api-elevated-errors", *ACTION)
    assert result.exit_code == 1
    assert f"{CLOSED_PATH}:" in result.output and "error [P613]" in result.output and "Refused" in result.output
    assert (portal / CLOSED_PATH).read_bytes() == before


def test_action_usage_errors(portal: Path) -> None:
    """No postmortem yet, an unknown owner, a bad due date or type exit 2 and write nothing."""
    before = (portal / EXISTING_PATH).read_bytes()
    cases = [
        ((RESOLVED_ID, *ACTION), "does not exist; start it with: statusbook postmortem new"),
        ((EXISTING_ID, "--title", "T", "--owner", "zoe", "--due", "2026-12-15"), "unknown person 'zoe' (from --owner)"),
        ((EXISTING_ID, "--title", "T", "--owner", "farah", "--due", "15.12.2026"), "--due '15.12.2026' is neither a date"),
        ((EXISTING_ID, *ACTION, "--type", "fix"), "'fix' is not one of"),
    ]
    for args, expected in cases:
        result = run(portal, "postmortem", "action", *args)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output
        assert "Traceback" not in result.output
    assert (portal / EXISTING_PATH).read_bytes() == before
    assert not (portal / NEW_PATH).exists()


def test_help_has_an_example(portal: Path) -> None:
    """Both postmortem commands document an example."""
    for command in ("new", "action"):
        result = run(portal, "postmortem", command, "--help", person=None)
        assert result.exit_code == 0
        assert "Example" in result.output and f"statusbook postmortem {command}" in result.output
