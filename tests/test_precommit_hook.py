"""The pre-commit hook that other repositories use runs a real `statusbook validate` on the right files."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import copy_portal

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-23T18:00:00Z"


def hook() -> dict:
    """The statusbook-validate hook of .pre-commit-hooks.yaml."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    found = [h for h in hooks if h["id"] == "statusbook-validate"]
    assert len(found) == 1, hooks
    return found[0]


def hook_command() -> list[str]:
    """What pre-commit runs: the entry split like a shell would, then the hook's args, then a fixed --now.

    pre-commit appends a user's `args` after the entry, so `--now` can be appended the same way. The program is
    looked up beside this Python first (the virtualenv that `language: python` would also create), then on PATH.
    """
    entry = hook()
    program, *rest = shlex.split(entry["entry"])
    resolved = Path(sys.executable).parent / program
    path = str(resolved) if resolved.is_file() else shutil.which(program)
    assert path, f"the hook's entry program {program!r} is not installed"
    return [path, *rest, *entry.get("args", []), "--now", NOW]


def plain_env() -> dict[str, str]:
    """The environment without what would change the output format or the clock."""
    return {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "SOURCE_DATE_EPOCH"}}


def test_the_hook_is_a_python_hook_that_checks_the_whole_portal() -> None:
    """pre-commit installs this package and runs one console script of it, once, without file names."""
    entry = hook()
    assert entry["language"] == "python"
    assert entry["pass_filenames"] is False
    assert entry["name"] and entry["description"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert shlex.split(entry["entry"])[:2] == ["statusbook", "validate"]
    assert "statusbook" in scripts


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("incidents/2026/2026-11-23-api-increased-latency.md", True),
        ("incidents/2026/2026-09-16-checkout-payments-failing.postmortem.md", True),
        ("rotations/platform-oncall.md", True),
        ("statusbook.yml", True),
        ("people.yml", True),
        ("README.md", False),
        ("docs/process.md", False),
        ("generator/cli/records.py", False),
        ("tests/cases/statusbook.yml", False),
        ("statusbook.yml.orig", False),
    ],
)
def test_the_hook_runs_when_records_or_configuration_change(path: str, runs: bool) -> None:
    """pre-commit matches `files` with re.search against paths relative to the repository root."""
    entry = hook()
    assert not entry.get("always_run", False)
    assert bool(re.search(entry["files"], path)) is runs


def test_the_hook_entry_validates_the_example_portal() -> None:
    """Run in the example portal, the entry is a real validation: it checks every file and finds no error."""
    done = subprocess.run(hook_command(), cwd=REPO, capture_output=True, text=True, timeout=120, env=plain_env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^\d+ files checked: 0 errors, \d+ warnings$", done.stdout, re.MULTILINE), done.stdout


def test_the_hook_entry_fails_a_commit_with_an_invalid_record(tmp_path: Path) -> None:
    """An incident naming an unknown commander makes the hook exit 1 and name the file."""
    root = copy_portal(tmp_path / "portal")
    record = root / "incidents" / "2026" / "2026-11-23-api-increased-latency.md"
    text = record.read_text(encoding="utf-8")
    commander = re.search(r"^commander: (\S+)$", text, re.MULTILINE)
    assert commander, "the example incident names its commander"
    record.write_text(text.replace(commander.group(0), "commander: nobody-by-this-name", 1), encoding="utf-8")
    done = subprocess.run(hook_command(), cwd=root, capture_output=True, text=True, timeout=120, env=plain_env())
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2026-11-23-api-increased-latency.md" in done.stdout
    assert "nobody-by-this-name" in done.stdout
