"""How pages and feeds write a moment for readers."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def utc_text(moment: datetime) -> str:
    """Write an aware moment as 2026-11-23 15:08 UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def zone_text(moment: datetime, zone: ZoneInfo) -> str:
    """Write an aware moment in a named zone as 2026-11-23 16:08 CET, with the date for readers far from UTC."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
