"""statusbook notify on the command line: exit codes, messages, and concurrent runs."""

from __future__ import annotations

import threading

from click.testing import CliRunner

from generator.cli import cli
from generator.notify import channels
from tests.notify.conftest import LATER, NOW, add_update

RECORD = "2026-11-23-api-increased-latency"


def notify(root, state, *extra):
    """Run statusbook notify and return the result."""
    return CliRunner().invoke(cli, ["notify", "--root", str(root), "--state", str(state), *extra])


def test_a_baseline_exits_0_and_says_so(portal, tmp_path):
    result = notify(portal, tmp_path / "s.json", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "earlier messages as already sent" in result.output and (tmp_path / "s.json").exists()


def test_the_default_state_file_is_under_the_root(portal, http, smtp):
    result = CliRunner().invoke(cli, ["notify", "--root", str(portal), "--now", NOW])
    assert result.exit_code == 0 and (portal / ".statusbook" / "notified.json").is_file()


def test_dry_run_names_each_message_and_its_recipient(portal, tmp_path, http, smtp):
    notify(portal, tmp_path / "s.json", "--now", NOW)
    add_update(portal, RECORD, "2026-11-23T18:20:00Z", "monitoring", "Still fine.", "2026-11-23T19:30:00Z")
    result = notify(portal, tmp_path / "s.json", "--now", LATER, "--dry-run")
    assert result.exit_code == 0
    assert f"would send {RECORD}/update-5/chat -> chat (slack {http.url('/slack')})" in result.output
    assert http.received == [] and smtp.envelopes == []


def test_a_failing_channel_exits_1_naming_it_and_the_error(portal, tmp_path, http, smtp, monkeypatch):
    monkeypatch.setattr(channels, "BACKOFF_SECONDS", (0.0,))
    notify(portal, tmp_path / "s.json", "--now", NOW)
    add_update(portal, RECORD, "2026-11-23T18:20:00Z", "monitoring", "Still fine.", "2026-11-23T19:30:00Z")
    smtp.reject = True
    result = notify(portal, tmp_path / "s.json", "--now", LATER)
    assert result.exit_code == 1
    assert "Error: email channel 'mail': SMTP: " in result.stderr and "stay unsent for the next run" in result.stderr
    assert len(http.received) == 2


def test_a_corrupt_state_file_exits_1_naming_its_path(portal, tmp_path):
    state = tmp_path / "s.json"
    state.write_text('{"version": 1, "sent": [1, 2]}')
    result = notify(portal, state, "--now", NOW)
    assert result.exit_code == 1 and str(state) in result.stderr and "corrupt" in result.stderr
    assert state.read_text() == '{"version": 1, "sent": [1, 2]}'


def test_a_bad_since_is_a_usage_error(portal, tmp_path):
    result = notify(portal, tmp_path / "s.json", "--since", "yesterday")
    assert result.exit_code == 2 and "--since" in result.stderr


def test_invalid_records_send_nothing(portal, tmp_path, http, smtp, monkeypatch):
    monkeypatch.delenv("HOOK_SECRET")
    result = notify(portal, tmp_path / "s.json", "--now", NOW, "--since", "2000-01-01T00:00:00Z")
    assert result.exit_code == 1 and "S011" in result.stderr and "nothing was sent" in result.stderr
    assert http.received == [] and smtp.envelopes == [] and not (tmp_path / "s.json").exists()


def test_concurrent_runs_send_each_message_once(run, http, smtp):
    run()
    add_update(run.root, RECORD, "2026-11-23T18:20:00Z", "monitoring", "Still fine.", "2026-11-23T19:30:00Z")
    outcomes = []
    threads = [threading.Thread(target=lambda: outcomes.append(run(LATER))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(len(o.sent) for o in outcomes) == [0, 0, 3]
    assert len(http.received) == 2 and len(smtp.envelopes) == 1


def test_an_unknown_channel_type_is_a_problem_not_a_crash(portal, tmp_path):
    text = (portal / "statusbook.yml").read_text().replace("type: slack", "type: pager")
    (portal / "statusbook.yml").write_text(text)
    result = notify(portal, tmp_path / "s.json", "--now", NOW)
    assert result.exit_code == 1 and "[S004]" in result.stderr and "pager" in result.stderr
    assert "Traceback" not in result.output + result.stderr
