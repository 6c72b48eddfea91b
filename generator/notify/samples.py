"""Sample messages for docs/notifications.md, made by the real code from the example portal so they cannot drift."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.corpus import Corpus
from generator.model.notify import Channel
from generator.notify.formats import email_message, slack_body, webhook_body
from generator.notify.messages import Message, channel_messages
from generator.render.statuspage import StatuspageApi
from generator.views.audience import Audience
from generator.views.page import site_view

DOC = Path("docs") / "notifications.md"
RECORD = "2026-11-23-api-increased-latency"
NOW = "2026-11-23T18:22:00Z"
SAMPLE = re.compile(r"(<!-- sample: (?P<name>[a-z-]+) -->\n```[a-z]*\n)(.*?)(```\n<!-- /sample -->)", re.S)
CHANNELS = {
    "webhook": Channel("customers-webhook", "webhook", url="https://hooks.example.com/statusbook"),
    "slack": Channel("status-chat", "slack", url="${SLACK_WEBHOOK_URL}"),
    "email": Channel("customers", "email", smtp_host="smtp.acme.example", from_address="status@acme.example",
                     to=("status-subscribers@lists.acme.example",), unsubscribe="mailto:status-subscribers-leave@lists.acme.example"),
    "reminder": Channel("team-chat", "slack", audience="internal", url="${TEAM_SLACK_WEBHOOK_URL}"),
}


def pick(corpus: Corpus, name: str, kind: str, now: datetime) -> Message:
    """Return the sample record's latest message of ``kind`` for one sample channel."""
    channel = CHANNELS[name]
    view = site_view(corpus, Audience(channel.audience), now)
    found = [m for m in channel_messages(channel, view, corpus) if m.incident.id == RECORD and m.kind == kind]
    return found[-1]


def samples(corpus: Corpus) -> dict[str, str]:
    """Return each sample's text by name: the webhook JSON, the chat JSON, the email and a reminder."""
    now = parse_now(NOW)
    hook = pick(corpus, "webhook", "update", now)
    mail = pick(corpus, "email", "update", now)
    sent = email_message(mail, mail.channel.from_address, mail.channel.to, mail.channel.unsubscribe)
    return {
        "webhook": json.dumps(webhook_body(hook, StatuspageApi(hook.view)), indent=2, ensure_ascii=False) + "\n",
        "slack": json.dumps(slack_body(pick(corpus, "slack", "update", now)), indent=2, ensure_ascii=False) + "\n",
        "email": sent.as_string().replace("\r\n", "\n"),
        "reminder": json.dumps(slack_body(pick(corpus, "reminder", "due", now)), indent=2, ensure_ascii=False) + "\n",
    }


def fill(text: str, made: dict[str, str]) -> str:
    """Replace every sample block of a page by the freshly made sample of its name."""
    return SAMPLE.sub(lambda m: m.group(1) + made[m.group("name")] + m.group(4), text)


def write(root: Path = Path(".")) -> None:
    """Refresh the samples in docs/notifications.md under ``root`` from the example portal there."""
    path = root / DOC
    path.write_text(fill(path.read_text(encoding="utf-8"), samples(load_root(root).corpus)), encoding="utf-8")
