"""How pages and feeds write a moment for readers."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    """Write an aware moment as 2026-11-23 15:08 UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
