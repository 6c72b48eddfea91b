"""What was sent: a JSON file of message keys, read and written atomically under a lock."""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from generator.responder.edit import write_atomic

DEFAULT_STATE = Path(".statusbook") / "notified.json"
STATE_VERSION = 1


class StateError(Exception):
    """The state file cannot be read or written; it is never silently reset."""


class State:
    """The keys of the messages already sent (or taken as sent by a baseline), and when; and the channels known."""

    def __init__(self, path: Path, sent: dict[str, str] | None, channels: set[str] | None = None) -> None:
        """Hold what was read from ``path``; ``sent`` is None when there was no file."""
        self.path = path
        self.existed = sent is not None
        self.sent: dict[str, str] = dict(sent or {})
        self.channels: set[str] = set(channels or ())

    def is_new(self, channel_id: str) -> bool:
        """Whether a channel has never been baselined: its history is taken as sent, not sent."""
        return channel_id not in self.channels

    def __contains__(self, key: str) -> bool:
        """Whether a message key was sent."""
        return key in self.sent

    def record(self, key: str, now: datetime) -> None:
        """Note a key as sent at ``now`` and write the file before anything else is sent."""
        self.sent[key] = now.isoformat()
        self.save()

    def record_all(self, keys: list[str], now: datetime, channels: set[str]) -> None:
        """Note many keys as sent at once (a baseline), and the channels as known, and write the file."""
        self.sent.update({key: now.isoformat() for key in keys if key not in self.sent})
        self.channels |= channels
        self.save()

    def save(self) -> None:
        """Write the file atomically: a reader sees the old or the new state, never half of one."""
        data = {"version": STATE_VERSION, "channels": sorted(self.channels), "sent": dict(sorted(self.sent.items()))}
        text = json.dumps(data, indent=1) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text)
        except OSError as exc:
            raise StateError(f"cannot write the notification state {self.path}: {exc.strerror or exc}") from None


def parse(path: Path, text: str) -> tuple[dict[str, str], set[str]]:
    """Read the sent keys and the known channels from the state file's text, refusing anything but the expected shape."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StateError(f"the notification state {path} is corrupt ({exc}); restore it, or delete it to take a new baseline") from None
    sent = data.get("sent") if isinstance(data, dict) and data.get("version") == STATE_VERSION else None
    channels = data.get("channels", []) if isinstance(data, dict) else None
    if (not isinstance(sent, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in sent.items())
            or not isinstance(channels, list) or not all(isinstance(c, str) for c in channels)):
        raise StateError(f"the notification state {path} is corrupt (expected {{\"version\": 1, \"channels\": [...], "
                         "\"sent\": {...}}); restore it, or delete it to take a new baseline")
    return sent, set(channels)


def load(path: Path) -> State:
    """Read the state file; a missing one gives an empty state that did not exist (a baseline run)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return State(path, None)
    except (OSError, UnicodeDecodeError) as exc:
        raise StateError(f"cannot read the notification state {path}: {exc}") from None
    return State(path, *parse(path, text))


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the state file, so concurrent runs take turns and never send twice."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StateError(f"cannot lock the notification state {path}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)
