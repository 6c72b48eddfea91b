"""statusbook notify against real receivers: each new update once per channel, and nothing twice."""

from __future__ import annotations

import hashlib
import hmac
import json

from tests.notify.conftest import LATER, SECRET, add_update

RECORD = "2026-11-23-api-increased-latency"


def new_update(root, at="2026-11-23T18:20:00Z", message="Traffic returns to the repaired zone."):
    """Post one more public update on the open API incident."""
    add_update(root, RECORD, at, "monitoring", message, "2026-11-23T19:30:00Z")


def counts(http, smtp) -> tuple[int, int, int]:
    """Messages received by the webhook, Slack and email receivers."""
    return len(http.on("/hook")), len(http.on("/slack")), len(smtp.envelopes)


def test_a_first_run_without_state_sends_nothing_and_records_a_baseline(run, http, smtp):
    outcome = run()
    assert counts(http, smtp) == (0, 0, 0)
    assert outcome.baseline > 0 and not outcome.failures
    sent = json.loads(run.state.read_text())["sent"]
    assert f"{RECORD}/update-4/hooks" in sent and f"{RECORD}/update-4/mail" in sent


def test_a_new_update_goes_once_to_every_channel(run, http, smtp):
    run()
    new_update(run.root)
    outcome = run(LATER)
    assert counts(http, smtp) == (1, 1, 1)
    assert [m.key for m in outcome.sent] == [f"{RECORD}/update-5/{c}" for c in ("hooks", "chat", "mail")]


def test_a_rerun_sends_nothing(run, http, smtp):
    run()
    new_update(run.root)
    run(LATER)
    outcome = run(LATER)
    assert counts(http, smtp) == (1, 1, 1) and outcome.sent == []


def test_since_sends_only_updates_from_that_moment(run, http, smtp):
    outcome = run(since="2026-11-23T17:00:00Z")
    assert counts(http, smtp) == (1, 1, 1)
    assert {m.key.rsplit("/", 1)[0] for m in outcome.sent} == {f"{RECORD}/update-4"}
    assert counts(http, smtp) == (1, 1, 1) and run(LATER).sent == []


def test_dry_run_sends_nothing_and_writes_no_state(run, http, smtp):
    run()
    before = run.state.read_bytes()
    new_update(run.root)
    outcome = run(LATER, dry_run=True)
    assert counts(http, smtp) == (0, 0, 0)
    assert len(outcome.sent) == 3 and run.state.read_bytes() == before
    assert any(line.startswith(f"would send {RECORD}/update-5/mail -> mail (email customers@lists.acme.example") for line in run.said)


def test_dry_run_without_state_creates_none(run, http, smtp):
    run(dry_run=True)
    assert not run.state.exists() and counts(http, smtp) == (0, 0, 0)


def test_a_rewritten_record_does_not_resend_old_updates(run, http, smtp):
    run()
    path = next(run.root.glob(f"incidents/*/{RECORD}.md"))
    path.write_text(path.read_text().replace("We are investigating.", "We are investigating (corrected)."))
    assert run(LATER).sent == [] and counts(http, smtp) == (0, 0, 0)


def test_a_channel_down_then_up_gets_the_missed_messages_once(run, http, smtp):
    run()
    new_update(run.root)
    new_update(run.root, "2026-11-23T18:25:00Z", "Half of the traffic is back in the repaired zone.")
    http.fail_next = 10**6
    outcome = run(LATER)
    assert set(outcome.failures) == {"hooks", "chat"} and "HTTP 500" in outcome.failures["hooks"]
    assert counts(http, smtp) == (0, 0, 2)
    http.fail_next = 0
    outcome = run(LATER)
    assert not outcome.failures and counts(http, smtp) == (2, 2, 2)
    assert run(LATER).sent == [] and counts(http, smtp) == (2, 2, 2)


def test_retries_are_bounded_and_back_off(run, http, smtp):
    run()
    new_update(run.root)
    http.fail_next = 10**6
    run(LATER)
    assert http.attempts == 6  # three attempts for each of the two HTTP channels, then each is given up for the run
    assert run.pauses == [0.01, 0.02, 0.01, 0.02]


def test_a_transient_failure_is_retried_within_the_run(run, http, smtp):
    run()
    new_update(run.root)
    http.fail_next = 2
    outcome = run(LATER)
    assert not outcome.failures and counts(http, smtp) == (1, 1, 1)


