"""Choose a record's milestones from a Statuspage incident's times, noting every time it lacks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.clock import iso_utc as stamp
from generator.importing.times import moment
from generator.importing.updates import FINAL, Posted

UNDER_WAY = ("in_progress", "verifying", "completed")


def first_at(updates: list[Posted], statuses: tuple[str, ...]) -> datetime | None:
    """Return when the first update with one of ``statuses`` was posted."""
    return next((u.at for u in updates if u.status in statuses), None)


def resolution(item: dict[str, Any], kind: str, updates: list[Posted], notes: list[str]) -> datetime | None:
    """Return when a closed record was closed: resolved_at, else its first final update."""
    if not updates or updates[-1].status != FINAL[kind]:
        if moment(item.get("resolved_at")) is not None:
            notes.append(f"resolved_at {item['resolved_at']} is left out: the record is still open")
        return None
    given = moment(item.get("resolved_at"))
    if given is None:
        given = first_at(updates, (FINAL[kind],))
        notes.append(f"resolved_at is missing; resolved set to the first {FINAL[kind]} update, {stamp(given)}")
    return given


def incident_times(item: dict[str, Any], updates: list[Posted], notes: list[str]) -> dict[str, datetime]:
    """Return started, detected and resolved: detected is when the incident was opened on Statuspage."""
    opened = moment(item.get("created_at")) or (updates[0].at if updates else None)
    started = moment(item.get("started_at"))
    if moment(item.get("created_at")) is None and opened is not None:
        notes.append(f"created_at is missing; detected set to the first update, {stamp(opened)}")
    if started is None:
        started = opened
        notes.append("started_at is missing; started set to when the incident was opened")
    if started is not None and opened is not None and started > opened:
        notes.append(f"started_at {stamp(started)} is after created_at {stamp(opened)}; detected set to started_at")
        opened = started
    times = {"started": started, "detected": opened, "resolved": resolution(item, "incident", updates, notes)}
    return ordered(times, notes)


def ordered(times: dict[str, datetime | None], notes: list[str]) -> dict[str, datetime]:
    """Drop missing times, and move a resolution before the start or detection up to the later of them."""
    found = {name: value for name, value in times.items() if value is not None}
    latest = max((found[n] for n in ("started", "detected") if n in found), default=None)
    if "resolved" in found and latest is not None and found["resolved"] < latest:
        notes.append(f"resolved_at {stamp(found['resolved'])} is before the start; resolved set to {stamp(latest)}")
        found["resolved"] = latest
    return found


def maintenance_times(item: dict[str, Any], updates: list[Posted], notes: list[str]) -> dict[str, datetime] | None:
    """Return the planned window, the actual start once under way and the end once completed; None without a window."""
    start, end = moment(item.get("scheduled_for")), moment(item.get("scheduled_until"))
    if start is None or end is None or end <= start:
        notes.append("scheduled_for and scheduled_until do not give a window; not imported")
        return None
    times: dict[str, datetime | None] = {"scheduled_for": start, "scheduled_until": end}
    if updates and updates[-1].status in UNDER_WAY:
        times["started"] = first_at(updates, UNDER_WAY) or moment(item.get("started_at"))
        times["resolved"] = resolution(item, "maintenance", updates, notes)
    return ordered(times, notes)
