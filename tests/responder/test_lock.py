"""Concurrent responder commands on one record all land, or fail clearly: never a lost write reported as success."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.loading.records import load_incident
from generator.responder import lock
from generator.responder.lock import editing
from tests.hostile.tree import snapshot
from tests.responder.conftest import NOW, OPEN_ID, OPEN_PATH, REPO, run, written


def statusbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in its own process, as two responders at two terminals would."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBOOK_USER": ""}
    command = [sys.executable, "-m", "generator", *args, "--root", str(root), "--now", NOW, "--as", "alice"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def timeline_events(root: Path) -> list[str]:
    """Return the internal timeline events of the open incident, as loaded by the strict loader."""
    _, record, problems = load_incident(OPEN_PATH, (root / OPEN_PATH).read_text(encoding="utf-8"), None)
    assert record is not None, problems
    return [entry.event for entry in record.timeline]


def concurrently(count: int, job) -> list:
    """Run ``job(i)`` for ``count`` values of i at once and return the results in order."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(job, range(count)))


def test_twenty_concurrent_internal_updates_all_land(portal):
    before = timeline_events(portal)
    done = concurrently(20, lambda i: statusbook(portal, "incident", "update", OPEN_ID, "--internal", "--message", f"note {i}"))
    assert [d.returncode for d in done] == [0] * 20, [d.stderr for d in done if d.returncode]
    assert all(written(d.stdout) == [OPEN_PATH] for d in done)
    events = timeline_events(portal)
    assert events[: len(before)] == before
    assert sorted(events[len(before):]) == sorted(f"note {i}" for i in range(20))


def test_two_commands_of_different_kinds_at_once_both_land(portal):
    jobs = [
        ("incident", "update", OPEN_ID, "--internal", "--message", "Scribe: provider confirms packet loss."),
        ("incident", "role", OPEN_ID, "scribe", "ivan"),
    ]
    done = concurrently(2, lambda i: statusbook(portal, *jobs[i]))
    assert [d.returncode for d in done] == [0, 0], [d.stderr for d in done]
    text = (portal / OPEN_PATH).read_text(encoding="utf-8")
    assert "Scribe: provider confirms packet loss." in text and "scribe: ivan" in text


def test_a_command_that_cannot_get_the_lock_writes_nothing_and_says_why(portal, monkeypatch):
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    before = snapshot(portal)
    with editing(portal):
        result = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "Too late.")
    assert result.exit_code == 1
    assert "Waiting for another statusbook command that is editing records in" in result.output
    assert "kept" in result.output and "locked for 0 s; nothing was written, run the command again" in result.output
    assert snapshot(portal) == before


def test_the_lock_is_taken_again_once_released(portal):
    with editing(portal):
        pass
    result = run(portal, "incident", "update", OPEN_ID, "--internal", "--message", "After the lock.")
    assert result.exit_code == 0, result.output


def test_a_directory_that_is_not_a_portal_is_neither_locked_nor_changed(tmp_path):
    before = snapshot(tmp_path)
    result = run(tmp_path, "incident", "update", OPEN_ID, "--internal", "--message", "Nowhere.")
    assert result.exit_code == 2 and "has no statusbook.yml" in result.output
    assert snapshot(tmp_path) == before
