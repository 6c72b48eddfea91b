"""How pages and feeds write a moment for readers.

A build writes the same moments on many pages (a record, its month, its component, the Now page), so each text is
kept once written: equal instants read the same in any one zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

KEPT = 1 << 16


@lru_cache(maxsize=KEPT)
def utc_text(moment: datetime) -> str:
    """Write an aware moment as 2026-11-23 15:08 UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@lru_cache(maxsize=KEPT)
def zone_text(moment: datetime, zone: ZoneInfo) -> str:
    """Write an aware moment in a named zone as 2026-11-23 16:08 CET, with the date for readers far from UTC."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
