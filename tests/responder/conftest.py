"""A copy of the example portal to run responder commands on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.validate import validate
from generator.clock import parse_now

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T18:00:00Z"
OPEN_ID = "2026-11-23-api-increased-latency"
OPEN_PATH = f"incidents/2026/{OPEN_ID}.md"


@pytest.fixture()
def portal(tmp_path: Path) -> Path:
    """Copy the example portal's configuration, people, incidents and rotations into a fresh root."""
    root = tmp_path / "portal"
    root.mkdir()
    for name in ("statusbook.yml", "people.yml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("incidents", "rotations"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def run(root: Path, *args: str, now: str = NOW, person: str | None = "alice", env: dict | None = None):
    """Run a statusbook command on ``root`` with a fixed --now and, unless None, --as."""
    extra = ["--root", str(root), "--now", now] + (["--as", person] if person else [])
    return CliRunner().invoke(cli, list(args) + extra, env=env or {"STATUSBOOK_USER": ""})


def errors_in(root: Path, *paths: str, now: str = NOW) -> list[str]:
    """Validate the root and return the errors about the given files, as text lines."""
    report = validate(root, parse_now(now))
    return [f"{p.path}:{p.line} [{p.code}] {p.message}" for p in report.problems if p.level.name == "ERROR" and p.path in paths]


def written(output: str) -> list[str]:
    """Return the files a command says it wrote, in its 'wrote PATH' lines."""
    return [line.removeprefix("wrote ") for line in output.splitlines() if line.startswith("wrote ")]
