"""Postmortem operations after an incident: start the postmortem and record its action items."""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.loading.records import POSTMORTEM_SUFFIX, record_id
from generator.model.incident import Incident
from generator.model.postmortem import ACTION_TYPES
from generator.responder import yamlrt
from generator.responder.edit import commit, read_document
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.incident import incident_path
from generator.responder.postmortem import skeleton
from generator.responder.summary import wrote
from generator.responder.times import parse_duration
from generator.responder.workspace import Workspace

ACTION_AFTER = ("status", "authors", "public", "drafted", "reviewed_on")


def postmortem_path(incident_record_path: str) -> str:
    """Return the path of the postmortem beside an incident record."""
    return incident_record_path.removesuffix(".md") + POSTMORTEM_SUFFIX


def loaded_incident(ws: Workspace, path: str) -> Incident:
    """Return the loaded incident at ``path``; one that does not load is a usage problem."""
    found = next((i for i in ws.corpus.incidents if i.path == path), None)
    if found is None:
        raise UsageProblem(f"{path} does not load; run statusbook validate and fix it first")
    return found


def new_postmortem(ws: Workspace, incident_id: str) -> list[str]:
    """Write the draft postmortem of a resolved incident, its Timeline filled from the record."""
    path = incident_path(ws, incident_id)
    target = postmortem_path(path)
    if (ws.root / target).exists():
        raise UsageProblem(f"{target} already exists; edit it, or add action items with statusbook postmortem action")
    incident = loaded_incident(ws, path)
    if not incident.is_closed:
        raise UsageProblem(f"{incident.id} is still {incident.status}; a postmortem follows the resolution "
                           f"(statusbook incident resolve {incident.id})")
    written = commit(ws.loaded, {target: skeleton(incident, ws.actor, ws.now)}, ws.now, created=frozenset({target}))
    return [f"{incident.id}: drafted its postmortem (status draft, author {ws.actor})"] + wrote(written)


def parse_due(text: str, ws: Workspace) -> str:
    """Read ``--due``: a date such as 2026-12-10, or a duration from --now such as 2w (a day in the team zone)."""
    duration = parse_duration(text)
    if duration is not None:
        return (ws.now + duration).astimezone(ws.site.timezone).date().isoformat()
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise UsageProblem(f"--due '{text}' is neither a date such as 2026-12-10 nor a duration such as 2w") from None


def action_item(ws: Workspace, title: str, owner: str, due: str, kind: str, ticket: str | None) -> Any:
    """Build one open action item in the order the example postmortems use."""
    if kind not in ACTION_TYPES:
        raise UsageProblem(f"--type '{kind}' is not one of {', '.join(ACTION_TYPES)}")
    item = yamlrt.mapping({"title": yamlrt.text(title), "owner": ws.person(owner, "from --owner"),
                           "due": parse_due(due, ws), "type": kind, "status": "open"})
    if ticket:
        item["ticket"] = yamlrt.text(ticket)
    return item


def add_action(ws: Workspace, incident_id: str, title: str, owner: str, due: str, kind: str,
               ticket: str | None) -> list[str]:
    """Append an open action item to the postmortem of an incident."""
    path = postmortem_path(incident_path(ws, incident_id))
    if not (ws.root / path).exists():
        raise UsageProblem(f"{path} does not exist; start it with: statusbook postmortem new {incident_id}")
    item = action_item(ws, title, owner, due, kind, ticket)
    document = read_document(ws.root, path)
    data = document.data
    if data.get("action_items") is None:
        yamlrt.insert_after(data, "action_items", yamlrt.sequence([]), ACTION_AFTER)
    refuse_duplicate_item(data, item)
    data["action_items"].append(item)
    written = commit(ws.loaded, {path: document.render()}, ws.now)
    still_open = sum(1 for one in data["action_items"] if one.get("status") == "open")
    change = f"added action item '{item['title']}' for {item['owner']}, due {item['due']}; {still_open} open action items"
    return [f"{record_id(path)}: {change}"] + wrote(written)


def refuse_duplicate_item(data: Any, item: Any) -> None:
    """Refuse an action item with the same title and due date as one the postmortem already has."""
    for index, existing in enumerate(data.get("action_items") or []):
        if str(existing.get("title", "")).strip() == str(item["title"]).strip() and str(existing.get("due")) == item["due"]:
            raise RefusedEdit(f"action_items[{index}] already says this, due {item['due']}; a duplicate, so nothing was written", [])

