"""statusbook build into careless or hostile site directories: records, checkouts, foreign files, mounts, kills, races."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import __version__
from generator.cli import cli
from generator.publish import sitedir
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import NOW, REPO, build_site, copy_portal, site_files

LATER = "2026-11-24T12:00:00Z"
DOCS = (REPO / "docs" / "publishing.md").read_text(encoding="utf-8")
# A build records what it wrote beside the site folder, for the next build (tests/publish/test_incremental.py).
CACHE_UPDATED = "~ .statusbook-cache/site.json"


def make_portal(folder: Path) -> Path:
    """Copy the example portal into ``folder`` and make it look like a git checkout."""
    root = copy_portal(folder)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


def run_build(root: Path, site_dir: Path | str, *extra: str, now: str = NOW):
    """Run statusbook build through the CLI and return the result."""
    return CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(site_dir), "--now", now, *extra])


def scratch_beside(site_dir: Path) -> list[str]:
    """Names of scratch folders beside ``site_dir``."""
    return sorted(p.name for p in site_dir.parent.iterdir() if p.name.startswith(f".{site_dir.name}.statusbook-"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, bytes]:
    """The files of a clean public build of the example portal, as of NOW."""
    base = tmp_path_factory.mktemp("reference")
    assert build_site(copy_portal(base / "portal"), base / "site").built
    return site_files(base / "site")


@pytest.fixture
def portal(tmp_path) -> Path:
    """A fresh copy of the example portal under tmp_path/portal, with a .git folder."""
    return make_portal(tmp_path / "portal")


@pytest.fixture
def previous(portal, tmp_path) -> Path:
    """A site directory holding a previous build (as of an earlier moment than NOW)."""
    site_dir = tmp_path / "site"
    assert run_build(portal, site_dir, now=LATER).exit_code == 0
    return site_dir


ROOT = "is the portal root; building there would replace your records. Pass --site-dir site/public (the default)"
REFUSED = [
    (".", ROOT),
    ("{root}", ROOT),
    ("{link}", ROOT),
    ("incidents", "is inside the portal's incidents/; building there would replace your records"),
    ("incidents/2026", "is inside the portal's incidents/; building there would replace your records"),
    ("rotations", "is inside the portal's rotations/; building there would replace your records"),
    ("..", "contains the portal root {root}; building there would replace your records"),
    (".git", "is inside the portal's .git/; building there would replace your records"),
]


@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
@pytest.mark.parametrize(("given", "message"), REFUSED, ids=[g for g, _ in REFUSED])
def test_site_dir_on_the_records_is_refused_and_changes_nothing(portal, tmp_path, monkeypatch, given, message, force):
    os.symlink(portal, tmp_path / "link")
    monkeypatch.chdir(portal)
    before = snapshot(tmp_path)
    site_dir = given.format(root=portal, link=tmp_path / "link")
    result = CliRunner().invoke(cli, ["build", "--root", ".", "--site-dir", site_dir, "--now", NOW] + ["--force"] * force)
    assert result.exit_code == 2, result.output
    assert f"Error: site-dir {site_dir} {message.format(root=portal)}" in result.output
    assert "Traceback" not in result.output and "Checked" not in result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_a_foreign_directory_is_refused_unchanged(portal, tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.tex").write_text("\\chapter{Introduction}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_build(portal, thesis)
    assert result.exit_code == 2
    assert (f"Error: site-dir {thesis} is not empty and is not a previous Statusbook build (it has no .statusbook-site); "
            "building there would delete its files. Pass an empty or new directory, or --force") in result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_force_replaces_a_foreign_directory_as_documented(portal, tmp_path, reference):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.tex").write_text("\\chapter{Introduction}\n", encoding="utf-8")
    before = snapshot(tmp_path, skip=(thesis,))
    result = run_build(portal, thesis, "--force")
    assert result.exit_code == 0, result.output
    assert site_files(thesis) == reference
    assert changes(before, snapshot(tmp_path, skip=(thesis,))) == ["+ .statusbook-cache", "+ .statusbook-cache/thesis.json"]
    assert "`--force` replaces a non-empty directory that is not a Statusbook build" in DOCS


@pytest.mark.parametrize("top", [".git", "statusbook.yml", "people.yml"])
def test_a_checkout_or_portal_is_refused_even_with_force(portal, tmp_path, top):
    pages = tmp_path / "gh-pages"
    pages.mkdir()
    (pages / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (pages / top).mkdir() if top == ".git" else (pages / top).write_text("x: 1\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_build(portal, pages, "--force")
    assert result.exit_code == 2
    assert f"Error: site-dir {pages} holds {top}: it is a git checkout or a portal, which Statusbook never replaces, " \
           "not even with --force" in result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_a_copy_of_records_is_refused_even_with_force(portal, tmp_path):
    copy = tmp_path / "backup"
    copy.mkdir()
    (copy / "incidents").mkdir()
    (copy / "incidents" / "old.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_build(portal, copy, "--force")
    assert result.exit_code == 2
    assert "holds incidents/ and is not a previous Statusbook build: it looks like records" in result.output
    assert changes(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_missing_or_empty_directory_is_built(portal, tmp_path, reference, state):
    site_dir = tmp_path / "out" / "site"
    if state == "empty":
        site_dir.mkdir(parents=True)
    before = snapshot(tmp_path, skip=(tmp_path / "out",))
    result = run_build(portal, site_dir)
    assert result.exit_code == 0, result.output
    assert site_files(site_dir) == reference
    marker = json.loads((site_dir / ".statusbook-site").read_text(encoding="utf-8"))
    assert marker == {"generator": "statusbook", "version": __version__, "audience": "public", "build": marker["build"]}
    assert re.fullmatch(r"[0-9a-f]{32}", marker["build"])
    assert changes(before, snapshot(tmp_path, skip=(tmp_path / "out",))) == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".statusbook-cache", "site"]


def test_a_previous_build_is_replaced_with_files_a_user_added(portal, previous, tmp_path, reference):
    (previous / "notes.txt").write_text("added by hand\n", encoding="utf-8")
    before = snapshot(tmp_path, skip=(previous,))
    result = run_build(portal, previous)
    assert result.exit_code == 0, result.output
    assert site_files(previous) == reference
    changed = changes(before, snapshot(tmp_path, skip=(previous,)))
    assert [line for line in changed if not line.startswith("+ .statusbook-cache/site.spare")] == [CACHE_UPDATED]
    assert "+ .statusbook-cache/site.spare/site/notes.txt" in changed
    assert "files you added to a previous build are removed" in DOCS
    assert run_build(portal, previous).exit_code == 0
    assert list(tmp_path.rglob("notes.txt")) == []


def busy_site(monkeypatch, site_dir: Path) -> None:
    """Make renaming or exchanging ``site_dir`` itself fail with EBUSY, as it does for a mount point."""
    real_exchange, real_rename = sitedir.exchange, Path.rename
    target = site_dir.resolve()

    def exchange(first, second):
        if Path(second) == target:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(first))
        real_exchange(first, second)

    def rename(self, other):
        if Path(self) == target or Path(other) == target:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))
        return real_rename(self, other)

    monkeypatch.setattr(sitedir, "exchange", exchange)
    monkeypatch.setattr(Path, "rename", rename)


def test_a_site_that_cannot_be_renamed_has_its_contents_swapped(portal, previous, tmp_path, reference, monkeypatch):
    busy_site(monkeypatch, previous)
    before = snapshot(tmp_path, skip=(previous,))
    result = run_build(portal, previous)
    assert result.exit_code == 0, result.output
    assert site_files(previous) == reference
    assert changes(before, snapshot(tmp_path, skip=(previous,))) == [CACHE_UPDATED]


@pytest.mark.parametrize("step", ["bring_one", "clear_out"])
def test_a_failure_in_the_middle_of_a_contents_swap_leaves_the_previous_site(portal, previous, tmp_path, monkeypatch, step):
    busy_site(monkeypatch, previous)
    before = snapshot(tmp_path)
    real_step, calls = getattr(sitedir.Journal, step), []

    def failing(journal, *args, **kwargs):
        calls.append(args)
        if len(calls) == 3 or step == "clear_out":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(previous / "x"))
        return real_step(journal, *args, **kwargs)

    monkeypatch.setattr(sitedir.Journal, step, failing)
    result = run_build(portal, previous)
    assert result.exit_code == 1
    assert f"Error: could not publish the site into {previous}: No space left on device" in result.output
    assert "Traceback" not in result.output
    assert changes(before, snapshot(tmp_path)) == []


def tmpfs_or_skip(folder: Path) -> Path:
    """Mount a tmpfs at ``folder``, or skip where mounting is not permitted."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "statusbook-test", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    return folder


