"""statusbook incident link."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, errors_in, run, written


def new_sev2(portal: Path) -> str:
    """Declare a SEV2 and return its path."""
    (path,) = written(run(portal, "incident", "new", "--title", "Checkout errors", "--severity", "SEV2",
                          "--component", "payments=partial_outage").output)
    return path


def i207_in(portal: Path, path: str) -> list[str]:
    """Return the I207 messages about one file."""
    return [p.message for p in validate(portal, parse_now(NOW)).problems if p.code == "I207" and p.path == path]


def test_channel_and_bridge_links_clear_the_warning(portal: Path) -> None:
    """A channel without --title is named after the id; with a bridge too, I207 is gone."""
    created = new_sev2(portal)
    incident_id = Path(created).stem
    assert i207_in(portal, created)
    result = run(portal, "incident", "link", incident_id, "channel", "https://acme.slack.com/archives/C0999")
    assert result.exit_code == 0, result.output
    result = run(portal, "incident", "link", incident_id, "bridge", "https://meet.acme.example/inc", "--title", "Bridge")
    assert result.exit_code == 0, result.output
    text = (portal / created).read_text()
    channel = "#inc-" + incident_id[:10].replace("-", "") + incident_id[10:]
    assert f"commander: julia\nlinks:\n  - kind: channel\n    url: https://acme.slack.com/archives/C0999\n    title: '{channel}'\n" in text
    assert "  - kind: bridge\n    url: https://meet.acme.example/inc\n    title: Bridge\n" in text
    assert i207_in(portal, created) == [] and errors_in(portal, created) == []


def test_other_schemes_and_kinds_are_usage_errors(portal: Path) -> None:
    """javascript: and an unknown kind change nothing (exit 2)."""
    before = (portal / OPEN_PATH).read_text()
    result = run(portal, "incident", "link", OPEN_ID, "doc", "javascript:alert(1)")
    assert result.exit_code == 2 and "is not an http(s) or relative URL" in result.output
    assert run(portal, "incident", "link", OPEN_ID, "pager", "https://x.example").exit_code == 2
    assert (portal / OPEN_PATH).read_text() == before


def test_the_same_link_twice_is_refused(portal: Path) -> None:
    """A link of the same kind and address is refused (exit 1); the record is unchanged."""
    before = (portal / OPEN_PATH).read_text()
    result = run(portal, "incident", "link", OPEN_ID, "ticket", "https://tracker.acme.example/browse/INC-311")
    assert result.exit_code == 1 and "already links this ticket" in result.output
    assert (portal / OPEN_PATH).read_text() == before
