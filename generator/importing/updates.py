"""Map Statuspage incident updates to record updates: oldest first, with statuses the record type allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.clock import iso_utc as stamp
from generator.importing.times import moment
from generator.model.incident import INCIDENT_STATUSES, MAINTENANCE_STATUSES

FINAL = {"incident": "resolved", "maintenance": "completed"}
STATUSES = {"incident": INCIDENT_STATUSES, "maintenance": MAINTENANCE_STATUSES}
# Statuses of the other type, or Statuspage's own, and the status they become.
INSTEAD = {
    "incident": {"postmortem": "resolved", "completed": "resolved"},
    "maintenance": {"resolved": "completed", "postmortem": "completed"},
}
EMPTY_MESSAGE = "(This update was posted without a message.)"


@dataclass(frozen=True, slots=True)
class Posted:
    """One update as the record will hold it."""

    at: datetime
    status: str
    message: str


def posted_at(update: dict[str, Any]) -> datetime | None:
    """Return when an update was shown: display_at, else created_at."""
    return moment(update.get("display_at")) or moment(update.get("created_at"))


def readable(item: dict[str, Any], notes: list[str]) -> list[tuple[datetime, dict[str, Any]]]:
    """Return the updates that carry a time, oldest first, noting those that do not."""
    found = []
    for update in item.get("incident_updates") or []:
        at = posted_at(update) if isinstance(update, dict) else None
        if at is None:
            notes.append(f"update {describe(update)} has no readable display_at or created_at; left out")
        else:
            found.append((at, update))
    return sorted(found, key=lambda pair: pair[0])


def describe(update: Any) -> str:
    """Name an update in a note by its id."""
    return str(update.get("id")) if isinstance(update, dict) and update.get("id") else "without id"


def mapped_status(raw: Any, kind: str, previous: str | None, notes: list[str], at: datetime) -> str:
    """Return the record status for a Statuspage status, noting every change made to it."""
    final = FINAL[kind]
    status = raw if raw in STATUSES[kind] else INSTEAD[kind].get(raw)
    if status is None:
        status = previous or STATUSES[kind][0]
        notes.append(f"update at {stamp(at)} has status '{raw}', which a {kind} does not have; kept as {status}")
    elif status != raw:
        notes.append(f"update at {stamp(at)} has status '{raw}'; recorded as {status}")
    if previous == final and status != final:
        notes.append(f"update at {stamp(at)} reopened the {kind} as {status} after {final}; recorded as {final}")
        status = final
    return status


def message_of(update: dict[str, Any], notes: list[str], at: datetime) -> str:
    """Return an update's body, or a placeholder, noted, when it has none."""
    body = update.get("body")
    if isinstance(body, str) and body.strip():
        return body.strip()
    notes.append(f"update at {stamp(at)} has no message; wrote '{EMPTY_MESSAGE}'")
    return EMPTY_MESSAGE


def map_updates(item: dict[str, Any], kind: str, notes: list[str]) -> list[Posted]:
    """Map an incident's updates, oldest first."""
    posted: list[Posted] = []
    for at, update in readable(item, notes):
        previous = posted[-1].status if posted else None
        posted.append(Posted(at, mapped_status(update.get("status"), kind, previous, notes, at), message_of(update, notes, at)))
    return posted