def test_a_real_mount_point_is_built_and_rebuilt_in_place(portal, tmp_path, reference):
    mount = tmpfs_or_skip(tmp_path / "mnt")
    try:
        assert os.path.ismount(mount)
        assert run_build(portal, mount, now=LATER).exit_code == 0
        result = run_build(portal, mount)
        assert result.exit_code == 0, result.output
        assert site_files(mount) == reference and os.path.ismount(mount)
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_permission_denied_while_writing_is_a_clear_error(portal, previous, tmp_path, monkeypatch):
    before = snapshot(tmp_path)

    def denied(parent, prefix):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(parent))

    monkeypatch.setattr("generator.publish.mkdocs_site.make_scratch", denied)
    result = run_build(portal, previous)
    assert result.exit_code == 1
    assert f"Error: could not publish the site into {previous}: Permission denied ({tmp_path})" in result.output
    assert "Traceback" not in result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_a_full_disk_at_the_swap_is_a_clear_error(portal, previous, tmp_path, monkeypatch):
    before = snapshot(tmp_path)

    def full(first, second):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(first), None, str(second))

    monkeypatch.setattr(sitedir, "exchange", full)
    result = run_build(portal, previous)
    assert result.exit_code == 1
    assert f"Error: could not publish the site into {previous}: No space left on device" in result.output
    assert "previous site was left as it was" in result.output and "Traceback" not in result.output
    assert changes(before, snapshot(tmp_path)) == []


