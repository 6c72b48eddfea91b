"""The body of each message, by channel type: Statuspage-shaped JSON, a chat message, or an email."""

from __future__ import annotations

import hashlib
import html
import json
import re
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import urlsplit

from generator.model.notify import Channel
from generator.notify.messages import Message
from generator.render import urls
from generator.render.markup import to_html
from generator.render.statuspage import StatuspageApi
from generator.views.incidents import UPDATE_LABELS

KIND_LABELS = {
    "due": "Update due",
    "overdue": "Update overdue",
    "maintenance_soon": "Maintenance soon",
    "maintenance_started": "Maintenance started",
    "maintenance_ended": "Maintenance ended",
}
COLOURS = {"none": "#2e7d32", "minor": "#f9a825", "major": "#ef6c00", "critical": "#c62828", "maintenance": "#1565c0"}
SLACK_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029\x85]+")


def one_line(text: str) -> str:
    """Fold every line break into a space: a header never gets a second line."""
    return " ".join(LINE_BREAKS.sub(" ", text).split())


def heading(message: Message) -> str:
    """Return the bracketed label of a message: the update's status, or what the notice is about."""
    if message.kind == "update":
        return UPDATE_LABELS.get(message.update.status, message.update.status)
    return KIND_LABELS[message.kind]


def summary(message: Message) -> str:
    """Return the words of the message: the update's text, or the notice."""
    return message.notice or message.update.message.strip()


def webhook_body(message: Message, api: StatuspageApi) -> dict:
    """Return the JSON of Statuspage's incident webhook: meta, page and the incident with its updates newest first."""
    view = message.view
    body = {
        "meta": {"unsubscribe": None, "documentation": urls.NOTIFICATIONS_DOCS, "event": message.kind},
        "page": {"id": api.page_id, "status_indicator": view.status.indicator, "status_description": view.status.description},
        "incident": api.incident(message.incident),
    }
    if message.notice:
        body["notice"] = {"kind": message.kind, "text": message.notice}
    return body


def webhook_bytes(message: Message, api: StatuspageApi) -> bytes:
    """Encode the webhook body as compact UTF-8 JSON."""
    return json.dumps(webhook_body(message, api), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def slack_text(text: str) -> str:
    """Escape &, < and > as Slack asks, so no text becomes a mention or a link."""
    return text.translate(SLACK_ESCAPES)


def slack_body(message: Message) -> dict:
    """Return an incoming-webhook message that Slack, Mattermost and Rocket.Chat all show: text and one attachment."""
    title, label = slack_text(message.incident.title), heading(message)
    components = ", ".join(message.components) or "none"
    fields = [{"title": "Status", "value": label, "short": True},
              {"title": "Components", "value": slack_text(components), "short": True}]
    attachment = {
        "fallback": f"[{label}] {title}: {message.link}",
        "color": COLOURS.get(message.incident.impact, "#616161"),
        "title": title,
        "title_link": message.link,
        "text": slack_text(summary(message)),
        "fields": fields,
        "footer": slack_text(message.view.site.name),
    }
    return {"text": f"[{label}] <{message.link}|{title}>", "attachments": [attachment]}


def mail_domain(message: Message) -> str:
    """Return the domain of message ids: the host of the channel's site."""
    return urlsplit(message.view.url or "").hostname or "statusbook.invalid"


def thread_id(message: Message) -> str:
    """Return the Message-ID of the first message about a record on a channel: the root of its thread."""
    return f"<{message.incident.id}.1.update.{message.channel.id}@{mail_domain(message)}>"


def message_id(message: Message) -> str:
    """Return a Message-ID unique to this message: record, update position, kind and channel."""
    number = message.update.number
    return f"<{message.incident.id}.{number}.{message.kind.replace('_', '-')}.{message.channel.id}@{mail_domain(message)}>"


def text_part(message: Message) -> str:
    """Return the plain-text body of an email."""
    lines = [message.incident.title, "", f"Status: {heading(message)}",
             f"Components: {', '.join(message.components) or 'none'}", "", summary(message), "", message.link]
    return "\n".join(lines) + "\n"


def html_part(message: Message) -> str:
    """Return the HTML body of an email: every value escaped, the update's Markdown rendered as on the site."""
    e = html.escape
    paragraphs = str(to_html(summary(message)))
    return (f"<!DOCTYPE html><html><body><h1>{e(message.incident.title)}</h1>"
            f"<p><strong>Status:</strong> {e(heading(message))}<br><strong>Components:</strong> "
            f"{e(', '.join(message.components) or 'none')}</p>{paragraphs}"
            f"<p><a href=\"{e(message.link)}\">{e(message.link)}</a></p></body></html>\n")


def email_message(message: Message, sender: str, recipients: tuple[str, ...], unsubscribe: str | None) -> EmailMessage:
    """Return the email of a message: subject [status] title, threaded per record, text and HTML."""
    mail = EmailMessage()
    mail["Subject"] = one_line(f"[{heading(message)}] {message.incident.title}")
    mail["From"] = sender
    mail["To"] = ", ".join(recipients)
    mail["Date"] = format_datetime(message.at)
    mail["Message-ID"] = message_id(message)
    if mail["Message-ID"] != thread_id(message):
        mail["In-Reply-To"] = thread_id(message)
        mail["References"] = thread_id(message)
    if unsubscribe:
        mail["List-Unsubscribe"] = f"<{unsubscribe}>"
    mail["X-Statusbook-Key"] = message.key
    text, markup = text_part(message), html_part(message)
    mail.set_content(text)
    mail.add_alternative(markup, subtype="html")
    mail.set_boundary("=_statusbook_" + hashlib.sha256((text + markup).encode("utf-8")).hexdigest()[:32])
    return mail


def recipient(channel: Channel) -> str:
    """Say where a channel sends, without filling in its secrets: the configured URL or the addresses."""
    if channel.type == "email":
        return f"{', '.join(channel.to)} via {channel.smtp_host}"
    return channel.url or ""
