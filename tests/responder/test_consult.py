"""The severity consult and the environment: incident new --checked-with and --environment, and incident consult."""

from __future__ import annotations

from pathlib import Path

from generator.clock import parse_now
from generator.validate import validate
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, errors_in, run, written


def codes_of(portal: Path, path: str) -> list[str]:
    """Return the codes of the problems about one file."""
    return [p.code for p in validate(portal, parse_now(NOW)).problems if p.path == path]


def test_new_records_who_the_severity_was_checked_with(portal: Path) -> None:
    """--checked-with, repeated, lists each person once after the commander and clears I215."""
    result = run(portal, "incident", "new", "--title", "Checkout errors", "--severity", "SEV1", "--component",
                 "payments=major_outage", "--checked-with", "bruno", "--checked-with", "gustav", "--checked-with", "bruno")
    assert result.exit_code == 0, result.output
    (path,) = written(result.output)
    assert "declared SEV1 (payments major outage), commander julia (on duty in incident-managers), severity checked with bruno, gustav;" in result.output
    assert "commander: julia\nseverity_checked_with:\n  - bruno\n  - gustav\nupdates:\n" in (portal / path).read_text()
    assert "I215" not in codes_of(portal, path) and errors_in(portal, path) == []


def test_a_major_incident_declared_alone_is_warned_until_consulted(portal: Path) -> None:
    """Without --checked-with a SEV2 has I215; incident consult clears it and says so."""
    (path,) = written(run(portal, "incident", "new", "--title", "Checkout errors", "--severity", "SEV2",
                          "--component", "payments=partial_outage").output)
    assert "I215" in codes_of(portal, path)
    result = run(portal, "incident", "consult", Path(path).stem, "gustav")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{Path(path).stem}: severity SEV2 checked with gustav; status investigating")
    assert written(result.output) == [path]
    assert "I215" not in codes_of(portal, path)


def test_consult_refuses_a_duplicate_an_unknown_person_and_the_commander(portal: Path) -> None:
    """The example already lists gustav: again is refused (exit 1); an unknown person or the commander is a usage error (exit 2)."""
    before = (portal / OPEN_PATH).read_text()
    again = run(portal, "incident", "consult", OPEN_ID, "gustav")
    assert again.exit_code == 1 and "already says the severity was checked with gustav" in again.output
    unknown = run(portal, "incident", "consult", OPEN_ID, "zed")
    assert unknown.exit_code == 2 and "unknown person 'zed'" in unknown.output
    commander = run(portal, "incident", "consult", OPEN_ID, "julia")
    assert commander.exit_code == 2 and "julia is the commander" in commander.output
    assert (portal / OPEN_PATH).read_text() == before
    assert "Traceback" not in again.output + unknown.output + commander.output


def test_new_refuses_the_commander_as_their_own_consult(portal: Path) -> None:
    """--checked-with the commander is a usage error; nothing is written."""
    result = run(portal, "incident", "new", "--title", "Checkout errors", "--severity", "SEV1",
                 "--component", "payments=major_outage", "--checked-with", "julia")
    assert result.exit_code == 2 and "cannot be their own second opinion" in result.output
    assert not list((portal / "incidents" / "2026").glob("2026-11-23-checkout-errors.md"))


def test_new_records_a_staging_environment(portal: Path) -> None:
    """--environment staging is written and said; production is the default and left out."""
    result = run(portal, "incident", "new", "--title", "Staging deploys failing", "--severity", "SEV3",
                 "--component", "ci-runners=partial_outage", "--environment", "staging")
    assert result.exit_code == 0, result.output
    assert "declared SEV3 in staging (ci-runners partial outage)" in result.output
    (path,) = written(result.output)
    assert "\nenvironment: staging\n" in (portal / path).read_text()
    (plain,) = written(run(portal, "incident", "new", "--title", "Search slow", "--severity", "SEV3",
                           "--component", "search=degraded_performance").output)
    assert "environment:" not in (portal / plain).read_text()
    wrong = run(portal, "incident", "new", "--title", "X", "--severity", "SEV3", "--component", "search=degraded_performance",
                "--environment", "prod")
    assert wrong.exit_code == 2