STALLED_BUILD = """
import sys, time
import generator.publish.mkdocs_site as site
built = site.run_mkdocs
site.run_mkdocs = lambda *args: (built(*args), time.sleep(3600))
from generator.cli import main
sys.argv[0] = "statusbook"
main()
"""


def command(*arguments: str) -> list[str]:
    """A statusbook command line run with this Python and the code under test."""
    return [sys.executable, "-m", "generator", *arguments]


def wait_for_scratch_site(site_dir: Path, process: subprocess.Popen) -> Path:
    """Poll until the build in ``process`` has a finished site in its scratch folder; return that folder."""
    while process.poll() is None:
        for name in scratch_beside(site_dir):
            if (site_dir.parent / name / "site" / "index.html").is_file():
                return site_dir.parent / name
        time.sleep(0.05)
    raise AssertionError(f"the build ended before its scratch folder held a site: {process.communicate()}")


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_removes_its_scratch(portal, previous, tmp_path, reference):
    lookalike = tmp_path / ".site.statusbook-keepme"
    lookalike.mkdir()
    (lookalike / "mine.txt").write_text("not a scratch folder\n", encoding="utf-8")
    earlier = site_files(previous)
    arguments = ["build", "--root", str(portal), "--site-dir", str(previous), "--now", NOW]
    process = subprocess.Popen([sys.executable, "-c", STALLED_BUILD, *arguments], stderr=subprocess.DEVNULL)
    try:
        left = wait_for_scratch_site(previous, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert site_files(previous) == earlier
    assert (left / ".statusbook-scratch").is_file()
    result = run_build(portal, previous)
    assert result.exit_code == 0, result.output
    assert not left.exists() and scratch_beside(previous) == [lookalike.name]
    assert (lookalike / "mine.txt").read_text(encoding="utf-8") == "not a scratch folder\n"
    assert site_files(previous) == reference


def test_two_concurrent_builds_into_one_site_both_succeed(portal, previous, reference):
    arguments = command("build", "--root", str(portal), "--site-dir", str(previous), "--now", NOW)
    builds = [subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [b.communicate(timeout=600)[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    assert "Traceback" not in "".join(outputs)
    assert site_files(previous) == reference
    assert scratch_beside(previous) == []


def test_a_second_build_waits_for_the_lock_then_builds(portal, previous, reference):
    arguments = command("build", "--root", str(portal), "--site-dir", str(previous), "--now", NOW)
    with sitedir.site_lock(previous.resolve(), lambda _: None):
        waiting = subprocess.Popen(arguments, stderr=subprocess.PIPE, text=True)
        lines = iter(waiting.stderr.readline, "")
        assert any(line == f"Waiting for another build into {previous.resolve()} to finish\n" for line in lines)
        assert waiting.poll() is None
    assert waiting.wait(timeout=600) == 0
    assert site_files(previous) == reference


WATCHER = """
import os, sys
index, ready, stop = sys.argv[1:]
present = missing = 0
open(ready, "w").close()
while not os.path.exists(stop):
    if os.path.exists(index):
        present += 1
    else:
        missing += 1
print(present, missing)
"""


def test_the_site_never_goes_missing_while_it_is_replaced(portal, previous, tmp_path):
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(previous / "index.html"), str(ready), str(stop)],
                               stdout=subprocess.PIPE, text=True)
    try:
        while not ready.exists() and watcher.poll() is None:
            time.sleep(0.05)
        for moment in (NOW, LATER):
            assert run_build(portal, previous, now=moment).exit_code == 0
    finally:
        stop.touch()
        present, missing = map(int, watcher.communicate(timeout=60)[0].split())
    assert missing == 0 and present > 0


def test_serve_stopped_with_sigterm_removes_its_temporary_folder(portal, tmp_path):
    from tests.site.test_serve import free_port, wait_for

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    server = subprocess.Popen(command("serve", "--root", str(portal), "--dev-addr", f"127.0.0.1:{port}", "--now", NOW),
                              env=os.environ | {"TMPDIR": str(temporary)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/", "Increased latency on the Public API")
        assert [p.name for p in temporary.iterdir() if p.name.startswith("statusbook-serve-")] != []
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    assert sorted(p.name for p in temporary.iterdir()) == []


def test_build_help_says_what_it_replaces():
    result = CliRunner().invoke(cli, ["build", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "replaced only when it is missing, empty or a previous Statusbook build (marked by a .statusbook-site file)" in text
    assert "--force Also replace a non-empty directory that is not a Statusbook build." in text
