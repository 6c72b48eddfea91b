"""`statusbook init`: a new portal that validates and builds at once, or nothing written at all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.clock import resolve_now
from generator.views.audience import Audience
from generator.scaffold import action_ref
from generator.validate import validate
from tests.hostile.tree import changes, snapshot
from tests.scaffold.conftest import FLAGS, NOW, git_env, init

PORTAL_FILES = [
    "statusbook.yml", "people.yml", "rotations/on-call.md", "incidents/README.md", ".gitignore",
    ".github/workflows/pull-request.yml", ".github/workflows/publish.yml", ".pre-commit-config.yaml", "README.md",
]


def clean_and_buildable(root: Path, now: datetime) -> None:
    """The portal validates with no problem at all and builds both audiences."""
    report = validate(root, now)
    assert (report.errors, report.warnings) == (0, 0), [p.message for p in report.problems]
    for audience in (Audience.PUBLIC, Audience.INTERNAL):
        result = build(root, audience, root / "site" / audience.value, now)
        assert result.built, audience
        assert (root / "site" / audience.value / "index.html").is_file()


def test_init_writes_a_portal_that_validates_and_builds(tmp_path: Path, env: dict) -> None:
    """Every file is listed, the person comes from git, and the portal is clean at --now."""
    root = tmp_path / "portal"
    done = init(root, *FLAGS, env=env)
    assert done.exit_code == 0, done.output
    assert [line.strip() for line in done.output.splitlines()[1:-1]] == PORTAL_FILES
    people = yaml.safe_load((root / "people.yml").read_text())["people"]
    assert people[0] == {"id": "ada-lovelace", "name": "Ada Lovelace", "contacts": {"email": "Ada.Lovelace@example.org"}}
    assert people[1] == {"id": "bob", "name": "Bob Baker"}
    assert yaml.safe_load((root / "statusbook.yml").read_text())["components"][0] == {
        "id": "api", "name": "Public API", "public": True}
    clean_and_buildable(root, resolve_now(NOW))


def test_generated_workflows_use_the_published_action(tmp_path: Path, env: dict) -> None:
    """The workflows call the action at its major version and install nothing themselves."""
    root = tmp_path / "portal"
    assert init(root, *FLAGS, env=env).exit_code == 0
    for name in ("pull-request.yml", "publish.yml"):
        text = (root / ".github/workflows" / name).read_text()
        assert f"uses: {action_ref()}" in text and "pip install" not in text, name


def test_example_records_are_valid_at_now(tmp_path: Path, env: dict) -> None:
    """--example adds a resolved incident with its postmortem and a maintenance ahead, all clean."""
    root = tmp_path / "portal"
    done = init(root, *FLAGS, "--example", env=env)
    assert done.exit_code == 0, done.output
    written = sorted(p.relative_to(root).as_posix() for p in (root / "incidents").rglob("*.md"))
    assert written == ["incidents/2026/2026-11-24-example-api-errors.md",
                       "incidents/2026/2026-11-24-example-api-errors.postmortem.md",
                       "incidents/2026/2026-12-11-example-database-upgrade.md", "incidents/README.md"]
    clean_and_buildable(root, resolve_now(NOW))


@pytest.mark.parametrize("now", ["2027-01-16T08:00:00Z", "2027-03-28T23:30:00Z", "2027-10-31T00:30:00Z"])
def test_the_portal_is_clean_whenever_init_runs(tmp_path: Path, env: dict, now: str) -> None:
    """Dates follow --now: from the 16th, across a change of summer time, with the examples."""
    root = tmp_path / "portal"
    flags = [*FLAGS[:-1], now, "--example"]
    assert init(root, *flags, env=env).exit_code == 0
    report = validate(root, resolve_now(now))
    assert (report.errors, report.warnings) == (0, 0), [p.message for p in report.problems]


def test_existing_files_are_listed_and_nothing_is_written(tmp_path: Path, env: dict) -> None:
    """A directory that holds any of the files is refused with exit 2, every clash named, the tree unchanged."""
    root = tmp_path / "portal"
    (root / "rotations").mkdir(parents=True)
    (root / "README.md").write_text("ours\n")
    (root / "rotations/on-call.md").write_text("ours\n")
    before = snapshot(root)
    done = init(root, *FLAGS, env=env)
    assert done.exit_code == 2
    assert "README.md" in done.output and "rotations/on-call.md" in done.output and "nothing was written" in done.output
    assert changes(before, snapshot(root)) == []


def test_without_a_terminal_a_missing_flag_is_named(tmp_path: Path, env: dict) -> None:
    """No --name and no terminal: exit 2 naming the flag, and nothing written."""
    flags = [f for i, f in enumerate(FLAGS) if f != "--name" and FLAGS[i - 1] != "--name"]
    done = init(tmp_path / "portal", *flags, env=env)
    assert done.exit_code == 2
    assert "Error: --name is required when there is no terminal to ask on" in done.output
    assert not (tmp_path / "portal").exists()


def test_without_a_git_identity_the_person_flags_are_needed(tmp_path: Path) -> None:
    """No git identity and no terminal: exit 2 naming --email; with the flags, init succeeds."""
    home = tmp_path / "home"
    home.mkdir()
    bare = git_env(home, name=None, email=None)
    done = init(tmp_path / "portal", *FLAGS, env=bare)
    assert done.exit_code == 2 and "--email is required" in done.output
    done = init(tmp_path / "portal", *FLAGS, "--email", "x@example.org", "--person-name", "X", "--person", "xavier", env=bare)
    assert done.exit_code == 0, done.output


def test_a_lone_person_is_asked_for_a_teammate(tmp_path: Path, env: dict) -> None:
    """The rotation needs two people (a person's shifts are a week apart): without --teammate, exit 2 saying why."""
    flags = [f for i, f in enumerate(FLAGS) if f != "--teammate" and FLAGS[i - 1] != "--teammate"]
    done = init(tmp_path / "portal", *flags, env=env)
    assert done.exit_code == 2 and "--teammate is required" in done.output and "a week apart" in done.output


def test_prompts_ask_for_what_is_missing(tmp_path: Path, env: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, missing values are asked; a bad answer is asked again."""
    monkeypatch.setattr("generator.cli.init.interactive", lambda: True)
    root = tmp_path / "portal"
    answers = "My Status\nhttps://status.example.org\nhttps://records.example.org/\nMars/Olympus\nUTC\napi=API, web=Website\nbob=Bob\n"
    done = init(root, "--now", NOW, env=env, stdin=answers)
    assert done.exit_code == 0, done.output
    assert "is not an IANA time zone" in done.output
    config = yaml.safe_load((root / "statusbook.yml").read_text())
    assert (config["name"], config["url"], config["timezone"]) == ("My Status", "https://status.example.org/", "UTC")
    assert [c["id"] for c in config["components"]] == ["api", "web"]
    clean_and_buildable(root, resolve_now(NOW))


def test_a_failure_midway_removes_exactly_what_this_run_created(tmp_path: Path, env: dict,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The third file fails: exit 1, and the directory (holding a file of its own) is exactly as before."""
    from generator.responder import edit

    root = tmp_path / "portal"
    root.mkdir()
    (root / "notes.txt").write_text("ours\n")
    before = snapshot(root)
    real, calls = edit.create_atomic, []

    def failing(target: Path, text: str) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError("disk full")
        real(target, text)

    monkeypatch.setattr(edit, "create_atomic", failing)
    done = init(root, *FLAGS, env=env)
    assert done.exit_code == 1
    assert "could not write rotations/on-call.md (disk full)" in done.output and "nothing else" in done.output
    assert changes(before, snapshot(root)) == []
