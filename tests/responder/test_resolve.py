"""statusbook incident resolve: the wrap-up update, the resolved time and the postmortem skeleton."""

from __future__ import annotations

from pathlib import Path

from generator.loading.records import load_postmortem
from generator.model.postmortem import REQUIRED_SECTIONS
from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, errors_in, run, written

POSTMORTEM_PATH = f"incidents/2026/{OPEN_ID}.postmortem.md"


def test_resolve_closes_the_record_and_drafts_the_postmortem(portal: Path) -> None:
    """SEV2 needs a postmortem: both files are written and validate without errors."""
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved. Latency was normal for an hour.")
    assert result.exit_code == 0, result.output
    assert written(result.output) == [OPEN_PATH, POSTMORTEM_PATH]
    text = (portal / OPEN_PATH).read_text()
    assert "mitigated: 2026-11-23T16:40:00Z\nresolved: 2026-11-23T18:00:00Z\nmitigation: failover\n" in text
    assert "status: resolved\n" in text
    assert ("    status: resolved\n    message: |\n      Resolved. Latency was normal for an hour.\n\n"
            "      The postmortem is due by 2026-11-25 18:00 UTC.\n    postmortem_due: 2026-11-25T18:00:00Z\ndecisions:\n") in text
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
    assert bullets[-1] == "- 2026-11-23 18:00 Public update (resolved): Resolved. The postmortem is due by 2026-11-25 18:00 UTC."
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
    assert "postmortem_due" not in (portal / created).read_text() and "postmortem due" not in result.output
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


def test_the_wrap_up_names_the_postmortem_due_time_and_the_prevention(portal: Path) -> None:
    """With --prevention, both fields are written, the message ends with them, the command says the due time and I316 is clear."""
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved. Latency was normal for an hour.",
                 "--prevention", "we alert on per-zone latency and drain a slow zone automatically.")
    assert result.exit_code == 0, result.output
    assert "postmortem due 2026-11-25 18:00 UTC (in 2 d)" in result.output.splitlines()[0]
    text = (portal / OPEN_PATH).read_text()
    assert ("      Resolved. Latency was normal for an hour.\n\n      To prevent a recurrence: we alert on per-zone latency "
            "and drain a slow zone automatically. The postmortem is due by 2026-11-25 18:00 UTC.\n"
            "    postmortem_due: 2026-11-25T18:00:00Z\n"
            "    prevention: we alert on per-zone latency and drain a slow zone automatically.\n") in text
    report = validate(portal, parse_now(NOW))
    assert [p for p in report.problems if p.path == OPEN_PATH and p.code == "I316"] == []


def test_a_wrap_up_without_prevention_says_so_and_is_warned(portal: Path) -> None:
    """Without --prevention the command says what is missing, and I316 warns of the prevention only."""
    result = run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved.")
    assert "(no --prevention: say how recurrence is prevented)" in result.output
    report = validate(portal, parse_now(NOW))
    (problem,) = [p for p in report.problems if p.path == OPEN_PATH and p.code == "I316"]
    assert "how recurrence is prevented (prevention)" in problem.message and "postmortem_due" not in problem.message
