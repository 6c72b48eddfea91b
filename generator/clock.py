"""The moment of judgement: ``--now``, ``SOURCE_DATE_EPOCH`` or the clock."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

_NOW = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")


class ClockError(ValueError):
    """A given time cannot be used as the moment of judgement."""


def parse_now(text: str) -> datetime:
    """Parse a ``--now`` timestamp, which must carry an offset or ``Z``."""
    if not _NOW.match(text.strip()):
        raise ClockError(f"'{text}' is not a timestamp with offset, such as 2026-11-23T18:00:00Z")
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ClockError(f"'{text}' is not a valid timestamp: {exc}") from None


def resolve_now(given: str | None, environ: dict[str, str] | None = None) -> datetime:
    """Return ``given``, else ``SOURCE_DATE_EPOCH``, else the current time, as an aware datetime."""
    environ = os.environ if environ is None else environ
    if given:
        return parse_now(given)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ClockError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'")
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso_utc(moment: datetime) -> str:
    """Write an aware moment as an ISO 8601 UTC timestamp to the second, such as 2026-11-23T18:00:00Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
