"""Tests of the checks: section of statusbook.yml: a portal turns warnings off or raises them to errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.clock import parse_now
from generator.validate import validate

CASES = Path(__file__).parent.parent / "cases"
NOW = "2026-06-10T12:00:00Z"
MISSED = "incidents/2026/2026-06-01-slow-api.md:21:9"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A root whose one incident posted an update later than committed: warning I306."""
    target = tmp_path / "root"
    shutil.copytree(CASES / "base", target)
    shutil.copytree(CASES / "invalid" / "rule-missed-update", target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return target


def set_checks(root: Path, section: str) -> None:
    """Append a checks: section to the root's statusbook.yml."""
    config = root / "statusbook.yml"
    config.write_text(config.read_text() + f"checks:\n{section}")


def run_validate(root: Path):
    """Validate the root on the command line."""
    return CliRunner().invoke(cli, ["validate", "--root", str(root), "--now", NOW], env={"GITHUB_ACTIONS": ""})


def test_warning_stays_a_warning_by_default(root: Path) -> None:
    """Without a checks: section, I306 is a warning and validation passes."""
    result = run_validate(root)
    assert result.exit_code == 0, result.output
    assert f"{MISSED}: warning [I306]" in result.output


def test_warning_turned_off_disappears(root: Path) -> None:
    """I306: off removes the warning and leaves nothing else."""
    set_checks(root, "  I306: off\n")
    result = run_validate(root)
    assert result.exit_code == 0, result.output
    assert "I306" not in result.output
    assert result.output.strip().endswith("0 errors, 0 warnings")


def test_warning_raised_to_error_fails_validation(root: Path) -> None:
    """I306: error reports the same problem as an error, and validation exits 1."""
    set_checks(root, "  I306: error\n")
    result = run_validate(root)
    assert result.exit_code == 1, result.output
    assert f"{MISSED}: error [I306]" in result.output


def test_unknown_code_suggests_the_closest(root: Path) -> None:
    """A code in lower case is not a rule code; the message suggests the real one, at the key."""
    set_checks(root, "  i306: off\n")
    [problem] = [p for p in validate(root, parse_now(NOW)).problems if p.code == "S013"]
    assert (problem.path, problem.line, problem.column) == ("statusbook.yml", 15, 3)
    assert "'i306' is not a rule code (did you mean 'I306'?)" in problem.message


def test_error_rule_stays_an_error(root: Path) -> None:
    """An error rule cannot be lowered or turned off: that entry is S013 and the rule still runs."""
    set_checks(root, "  I305: warning\n")
    problems = validate(root, parse_now(NOW)).problems
    assert [(p.code, p.line, p.column) for p in problems if p.path == "statusbook.yml"] == [("S013", 15, 9)]
