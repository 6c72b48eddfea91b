"""The command line: exit codes, formats and messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

CASES = Path(__file__).parent / "cases"
NOW = ["--now", "2026-06-10T12:00:00Z"]


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A valid root: the case base plus one clean incident."""
    target = tmp_path / "root"
    shutil.copytree(CASES / "base", target)
    shutil.copytree(CASES / "valid" / "incident-resolved", target, dirs_exist_ok=True)
    return target


def invoke(*args: str, env: dict | None = None):
    """Run the CLI and return the result."""
    return CliRunner().invoke(cli, list(args), env=env or {"GITHUB_ACTIONS": ""})


def break_record(root: Path) -> Path:
    """Make the root's incident invalid and return its path."""
    path = root / "incidents/2026/2026-06-01-slow-api.md"
    path.write_text(path.read_text().replace("public: true", "public: yes"))
    return path


def test_valid_root_exits_zero(root: Path) -> None:
    """No problems: exit 0 and a count."""
    result = invoke("validate", "--root", str(root), *NOW)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 errors, 0 warnings")


def test_invalid_record_exits_one_with_location(root: Path) -> None:
    """An invalid record: exit 1 and path:line:col."""
    break_record(root)
    result = invoke("validate", "--root", str(root), *NOW)
    assert result.exit_code == 1
    assert "incidents/2026/2026-06-01-slow-api.md:6:9: error [S003] public: 'yes'" in result.output


def test_json_format(root: Path) -> None:
    """--format json prints a list of problem objects."""
    break_record(root)
    result = invoke("validate", "--root", str(root), *NOW, "--format", "json")
    assert [item["code"] for item in json.loads(result.output)] == ["S003"]


def test_github_format_is_chosen_on_github_actions(root: Path) -> None:
    """GITHUB_ACTIONS=true switches to annotations."""
    break_record(root)
    result = invoke("validate", "--root", str(root), *NOW, env={"GITHUB_ACTIONS": "true"})
    assert result.output.startswith("::error file=incidents/2026/2026-06-01-slow-api.md,line=6,col=9,title=S003::")


def test_strict_fails_on_warnings(root: Path) -> None:
    """Warnings pass unless --strict."""
    path = root / "incidents/2026/2026-06-01-slow-api.md"
    path.write_text(path.read_text().replace("commander: alice\n", "commander: alice\nsummry: x\n"))
    assert invoke("validate", "--root", str(root), *NOW).exit_code == 0
    assert invoke("validate", "--root", str(root), *NOW, "--strict").exit_code == 1


def test_usage_errors_exit_two(root: Path, tmp_path: Path) -> None:
    """A bad --now or a root without statusbook.yml is a usage error."""
    bad_now = invoke("validate", "--root", str(root), "--now", "yesterday")
    assert bad_now.exit_code == 2 and "--now" in bad_now.output
    empty = invoke("validate", "--root", str(tmp_path))
    assert empty.exit_code == 2 and "has no statusbook.yml" in empty.output


def test_schema_command_writes_valid_json_schemas(tmp_path: Path) -> None:
    """Every record type gets a JSON Schema."""
    result = invoke("schema", "--out", str(tmp_path))
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["incident.schema.json", "people.schema.json", "postmortem.schema.json", "rotation.schema.json", "statusbook.schema.json"]
