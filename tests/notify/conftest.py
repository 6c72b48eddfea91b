"""Real receivers for notification tests: an HTTP server for webhooks and chat, an SMTP server for email."""

from __future__ import annotations

import email
import io
import email.policy
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from aiosmtpd.controller import Controller
from ruamel.yaml import YAML

from generator.clock import parse_now
from generator.notify.channels import Delivery
from generator.notify.run import notify
from tests.site.conftest import copy_portal

NOW = "2026-11-23T18:00:00Z"
LATER = "2026-11-23T18:30:00Z"
SECRET = "s3cret-for-signing"


@dataclass
class Request:
    """One request a receiver took: its path, headers and body."""

    path: str
    headers: dict
    body: bytes

    def json(self) -> dict:
        """The body read as JSON."""
        return json.loads(self.body)


class HttpReceiver:
    """A local HTTP server that keeps every POST it accepts, and fails on demand with 500."""

    def __init__(self) -> None:
        self.received: list[Request] = []
        self.attempts = 0
        self.fail_next = 0
        self.status = 500
        self.down = False
        self.hang = threading.Event()
        self.hanging = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            disable_nagle_algorithm = True  # the status line, headers and body go out in separate writes

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.attempts += 1
                if receiver.hanging:
                    receiver.hang.wait(10)  # until the test ends: the sender gives up first
                failing = receiver.down or receiver.fail_next > 0
                receiver.fail_next = max(0, receiver.fail_next - 1)
                if not failing:
                    receiver.received.append(Request(self.path, dict(self.headers), body))
                self.send_response(receiver.status if failing else 200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                """Keep test output quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The address of a path on this server."""
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def on(self, path: str) -> list[Request]:
        """The requests accepted on one path."""
        return [r for r in self.received if r.path == path]


class PortZeroController(Controller):
    """aiosmtpd's controller on a port the system picks: it must check readiness on the port it got."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class MailReceiver:
    """A local SMTP server that keeps every email it accepts."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.reject = False
        self.controller = PortZeroController(self, hostname="127.0.0.1", port=0)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - the name aiosmtpd calls
        """Keep the message, or refuse it when told to."""
        if self.reject:
            return "554 5.7.1 refused for the test"
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        """The emails received, parsed."""
        return [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes]


@contextmanager
def receiving() -> Iterator[tuple[HttpReceiver, MailReceiver]]:
    """Run an HTTP and an SMTP receiver for the duration."""
    http, smtp = HttpReceiver(), MailReceiver()
    http.thread.start()
    smtp.controller.start()
    try:
        yield http, smtp
    finally:
        http.hang.set()
        smtp.controller.stop()
        http.server.shutdown()
        http.server.server_close()


@pytest.fixture
def receivers():
    """A running HTTP and SMTP receiver."""
    with receiving() as both:
        yield both


@pytest.fixture
def http(receivers) -> HttpReceiver:
    """A running HTTP receiver."""
    return receivers[0]


@pytest.fixture
def smtp(receivers) -> MailReceiver:
    """A running SMTP receiver."""
    return receivers[1]


def round_trip() -> YAML:
    """A YAML reader and writer that keeps the file's layout."""
    yaml = YAML()
    yaml.width = 4096
    return yaml


def set_channels(root: Path, channels: list[dict], **extra) -> None:
    """Configure the notify channels of the portal at ``root``."""
    yaml = round_trip()
    path = root / "statusbook.yml"
    config = yaml.load(path.read_text(encoding="utf-8"))
    config["notify"] = {"channels": channels, **extra}
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)


def public_channels(http: HttpReceiver, smtp: MailReceiver) -> list[dict]:
    """A webhook with a secret, a Slack channel and an email channel, all public."""
    return [
        {"id": "hooks", "type": "webhook", "url": http.url("/hook"), "secret": "${HOOK_SECRET}"},
        {"id": "chat", "type": "slack", "url": http.url("/slack")},
        {"id": "mail", "type": "email", "smtp_host": "127.0.0.1", "smtp_port": smtp.controller.port,
         "from": "status@acme.example", "to": ["customers@lists.acme.example"],
         "unsubscribe": "mailto:leave@lists.acme.example"},
    ]


@pytest.fixture
def portal(tmp_path, http, smtp, monkeypatch) -> Path:
    """A copy of the example portal with a webhook, a Slack and an email channel on the local receivers."""
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    root = copy_portal(tmp_path / "portal")
    set_channels(root, public_channels(http, smtp))
    return root


def add_update(root: Path, record: str, at: str, status: str, message: str, next_update: str | None = None) -> None:
    """Append a public update to a record, as statusbook incident update would."""
    path = next((root / "incidents").glob(f"*/{record}.md"))
    yaml = round_trip()
    _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
    front = yaml.load(front_text)
    update = {"at": at, "status": status, "message": message}
    if next_update:
        update["next_update"] = next_update
    front["updates"].append(update)
    front["status"] = status
    if status == "resolved":
        front["resolved"] = at
    out = io.StringIO()
    yaml.dump(front, out)
    path.write_text("---\n" + out.getvalue() + "---\n" + body, encoding="utf-8")


@dataclass
class Runner:
    """Runs statusbook notify on a portal with fast, recorded backoff."""

    root: Path
    state: Path
    environ: dict
    pauses: list = field(default_factory=list)
    said: list = field(default_factory=list)

    timeout: float = 5.0

    def __call__(self, now: str = NOW, since: str | None = None, dry_run: bool = False):
        """Run once and return the outcome."""
        delivery = Delivery(self.environ, backoff=(0.01, 0.02), sleep=self.pauses.append, timeout=self.timeout)
        return notify(self.root, parse_now(now), self.state, parse_now(since) if since else None, dry_run,
                      delivery, self.said.append)


@pytest.fixture
def run(portal, tmp_path) -> Runner:
    """Run statusbook notify on the portal, its state beside it."""
    return Runner(portal, tmp_path / "state" / "notified.json", {"HOOK_SECRET": SECRET})
