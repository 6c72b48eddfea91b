"""statusbook notify end to end: load and check the records, plan the messages, send the new ones once, record them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from generator.loading.corpus import load_root
from generator.model.notify import Channel
from generator.notify import state as sent_state
from generator.notify.channels import Delivery, SendError
from generator.notify.formats import heading, recipient
from generator.notify.messages import Message, planned
from generator.validate import Report, check_loaded

Say = Callable[[str], None]


@dataclass(slots=True)
class Outcome:
    """What a run did: what it sent, what it took as already sent, and each channel that failed."""

    report: Report | None = None
    sent: list[Message] = field(default_factory=list)
    baseline: int = 0
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def invalid(self) -> bool:
        """Whether the records have errors, so nothing was sent."""
        return self.report is not None and self.report.errors > 0


def line(message: Message) -> str:
    """Describe one message: its key, channel, recipient and heading."""
    channel = message.channel
    return f"{message.key} -> {channel.id} ({channel.type} {recipient(channel)}): [{heading(message)}] {message.incident.title}"


def is_old(message: Message, current: sent_state.State, since: datetime | None) -> bool:
    """Whether a message is taken as sent without sending: it predates --since, or its channel is new (a baseline)."""
    if since is not None:
        return message.at < since
    return current.is_new(message.channel.id)


def notify(root: Path, now: datetime, state_path: Path, since: datetime | None, dry_run: bool,
           delivery: Delivery, say: Say) -> Outcome:
    """Send every new message once; with --dry-run say what would be sent and change nothing."""
    loaded = load_root(root)
    outcome = Outcome(check_loaded(loaded, now))
    if outcome.invalid or loaded.corpus is None:
        return outcome
    messages = planned(loaded.corpus, now)
    if dry_run:
        return preview(messages, sent_state.load(state_path), since, outcome, say)
    with sent_state.locked(state_path):
        current = sent_state.load(state_path)
        try:
            send_new(messages, loaded.corpus.site.notify.channels, current, since, now, delivery, outcome, say)
        finally:
            delivery.close()
    return outcome


def preview(messages: list[Message], current: sent_state.State, since: datetime | None, outcome: Outcome, say: Say) -> Outcome:
    """Say what a run would send, and what a baseline would take as sent."""
    for message in messages:
        if message.key in current:
            continue
        if is_old(message, current, since):
            outcome.baseline += 1
        else:
            say(f"would send {line(message)}")
            outcome.sent.append(message)
    if outcome.baseline:
        say(f"would record {outcome.baseline} earlier messages as already sent, without sending them")
    return outcome


def send_new(messages: list[Message], configured: tuple[Channel, ...], current: sent_state.State,
             since: datetime | None, now: datetime, delivery: Delivery, outcome: Outcome, say: Say) -> None:
    """Take old messages as sent (a baseline), then send each new one and record it before the next."""
    old = [m.key for m in messages if m.key not in current and is_old(m, current, since)]
    channels = {c.id for c in configured}
    if old or not current.existed or not channels <= current.channels:
        current.record_all(old, now, channels)
        outcome.baseline = len(old)
        if old:
            say(f"recorded {len(old)} earlier messages as already sent, without sending them")
    for message in messages:
        if message.key in current or message.channel.id in outcome.failures:
            continue
        try:
            delivery.send(message)
        except SendError as exc:
            outcome.failures[message.channel.id] = f"{message.channel.type} channel '{message.channel.id}': {exc}"
            continue
        current.record(message.key, now)
        outcome.sent.append(message)
        say(f"sent {line(message)}")
