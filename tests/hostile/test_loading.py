"""Hostile roots: links out of the portal, special files, huge files and control characters in names.

A pull request can add a link but cannot change the runner, so every link that leads out of the portal must be
refused at its own path without its target ever being opened, and validate and build must fail cleanly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.publish.sitedir import write_site_marker
from tests.test_example_portal import DELIBERATE_WARNINGS
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import copy_portal

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T18:00:00Z"
MARKER = "ghp_SECRETMARKER0123456789"
SECRET = f"---\n{MARKER}: leaked\ntitle: {MARKER}\n---\n{MARKER}\n"
INCIDENT = "incidents/2026/2026-11-23-api-increased-latency.md"


@pytest.fixture()
def portal(tmp_path: Path) -> Path:
    """A copy of the example portal, with a folder of secrets beside it that it must never read."""
    root = copy_portal(tmp_path / "portal")
    outside = tmp_path / "outside"
    (outside / "nested").mkdir(parents=True)
    for name in ("secret.md", "secret.yml", "nested/secret.md", "secret.md.j2"):
        (outside / name).write_text(SECRET)
    return root


def link(root: Path, path: str, target: str | Path) -> None:
    """Make ``root/path`` a symbolic link to ``target``, replacing what was there."""
    where = root / path
    where.parent.mkdir(parents=True, exist_ok=True)
    if where.is_symlink() or where.exists():
        where.unlink()
    os.symlink(target, where)


def run(*args: str):
    """Run the CLI in this process."""
    return CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})


def run_apart(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI in its own process, failing the test if it blocks (as opening a FIFO would)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "GITHUB_ACTIONS": ""}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, timeout=60, env=env)


def errors(output: str) -> list[str]:
    """Keep the error lines of text output."""
    return [line for line in output.splitlines() if ": error [" in line]


def outside_line(root: Path, path: str) -> str:
    """The error for a link at ``path`` that leads out of ``root``."""
    return f"{path}:1:1: error [L013] links outside the portal are not read: {path} points outside {root}"


def absolute(root: Path, path: str) -> None:
    """Link a record to a record-like file outside, by absolute path."""
    link(root, path, root.parent / "outside" / "secret.md")


def relative(root: Path, path: str) -> None:
    """Link a record to a record-like file outside, by relative path."""
    link(root, path, "../../../outside/secret.md")


def chained(root: Path, path: str) -> None:
    """Link a record to a link inside the root that leads outside."""
    link(root, "hop.md", root.parent / "outside" / "secret.md")
    link(root, path, "../../hop.md")


def fifo(root: Path, path: str) -> None:
    """Link a record to a FIFO outside: opening it would block."""
    os.mkfifo(root.parent / "outside" / "pipe")
    link(root, path, root.parent / "outside" / "pipe")


def device(root: Path, path: str) -> None:
    """Link a record to an endless device."""
    link(root, path, "/dev/zero")


def folder(root: Path, path: str) -> None:
    """Link a record name to a folder outside."""
    link(root, path, root.parent / "outside")


OUTSIDE_RECORDS = {"absolute": absolute, "relative": relative, "chained": chained, "fifo": fifo,
                   "device": device, "folder": folder}
LEAK = "incidents/2026/2026-12-24-leak.md"


@pytest.mark.parametrize("make", OUTSIDE_RECORDS.values(), ids=OUTSIDE_RECORDS.keys())
def test_a_record_linked_outside_is_refused_at_its_path_and_never_opened(portal: Path, make) -> None:
    make(portal, LEAK)
    done = run_apart("validate", "--root", str(portal), "--now", NOW)
    assert done.returncode == 1, done.stdout + done.stderr
    assert errors(done.stdout) == [outside_line(portal, LEAK)]
    assert MARKER not in done.stdout + done.stderr


@pytest.mark.parametrize("target", ["outside", "outside/nested"])
def test_a_folder_linked_outside_is_refused_and_not_walked(portal: Path, target: str) -> None:
    link(portal, "incidents/archive", portal.parent / target)
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert result.exit_code == 1
    assert errors(result.stdout) == [outside_line(portal, "incidents/archive")]
    assert MARKER not in result.stdout + result.stderr


def test_the_incidents_folder_itself_linked_outside_is_refused(portal: Path) -> None:
    shutil.rmtree(portal / "incidents")
    shutil.copytree(REPO / "incidents", portal.parent / "outside" / "incidents")
    link(portal, "incidents", portal.parent / "outside" / "incidents")
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert result.exit_code == 1
    assert errors(result.stdout)[0] == outside_line(portal, "incidents")


@pytest.mark.parametrize(("path", "target"), [("statusbook.yml", "secret.yml"), ("people.yml", "secret.yml")])
def test_configuration_linked_outside_is_refused(portal: Path, path: str, target: str) -> None:
    link(portal, path, portal.parent / "outside" / target)
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert result.exit_code == 1
    assert outside_line(portal, path) in errors(result.stdout)
    assert MARKER not in result.stdout + result.stderr


def test_a_team_template_linked_outside_is_refused_by_validate_and_comms(portal: Path) -> None:
    path = "templates/comms/internal.md.j2"
    link(portal, path, portal.parent / "outside" / "secret.md.j2")
    checked = run("validate", "--root", str(portal), "--now", NOW)
    assert checked.exit_code == 1
    assert errors(checked.stdout) == [outside_line(portal, path)]
    sent = run("comms", "2026-11-23-api-increased-latency", "--template", "internal", "--root", str(portal), "--now", NOW)
    assert sent.exit_code == 2
    assert sent.stderr == f"Error: comms template {path}: links outside the portal are not read: {path} points outside {portal}\n"
    assert MARKER not in checked.stdout + sent.stdout + sent.stderr


def test_the_comms_folder_linked_outside_is_refused(portal: Path) -> None:
    link(portal, "templates", portal.parent / "outside")
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert errors(result.stdout) == [outside_line(portal, "templates")]


@pytest.mark.parametrize("path", [LEAK, "statusbook.yml", "people.yml", "templates/comms/internal.md.j2"])
def test_build_refuses_a_link_outside_and_leaves_the_site_untouched(portal: Path, tmp_path: Path, path: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the published site</p>")
    write_site_marker(site, "public")
    link(portal, path, portal.parent / "outside" / ("secret.md" if path.endswith(".md") else "secret.yml"))
    before = snapshot(tmp_path)
    result = run("build", "--root", str(portal), "--site-dir", str(site), "--now", NOW)
    assert result.exit_code == 1, result.output
    assert outside_line(portal, path) in errors(result.stderr)
    assert result.stderr.endswith(f"Error: the records are invalid; {site} was left unchanged.\n")
    assert changes(before, snapshot(tmp_path)) == []
    assert MARKER not in result.stdout + result.stderr


def test_a_link_inside_the_root_to_a_regular_file_is_read(portal: Path) -> None:
    clean = run("validate", "--root", str(portal), "--now", NOW)
    (portal / "archive").mkdir()
    os.replace(portal / INCIDENT, portal / "archive" / Path(INCIDENT).name)
    link(portal, INCIDENT, f"../../archive/{Path(INCIDENT).name}")
    linked = run("validate", "--root", str(portal), "--now", NOW)
    assert (linked.exit_code, linked.stdout) == (clean.exit_code, clean.stdout) == (0, clean.stdout)


def test_special_files_named_like_records_are_refused_and_never_opened(portal: Path) -> None:
    os.mkfifo(portal / "incidents" / "2026" / "pipe.md")
    link(portal, "rotations/pipe.md", "../incidents/2026/pipe.md")
    done = run_apart("validate", "--root", str(portal), "--now", NOW)
    assert done.returncode == 1
    assert errors(done.stdout) == [
        "incidents/2026/pipe.md:1:1: error [L014] incidents/2026/pipe.md is a FIFO, not a regular file; records are read only from regular files",
        "rotations/pipe.md:1:1: error [L014] rotations/pipe.md is a FIFO, not a regular file; records are read only from regular files",
    ]


def test_a_huge_sparse_file_is_refused_without_being_read(portal: Path) -> None:
    with open(portal / LEAK, "wb") as huge:
        huge.truncate(5 * 1024**3)
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert result.exit_code == 1
    assert errors(result.stdout) == [f"{LEAK}:1:1: error [L001] file is larger than 1000000 bytes"]


def test_a_nul_in_front_matter_is_placed_at_its_line_and_column(portal: Path) -> None:
    text = (portal / INCIDENT).read_text()
    (portal / INCIDENT).write_text(text.replace("title: ", "title: Increased\0", 1))
    result = run("validate", "--root", str(portal), "--now", NOW)
    assert result.exit_code == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("title: "))
    assert errors(result.stdout) == [
        f"{INCIDENT}:{line}:17: error [L005] YAML syntax error: unacceptable character #x0000 (control characters are not allowed); remove it"
    ]


def test_control_characters_in_a_file_name_stay_on_one_line_in_every_format(portal: Path) -> None:
    name = "incidents/2026/bad\nname\t\x1b[31m.md"
    (portal / name).write_text("no front matter\n")
    text = run("validate", "--root", str(portal), "--now", NOW)
    assert text.exit_code == 1
    assert errors(text.stdout) == [
        "incidents/2026/bad\\nname\\t\\x1b[31m.md:1:1: error [L003] missing front matter: the file must start with a line '---'"
    ]
    assert len(text.stdout.splitlines()) == len(DELIBERATE_WARNINGS) + 1 + 1  # the example's warnings, the error, the count
    as_json = run("validate", "--root", str(portal), "--now", NOW, "--format", "json")
    assert [p["path"] for p in json.loads(as_json.stdout) if p["severity"] == "error"] == [name]
    github = run("validate", "--root", str(portal), "--now", NOW, "--format", "github")
    annotations = [line for line in github.stdout.splitlines() if line.startswith("::error")]
    assert annotations == ["::error file=incidents/2026/bad%0Aname\\t\\x1b[31m.md,line=1,col=1,title=L003::"
                           "missing front matter: the file must start with a line '---'"]


def test_an_edit_refuses_a_record_linked_outside_and_keeps_the_link(portal: Path) -> None:
    name = Path(INCIDENT).name
    shutil.copy(portal / INCIDENT, portal.parent / "outside" / name)
    link(portal, INCIDENT, portal.parent / "outside" / name)
    before = snapshot(portal.parent)
    result = run("incident", "update", Path(name).stem, "--status", "monitoring", "--message", "Still watching.",
                 "--root", str(portal), "--now", NOW, "--as", "alice")
    assert result.exit_code == 2, result.output
    assert f"links outside the portal are not read: {INCIDENT} points outside {portal}" in result.stderr
    assert changes(before, snapshot(portal.parent)) == []
