"""Who is acting: --as, STATUSBOOK_USER, or git user.email mapped through people.yml."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.responder.conftest import OPEN_ID, OPEN_PATH, run

NOTE = ("incident", "update", OPEN_ID, "--internal", "--message", "Checked the dashboards.")


def last_author(root: Path) -> str:
    """Return the 'by' of the last timeline entry."""
    return (root / OPEN_PATH).read_text().split("    by: ")[-1].split("\n")[0]


def test_environment_variable_names_the_person(portal: Path) -> None:
    """STATUSBOOK_USER is used when --as is not given."""
    result = run(portal, *NOTE, person=None, env={"STATUSBOOK_USER": "chen"})
    assert result.exit_code == 0, result.output
    assert last_author(portal) == "chen"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_email_is_mapped_through_people(portal: Path) -> None:
    """Without --as or STATUSBOOK_USER, git user.email finds the person by contacts.email."""
    subprocess.run(["git", "init", "-q"], cwd=portal, check=True)
    subprocess.run(["git", "config", "user.email", "Dana@acme.example"], cwd=portal, check=True)
    result = run(portal, *NOTE, person=None, env={"STATUSBOOK_USER": ""})
    assert result.exit_code == 0, result.output
    assert last_author(portal) == "dana"
    subprocess.run(["git", "config", "user.email", "stranger@example.org"], cwd=portal, check=True)
    result = run(portal, *NOTE, person=None, env={"STATUSBOOK_USER": ""})
    assert result.exit_code == 2
    assert "stranger@example.org is not a contacts.email in people.yml" in result.output
