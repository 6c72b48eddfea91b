"""The moment of judgement: ``--now``, ``SOURCE_DATE_EPOCH`` or the clock."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

_NOW = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")
# The moments Statusbook judges: from the Unix epoch to the end of 9998, so that adding months and weeks stays in range.
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
END = datetime(9999, 1, 1, tzinfo=timezone.utc)
RANGE = "from 1970-01-01T00:00:00Z up to 9998-12-31T23:59:59Z"


class ClockError(ValueError):
    """A given time cannot be used as the moment of judgement."""


def parse_now(text: str) -> datetime:
    """Parse a ``--now`` timestamp, which must carry an offset or ``Z``."""
    if not _NOW.match(text.strip()):
        raise ClockError(f"'{text}' is not a timestamp with offset, such as 2026-11-23T18:00:00Z")
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ClockError(f"'{text}' is not a valid timestamp: {exc}") from None
    return in_range(moment, f"'{text}'")


def in_range(moment: datetime, described: str) -> datetime:
    """Return ``moment`` if it lies in the years Statusbook can judge; else raise ClockError naming the range."""
    if not EARLIEST <= moment < END:
        raise ClockError(f"{described} is outside the years Statusbook can judge; use a moment {RANGE}")
    return moment


def from_epoch(text: str) -> datetime:
    """Read ``SOURCE_DATE_EPOCH``: whole seconds since 1970, before the year 9999."""
    if not text.isdigit():
        raise ClockError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{text}'")
    if int(text) >= END.timestamp():
        raise ClockError(f"SOURCE_DATE_EPOCH {text} is outside the years Statusbook can judge; use a moment {RANGE}")
    return datetime.fromtimestamp(int(text), timezone.utc)


def resolve_now(given: str | None, environ: dict[str, str] | None = None) -> datetime:
    """Return ``given``, else ``SOURCE_DATE_EPOCH``, else the current time, as an aware datetime."""
    environ = os.environ if environ is None else environ
    if given:
        return parse_now(given)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return from_epoch(epoch)
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso_utc(moment: datetime) -> str:
    """Write an aware moment as an ISO 8601 UTC timestamp to the second, such as 2026-11-23T18:00:00Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
