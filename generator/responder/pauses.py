"""statusbook incident pause: the owner announces a pause, with someone covering or not."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.clock import iso_utc as stamp
from generator.model.incident import Incident
from generator.model.ownership import owner_at
from generator.responder import yamlrt
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.incident import append, open_record, save
from generator.responder.summary import clock, moment
from generator.responder.times import parse_earlier, parse_when
from generator.responder.workspace import Workspace

PAUSES_AFTER = ("handoffs", "links", "roles", "commander")


def loaded_incident(ws: Workspace, path: str) -> Incident | None:
    """Return the record at ``path`` as it loaded, if it did."""
    return next((i for i in ws.corpus.incidents if i.path == path), None)


def require_owner(ws: Workspace, path: str, data: Any, at: datetime) -> str:
    """Return the owner at ``at``; only they announce their pause."""
    record = loaded_incident(ws, path)
    owner = owner_at(record, at) if record is not None else data.get("commander")
    if owner is None:
        raise UsageProblem(f"{path} names no Incident Commander to pause")
    if ws.actor != owner:
        raise UsageProblem(f"{owner} owns {path} at {stamp(at)}; only the owner announces their pause (pass --as {owner})")
    return owner


def pause_entry(ws: Workspace, data: Any, at: datetime, until: datetime, cover: str | None) -> Any:
    """Build one pause, refusing one that ends before it begins or repeats a recorded pause."""
    if until <= at:
        raise UsageProblem(f"--until {stamp(until)} is not after the pause's start {stamp(at)}")
    for index, pause in enumerate(data.get("pauses") or []):
        if moment(pause.get("at")) == at and moment(pause.get("until")) == until:
            raise RefusedEdit(f"pauses[{index}] already records this pause; a duplicate, so nothing was written", [])
    entry = yamlrt.mapping({"at": stamp(at), "until": stamp(until)})
    if cover is not None:
        entry["cover"] = cover
    return entry


def return_said(data: Any, until: datetime, cover: str | None, now: datetime) -> str:
    """Say who covers, or what readers must be told without cover."""
    if cover is not None:
        return f", {cover} covering"
    updates = data.get("updates") or []
    due = moment(updates[-1].get("next_update")) if updates else None
    if due is not None and due < until:
        return f" without cover; post an update that commits to {clock(until, now)} or later"
    return " without cover"


def pause(ws: Workspace, incident_id: str, until: str, cover: str | None, at: str | None) -> list[str]:
    """Record that the owner pauses from ``at`` (default now) until ``until``, covered by ``cover`` or not."""
    path, document = open_record(ws, incident_id)
    data = document.data
    start = parse_earlier(at, ws.now, "--at") if at else ws.now
    end = parse_when(until, start, "--until")
    owner = require_owner(ws, path, data, start)
    covering = ws.person(cover, "from --cover") if cover else None
    if covering == owner:
        raise UsageProblem(f"--cover must name someone other than the owner who pauses ({owner})")
    append(data, "pauses", pause_entry(ws, data, start, end, covering), PAUSES_AFTER)
    return save(ws, path, document, f"{owner} paused until {clock(end, ws.now)}{return_said(data, end, covering, ws.now)}")
