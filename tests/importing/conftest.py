"""A small portal and a Statuspage export to import into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "statuspage"
NOW = "2026-11-30T12:00:00Z"


@pytest.fixture()
def portal(tmp_path: Path) -> Path:
    """Copy the small portal (website and api, SEV1-SEV3, no incidents yet) into a fresh root."""
    return Path(shutil.copytree(DATA / "portal", tmp_path / "portal"))


def run_import(root: Path, *args: str, now: str = NOW):
    """Run statusbook import statuspage on ``root`` with a fixed --now."""
    return CliRunner().invoke(cli, ["import", "statuspage", *args, "--root", str(root), "--now", now])
