"""Run `statusbook init` in process with a controlled git identity and terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

NOW = "2026-12-04T18:00:00Z"
FLAGS = [
    "--name", "Example Status", "--url", "https://status.example.org/",
    "--internal-url", "https://records.example.org/", "--timezone", "Europe/Berlin",
    "--component", "api=Public API", "--component", "web=Website", "--teammate", "bob=Bob Baker",
    "--now", NOW,
]


def git_env(home: Path, name: str | None = "Ada Lovelace", email: str | None = "Ada.Lovelace@example.org") -> dict:
    """An environment whose only git configuration is a global file with the given identity."""
    config = home / "gitconfig"
    lines = ["[user]"] + ([f"  name = {name}"] if name else []) + ([f"  email = {email}"] if email else [])
    config.write_text("\n".join(lines) + "\n" if name or email else "", encoding="utf-8")
    return {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(home), "GITHUB_ACTIONS": ""}


def init(target: Path, *args: str, env: dict, stdin: str | None = None):
    """Run `statusbook init TARGET ARGS` and return the result."""
    return CliRunner().invoke(cli, ["init", str(target), *args], env=env, input=stdin)


@pytest.fixture()
def env(tmp_path: Path) -> dict:
    """A git identity of Ada Lovelace, outside any repository."""
    home = tmp_path / "home"
    home.mkdir()
    return git_env(home)


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No terminal unless a test says otherwise."""
    monkeypatch.setattr("generator.cli.init.interactive", lambda: False)
