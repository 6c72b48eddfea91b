"""Maintenance window operations: schedule a window as a new record with its first announcement."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from generator.clock import iso_utc as stamp
from generator.responder import yamlrt
from generator.responder.edit import commit
from generator.responder.errors import UsageProblem
from generator.responder.incident import new_path, parse_component, public_update, told
from generator.responder.summary import clock
from generator.responder.times import parse_when
from generator.responder.workspace import Workspace

DEFAULT_IMPACT = "under_maintenance"
NEW_BODY = "## Internal notes\n\n- Change request, runbook, go/no-go time and rollback plan.\n"


def parse_maintained(ws: Workspace, given: str) -> tuple[str, str]:
    """Read one ``--component ID[=IMPACT]``; the impact defaults to under_maintenance."""
    return parse_component(ws, given if "=" in given else f"{given}={DEFAULT_IMPACT}")


def parse_start(text: str, now: datetime) -> datetime:
    """Read ``--start``: a duration from --now such as 2d, or a timestamp with offset, after --now."""
    start = parse_when(text, now, "--start")
    if start <= now:
        raise UsageProblem(f"--start {stamp(start)} is not after --now {stamp(now)}; a maintenance window is scheduled ahead")
    return start


def parse_end(text: str, start: datetime) -> datetime:
    """Read ``--end``: a timestamp, or a duration from the start such as 90m or 2h."""
    end = parse_when(text, start, "--end")
    if end <= start:
        raise UsageProblem(f"--end {stamp(end)} is not after --start {stamp(start)}")
    return end


def local_span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """Describe a window in one zone, such as 'Wednesday 2 December 2026, 06:00–07:30 CET'."""
    first, last = start.astimezone(zone), end.astimezone(zone)
    day = f"{first:%A} {first.day} {first:%B %Y}"
    if first.date() == last.date():
        return f"{day}, {first:%H:%M}–{last:%H:%M} {last:%Z}"
    return f"{day}, {first:%H:%M} {first:%Z} to {last:%A} {last.day} {last:%B %Y}, {last:%H:%M} {last:%Z}"


def utc_span(start: datetime, end: datetime) -> str:
    """Describe a window in UTC, such as '05:00–06:30 UTC'; with dates when it spans midnight."""
    first, last = start.astimezone(timezone.utc), end.astimezone(timezone.utc)
    if first.date() == last.date():
        return f"{first:%H:%M}–{last:%H:%M} UTC"
    return f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC"


def window_text(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """Describe a window in the team zone with UTC in brackets."""
    local = local_span(start, end, zone)
    return local if zone.key == "UTC" else f"{local} ({utc_span(start, end)})"


def default_message(ws: Workspace, impacts: dict[str, str], start: datetime, end: datetime) -> str:
    """Return the first announcement when none is given."""
    names = ", ".join(ws.site.component(c).name for c in impacts)
    return (f"Planned maintenance of {names} on {window_text(start, end, ws.site.timezone)}. "
            "We will post an update when the maintenance starts.")


def first_update_due(ws: Workspace, start: datetime, given: str | None) -> str:
    """Return the first announcement's next update: given, else the start of the window."""
    return stamp(parse_when(given, ws.now, "--next-update") if given else start)


def new_maintenance(ws: Workspace, title: str, components: tuple[str, ...], start_text: str, end_text: str,
                    public: bool | None, commander: str | None, message: str | None, next_update: str | None) -> list[str]:
    """Schedule a maintenance window: write its record with a first scheduled update."""
    impacts = dict(parse_maintained(ws, given) for given in components)
    if not impacts:
        raise UsageProblem("name at least one component under maintenance with --component ID")
    start = parse_start(start_text, ws.now)
    end = parse_end(end_text, start)
    owner = ws.person(commander, "from --commander") if commander else ws.actor
    path = new_path(ws, title, start)
    visible = any(ws.site.component(c).public for c in impacts) if public is None else public
    text = message or default_message(ws, impacts, start, end)
    data = yamlrt.mapping({
        "title": yamlrt.text(title), "type": "maintenance", "status": "scheduled", "public": visible,
        "components": yamlrt.mapping(impacts), "scheduled_for": stamp(start), "scheduled_until": stamp(end),
        "commander": owner,
        "updates": yamlrt.sequence([public_update(ws, "scheduled", text, first_update_due(ws, start, next_update))]),
    })
    record = "---\n" + yamlrt.dump(data) + "---\n" + NEW_BODY
    written = commit(ws.loaded, {path: record}, ws.now, created=frozenset({path}))
    return told(ws, path, data, f"scheduled maintenance from {clock(start, ws.now)} to {clock(end, ws.now)}, commander {owner}", written)

