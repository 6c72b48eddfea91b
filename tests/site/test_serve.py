"""statusbook serve: a live preview that renders the records again when one changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.site.conftest import NOW, copy_portal

OPEN = "incidents/2026/2026-11-23-api-increased-latency.md"


def free_port() -> int:
    """Return a TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """Return the page at ``url``, or an empty text while the server is not up."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 30) -> bool:
    """Poll ``url`` until it contains ``text``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_preview_follows_record_changes(tmp_path: Path):
    root = copy_portal(tmp_path / "portal")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}", "--now", NOW]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(url, "Increased latency on the Public API and webhooks")
        record = root / OPEN
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("title: Increased latency", "title: Slow responses", 1), encoding="utf-8")
        assert wait_for(url, "Slow responses on the Public API and webhooks")
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"127.0.0.1:{port}" in output