def test_an_smtp_error_is_a_named_failure_and_the_mail_follows_later(run, http, smtp):
    run()
    new_update(run.root)
    smtp.reject = True
    outcome = run(LATER)
    assert set(outcome.failures) == {"mail"} and "SMTP" in outcome.failures["mail"] and "554" in outcome.failures["mail"]
    assert counts(http, smtp) == (1, 1, 0)
    smtp.reject = False
    assert [m.key for m in run(LATER).sent] == [f"{RECORD}/update-5/mail"] and counts(http, smtp) == (1, 1, 1)


def test_connection_refused_is_a_named_failure(run, http, smtp):
    import socket

    from tests.notify.conftest import public_channels, set_channels

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    channels = public_channels(http, smtp)
    channels[0]["url"] = f"http://127.0.0.1:{closed}/hook"
    set_channels(run.root, channels)
    run()
    new_update(run.root)
    outcome = run(LATER)
    assert set(outcome.failures) == {"hooks"} and "refused" in outcome.failures["hooks"].lower()
    assert counts(http, smtp) == (0, 1, 1)


def test_the_webhook_signature_verifies(run, http, smtp):
    run()
    new_update(run.root)
    run(LATER)
    request = http.on("/hook")[0]
    expected = "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["X-Statusbook-Signature"], expected)


def test_a_channel_without_secret_sends_no_signature(run, http, smtp):
    run()
    new_update(run.root)
    run(LATER)
    assert "X-Statusbook-Signature" not in http.on("/slack")[0].headers


def test_a_corrupt_state_file_is_an_error_naming_it(run, http, smtp):
    import pytest

    from generator.notify.state import StateError

    run.state.parent.mkdir(parents=True)
    run.state.write_text("{not json")
    with pytest.raises(StateError, match=str(run.state)):
        run()
    assert run.state.read_text() == "{not json" and counts(http, smtp) == (0, 0, 0)


def test_a_crash_mid_run_never_resends_what_went_out(run, http, smtp):
    import pytest

    from generator.clock import parse_now
    from generator.notify.channels import Delivery
    from generator.notify.run import notify

    class Crashing(Delivery):
        def send(self, message):
            if message.channel.id == "chat":
                raise KeyboardInterrupt("the runner was stopped")
            super().send(message)

    run()
    new_update(run.root)
    with pytest.raises(KeyboardInterrupt):
        notify(run.root, parse_now(LATER), run.state, None, False, Crashing(run.environ), print)
    assert counts(http, smtp) == (1, 0, 0)
    assert [m.key for m in run(LATER).sent] == [f"{RECORD}/update-5/chat", f"{RECORD}/update-5/mail"]
    assert counts(http, smtp) == (1, 1, 1)


def test_a_client_error_is_a_named_failure(run, http, smtp):
    run()
    new_update(run.root)
    http.fail_next, http.status = 10**6, 404
    outcome = run(LATER)
    assert "HTTP 404" in outcome.failures["hooks"] and "HTTP 404" in outcome.failures["chat"]
    assert counts(http, smtp) == (0, 0, 1)


def test_a_receiver_that_does_not_answer_times_out_and_is_retried_next_run(run, http, smtp):
    run()
    new_update(run.root)
    http.hanging, run.timeout = True, 0.2
    outcome = run(LATER)
    assert "timed out" in outcome.failures["hooks"] and set(outcome.failures) == {"hooks", "chat"}
    http.hanging = False
    http.hang.set()
    assert len(run(LATER).sent) == 2


def test_a_channel_added_later_is_not_flooded_with_the_history(run, http, smtp):
    from tests.notify.conftest import public_channels, set_channels

    set_channels(run.root, public_channels(http, smtp)[:1])
    run()
    set_channels(run.root, public_channels(http, smtp))
    assert run(LATER).sent == [] and counts(http, smtp) == (0, 0, 0)
    new_update(run.root)
    assert len(run(LATER).sent) == 3 and counts(http, smtp) == (1, 1, 1)
    assert json.loads(run.state.read_text())["channels"] == ["chat", "hooks", "mail"]


def test_a_redirect_is_not_followed(run, http, smtp):
    run()
    new_update(run.root)
    http.fail_next, http.status = 10**6, 307
    outcome = run(LATER)
    assert "HTTP 307" in outcome.failures["hooks"] and counts(http, smtp) == (0, 0, 1)
