"""The rota behind the commander: who commands a new incident, who is at work to take a handoff, and keeping an incident."""

from __future__ import annotations

from datetime import datetime

from generator.clock import iso_utc as stamp
from generator.model.rota import (
    HANDOVER_WINDOW,
    RotaIndex,
    near,
    next_at_work,
    rotation_members,
)
from generator.model.site import Person
from generator.model.timing import format_duration
from generator.responder import yamlrt
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.incident import append, commander_rota as rota, open_record, require_open, save
from generator.responder.summary import clock, moment
from generator.responder.workspace import Workspace


def candidates(ws: Workspace) -> tuple[Person, ...]:
    """Who could take a handoff: the members of the commander rotation with working hours, else everyone with them."""
    rotation = rota(ws)
    members = set(rotation_members(rotation)) if rotation is not None else set()
    chosen = tuple(p for p in ws.corpus.people if p.id in members and p.has_hours)
    return chosen or tuple(p for p in ws.corpus.people if p.has_hours)


def when_at_work(person: Person, start: datetime, now: datetime) -> str:
    """Say when someone is at work: now, with their local time, or when they start."""
    local = now.astimezone(person.timezone)
    if start <= now:
        return f"at work now ({local:%H:%M} {person.timezone.key}, hours {person.working_hours})"
    return f"starts {clock(start, now)} ({start.astimezone(person.timezone):%a %H:%M} {person.timezone.key})"


def suggest_handoff(ws: Workspace, incident_id: str) -> list[str]:
    """Suggest who takes the incident next, following the sun; nothing is written."""
    path, document = open_record(ws, incident_id)
    require_open(path, document.data)
    owner = document.data.get("commander")
    ranked = next_at_work(candidates(ws), ws.now, exclude=owner)
    if not ranked:
        raise UsageProblem("people.yml gives nobody a timezone and working_hours, so no one can be suggested; name --to PERSON")
    person, start = ranked[0]
    lines = [f"{incident_id}: suggested next commander {person.id} ({person.name}), {when_at_work(person, start, ws.now)}"]
    lines += [f"  then {p.id}: {when_at_work(p, s, ws.now)}" for p, s in ranked[1:3]]
    lines += ["Nothing was written. To hand over, run:",
              f"  statusbook incident handoff {incident_id} --to {person.id} --status \"...\" --next-steps \"...\""]
    return lines


def keep(ws: Workspace, incident_id: str, note: str | None) -> list[str]:
    """Record that the owner keeps the incident at a rota handover instead of handing it over."""
    path, document = open_record(ws, incident_id)
    data = document.data
    require_open(path, data)
    if data.get("commander") != ws.actor:
        raise UsageProblem(f"only the commander ({data.get('commander')}) keeps {incident_id}; act as them with --as, or hand it over")
    for index, entry in enumerate(data.get("keeps") or []):
        if entry.get("by") == ws.actor and moment(entry.get("at")) == ws.now:
            raise RefusedEdit(f"keeps[{index}] already records that {ws.actor} keeps it at {stamp(ws.now)}; nothing was written", [])
    entry = yamlrt.mapping({"at": stamp(ws.now), "by": ws.actor, **({"note": yamlrt.text(note)} if note else {})})
    append(data, "keeps", entry, ("handoffs", "roles", "commander"))
    return save(ws, path, document, f"{ws.actor} keeps it {handover_said(ws)}")


def handover_said(ws: Workspace) -> str:
    """Name the rota handover a keep now answers, or say that none is near."""
    rotation = rota(ws)
    found = [h for h in RotaIndex(rotation).handovers if near(ws.now, h)] if rotation is not None else []
    if not found:
        return f"(no {ws.site.commander_rotation} handover within {format_duration(HANDOVER_WINDOW)}, so it answers none)"
    handover = found[0]
    return f"past the {rotation.id} handover from {handover.outgoing} to {handover.incoming} at {clock(handover.at, ws.now)}"
