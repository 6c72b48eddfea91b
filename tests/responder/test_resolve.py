"""statusbook incident resolve: the wrap-up update, the resolved time and the postmortem skeleton."""

from __future__ import annotations

from pathlib import Path

from generator.loading.records import load_postmortem
from generator.model.postmortem import REQUIRED_SECTIONS
from tests.responder.conftest import OPEN_ID, OPEN_PATH, errors_in, run, written

POSTMORTEM_PATH = f"incidents/2026/{OPEN_ID}.postmortem.md"


def test_resolve_closes_the_record_and_drafts_the_postmortem(portal: Path) -> None:
    """SEV2 needs a postmortem: both files are written and validate without errors."""
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved. Latency was normal for an hour.")
    assert result.exit_code == 0, result.output
    assert written(result.output) == [OPEN_PATH, POSTMORTEM_PATH]
    text = (portal / OPEN_PATH).read_text()
    assert "mitigated: 2026-11-23T16:40:00Z\nresolved: 2026-11-23T18:00:00Z\nmitigation: failover\n" in text
    assert "status: resolved\n" in text
    assert "    status: resolved\n    message: Resolved. Latency was normal for an hour.\ndecisions:\n" in text
    assert errors_in(portal, OPEN_PATH, POSTMORTEM_PATH) == []


def test_postmortem_skeleton_has_every_section_and_a_timeline(portal: Path) -> None:
    """The draft names the acting author, is internal and lists updates and timeline in time order."""
    run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved.")
    text = (portal / POSTMORTEM_PATH).read_text()
    assert text.startswith("---\nstatus: draft\nauthors: [alice]\npublic: false\ndrafted: 2026-11-23T18:00:00Z\n---\n")
    _, postmortem, problems = load_postmortem(POSTMORTEM_PATH, text, None)
    assert problems == []
    assert [s.title for s in postmortem.sections] == list(REQUIRED_SECTIONS)
    timeline = postmortem.section("Timeline").text.splitlines()
    bullets = [line for line in timeline if line.startswith("- ")]
    assert bullets[0] == "- 2026-11-23 14:48 farah: p50 latency of API pods in zone eu-central-1b rises from 110 ms to 2.4 s; other zones normal."
    assert bullets[3].startswith("- 2026-11-23 15:08 Public update (investigating): Public API requests are slower")
    assert bullets[-1] == "- 2026-11-23 18:00 Public update (resolved): Resolved."
    assert bullets == sorted(bullets)


def test_resolve_keeps_an_existing_postmortem(portal: Path) -> None:
    """A postmortem already started is not overwritten."""
    (portal / POSTMORTEM_PATH).write_text("---\nstatus: draft\n---\nmine\n")
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved.")
    assert written(result.output)[:1] == [OPEN_PATH]
    assert (portal / POSTMORTEM_PATH).read_text() == "---\nstatus: draft\n---\nmine\n"


def test_resolve_without_postmortem_for_minor_severity(portal: Path) -> None:
    """A SEV3 incident declared and resolved gets no postmortem."""
    created = run(portal, "incident", "new", "--title", "Slow search", "--severity", "SEV3",
                  "--component", "search=degraded_performance").output
    created = written(created)[0]
    result = run(portal, "incident", "resolve", Path(created).stem, "--message", "Fixed.", now="2026-11-23T18:30:00Z")
    assert result.exit_code == 0, result.output
    assert written(result.output) == [created]
    assert not (portal / created.replace(".md", ".postmortem.md")).exists()
    assert errors_in(portal, created, now="2026-11-23T18:30:00Z") == []


def test_resolve_is_refused_with_a_pending_handoff(portal: Path) -> None:
    """Resolving while a handoff awaits acknowledgement breaks O403: nothing is written, not even the postmortem."""
    run(portal, "incident", "handoff", OPEN_ID, "--to", "bruno", "--status", "s", "--next-steps", "n", person="julia")
    before = (portal / OPEN_PATH).read_bytes()
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved.", now="2026-11-23T18:05:00Z")
    assert result.exit_code == 1
    assert "[O403]" in result.output
    assert (portal / OPEN_PATH).read_bytes() == before
    assert not (portal / POSTMORTEM_PATH).exists()


def test_resolve_twice_is_a_usage_error(portal: Path) -> None:
    """A resolved incident cannot be resolved again."""
    run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved.")
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Again.")
    assert result.exit_code == 2
    assert "already resolved" in result.output
