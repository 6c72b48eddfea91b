"""What a responder command changed, in words: the change, the status, and the next commitment and when it is due."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from generator.clock import ClockError, parse_now
from generator.model.timing import format_duration

FINAL_STATUSES = ("resolved", "completed")


def moment(value: Any) -> datetime | None:
    """Read a time stored in an edited record, or None if it is absent or unreadable."""
    try:
        return parse_now(str(value)) if value is not None else None
    except ClockError:
        return None


def clock(when: datetime, now: datetime) -> str:
    """Render a time in UTC: the hour alone on the day of ``now``, else with its date."""
    utc, today = when.astimezone(timezone.utc), now.astimezone(timezone.utc)
    return f"{utc:%H:%M} UTC" if utc.date() == today.date() else f"{utc:%Y-%m-%d %H:%M} UTC"


def relative(when: datetime, now: datetime) -> str:
    """Say how far a time is from now: in 30 min, 10 min ago, or now."""
    if when == now:
        return "now"
    distance = format_duration(when - now)
    return f"in {distance}" if when > now else f"{distance} ago"


def due_text(due: datetime, now: datetime) -> str:
    """Render a due time with its distance from now, such as 18:30 UTC (in 30 min)."""
    late = ", overdue" if due < now else ""
    return f"{clock(due, now)} ({relative(due, now)}{late})"


def next_commitment(data: Any, now: datetime) -> str:
    """Say what the record commits to next: the next update and when it is due, or none once it is closed."""
    if data.get("status") in FINAL_STATUSES:
        return "no further update due"
    pending = [h for h in data.get("handoffs") or [] if h.get("acknowledged_at") is None]
    updates = data.get("updates") or []
    due = moment(updates[-1].get("next_update")) if updates else None
    waiting = f"; handoff to {pending[-1].get('to')} awaits 'incident ack'" if pending else ""
    if due is None:
        return "no next update committed" + waiting
    return f"next update due {due_text(due, now)}{waiting}"


def state(data: Any, now: datetime) -> str:
    """Say the record's status and its next commitment."""
    return f"status {data.get('status')}; {next_commitment(data, now)}"


def said(record_id: str, change: str, data: Any, now: datetime) -> str:
    """Return one line: the record, what changed, its status and its next commitment."""
    return f"{record_id}: {change}; {state(data, now)}"


def wrote(paths: list[str]) -> list[str]:
    """Name each file written, one line each."""
    return [f"wrote {path}" for path in paths]


def words(impact: str) -> str:
    """Turn an impact id into words: major_outage -> major outage."""
    return impact.replace("_", " ")
