"""The README's responder commands run as written, top to bottom, on a fresh copy of the example."""

from __future__ import annotations

import re
import shlex
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.site.conftest import REPO, copy_portal

README = (REPO / "README.md").read_text(encoding="utf-8")
MOMENTS = ("2026-11-23T18:10:00+00:00", "2026-12-04T12:00:00+00:00")


def responder_block() -> list[list[str]]:
    """Return the words of each command in the README's responder block, comments dropped."""
    block = re.search(r"```sh\n(\. \.venv/bin/activate\n.*?)```", README, re.S).group(1)
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def test_the_block_names_every_responder_command_family():
    commands = {words[1] for words in responder_block() if words[0] == "statusbook"}
    assert commands == {"triage", "incident", "comms", "postmortem", "maintenance", "oncall"}


@pytest.mark.parametrize("moment", MOMENTS)
def test_every_command_of_the_block_succeeds(tmp_path, monkeypatch, moment):
    monkeypatch.chdir(copy_portal(tmp_path / "portal"))
    epoch = str(int(datetime.fromisoformat(moment).astimezone(timezone.utc).timestamp()))
    env = {"SOURCE_DATE_EPOCH": epoch, "GITHUB_ACTIONS": ""}
    ran = 0
    for words in responder_block():
        if words[0] == "export":
            env.update(dict(pair.split("=", 1) for pair in words[1:]))
        elif words[0] == "statusbook":
            result = CliRunner().invoke(cli, words[1:], env=env)
            assert result.exit_code == 0, (words, result.output)
            ran += 1
    assert ran == 16
    result = CliRunner().invoke(cli, ["validate"], env=env)
    assert result.exit_code == 0, result.output
