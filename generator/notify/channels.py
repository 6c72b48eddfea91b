"""Delivery: POST to webhooks and chat, send email over SMTP, retrying each message with backoff."""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, Mapping

from generator import GENERATOR
from generator.model.notify import Channel, expand
from generator.notify.formats import email_message, slack_body, webhook_bytes
from generator.notify.messages import Message
from generator.render.statuspage import StatuspageApi

SIGNATURE_HEADER = "X-Statusbook-Signature"
TIMEOUT_SECONDS = 10.0
ATTEMPTS = 3
BACKOFF_SECONDS = (2.0, 8.0)


class SendError(Exception):
    """A message could not be delivered to its channel."""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: a POST goes to the configured address only, never on to another host or scheme."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        """Follow no redirect; the 3xx answer becomes an HTTPError."""
        return None


OPENER = urllib.request.build_opener(NoRedirects)


@dataclass(slots=True)
class Delivery:
    """How messages are delivered: the environment secrets come from, and how often and how patiently to retry."""

    environ: Mapping[str, str]
    attempts: int = ATTEMPTS
    backoff: tuple[float, ...] = BACKOFF_SECONDS
    sleep: Callable[[float], None] = time.sleep
    timeout: float = TIMEOUT_SECONDS
    apis: dict = field(default_factory=dict)
    connections: dict = field(default_factory=dict)

    def value(self, channel: Channel, text: str | None) -> str | None:
        """Fill the ${ENV_VAR} references of a channel value in from the environment."""
        if text is None:
            return None
        given = {name: value for name, value in self.environ.items() if value}
        try:
            return expand(text, given)
        except KeyError as exc:
            raise SendError(f"environment variable {exc.args[0]} is not set or empty") from None

    def send(self, message: Message) -> None:
        """Deliver one message, retrying with backoff; raise SendError with the last failure."""
        for attempt in range(self.attempts):
            try:
                return self.send_once(message)
            except SendError:
                if attempt + 1 >= self.attempts:
                    raise
                self.sleep(self.backoff[min(attempt, len(self.backoff) - 1)] if self.backoff else 0)
        return None

    def send_once(self, message: Message) -> None:
        """Deliver one message once by its channel's type."""
        channel = message.channel
        if channel.type == "email":
            return self.send_email(message)
        if channel.type == "slack":
            body = json.dumps(slack_body(message), ensure_ascii=False).encode("utf-8")
        else:
            body = webhook_bytes(message, self.api(message))
        return self.post(self.value(channel, channel.url), body, self.signature(channel, body))

    def api(self, message: Message) -> StatuspageApi:
        """Return the Statuspage API objects of the message's view, computed once per view."""
        key = id(message.view)
        if key not in self.apis:
            self.apis[key] = (message.view, StatuspageApi(message.view))
        return self.apis[key][1]

    def signature(self, channel: Channel, body: bytes) -> dict[str, str]:
        """Return the signature header of a body when the channel has a secret."""
        secret = self.value(channel, channel.secret)
        if not secret:
            return {}
        digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        return {SIGNATURE_HEADER: f"sha256={digest}"}

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        """POST a JSON body; any status other than 2xx, or no answer, is a SendError."""
        if not url.lower().startswith(("http://", "https://")):
            raise SendError("the url is not http or https")
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": GENERATOR, **headers})
        try:
            with OPENER.open(request, timeout=self.timeout) as answer:  # noqa: S310 - scheme checked above
                answer.read()
        except urllib.error.HTTPError as exc:
            raise SendError(f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, socket.timeout) as exc:
            raise SendError(f"{getattr(exc, 'reason', None) or exc}") from None

    def send_email(self, message: Message) -> None:
        """Send the email of a message over the channel's SMTP connection, opened on first use."""
        channel = message.channel
        sender, unsubscribe = self.value(channel, channel.from_address), self.value(channel, channel.unsubscribe)
        recipients = tuple(self.value(channel, r) for r in channel.to)
        mail = email_message(message, sender, recipients, unsubscribe)
        try:
            self.smtp(channel).send_message(mail, sender, list(recipients))
        except (smtplib.SMTPException, OSError, ValueError) as exc:
            self.hang_up(channel.id)
            raise SendError(f"SMTP: {exc}") from None

    def smtp(self, channel: Channel) -> smtplib.SMTP:
        """Return the channel's open SMTP connection, connecting with STARTTLS and login when configured."""
        if channel.id in self.connections:
            return self.connections[channel.id]
        port = channel.smtp_port or (587 if channel.starttls else 25)
        smtp = smtplib.SMTP(self.value(channel, channel.smtp_host), port, timeout=self.timeout)
        self.connections[channel.id] = smtp
        if channel.starttls:
            smtp.starttls()
        username = self.value(channel, channel.username)
        if username:
            smtp.login(username, self.value(channel, channel.password) or "")
        return smtp

    def hang_up(self, channel_id: str) -> None:
        """Close one SMTP connection, ignoring a server that is already gone."""
        smtp = self.connections.pop(channel_id, None)
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def close(self) -> None:
        """Close every open SMTP connection."""
        for channel_id in list(self.connections):
            self.hang_up(channel_id)
