"""Map one Statuspage incident or scheduled maintenance to the text of a record, noting what did not fit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from generator.clock import iso_utc as stamp
from generator.importing.components import Components, text_or_none
from generator.importing.impacts import component_impacts, severity_of
from generator.importing.milestones import incident_times, maintenance_times
from generator.importing.times import moment
from generator.importing.updates import INSTEAD, Posted, map_updates, mapped_status
from generator.model.site import Site
from generator.responder import yamlrt

SOURCE = "statuspage"
NO_UPDATES = "Imported from Statuspage, which kept no updates for this {kind}."


@dataclass(slots=True)
class Draft:
    """A record to write, or (without data) one that cannot be imported, with the notes about it."""

    statuspage_id: str
    kind: str
    title: str
    notes: list[str] = field(default_factory=list)
    data: Any = None
    dated: datetime | None = None

    def note(self, what: str) -> None:
        """Add a note once."""
        if what not in self.notes:
            self.notes.append(what)


def title_of(item: dict[str, Any]) -> str | None:
    """Return the incident's name, if it has one."""
    return text_or_none(item.get("name"))


def updates_or_one(draft: Draft, item: dict[str, Any], notes: list[str]) -> list[Posted]:
    """Map the updates; a record without any gets one, noted, in the status Statuspage gives it."""
    updates = map_updates(item, draft.kind, notes)
    if updates:
        return updates
    at = moment(item.get("resolved_at")) or moment(item.get("updated_at")) or moment(item.get("created_at"))
    if at is None:
        return []
    status = mapped_status(item.get("status"), draft.kind, None, notes, at)
    notes.append(f"has no updates; wrote one {status} update at {stamp(at)}")
    return [Posted(at, status, NO_UPDATES.format(kind=draft.kind))]


def update_items(updates: list[Posted]) -> Any:
    """Lay the updates out as the record holds them."""
    return yamlrt.sequence([
        yamlrt.mapping({"at": stamp(u.at), "status": u.status, "message": yamlrt.text(u.message)}) for u in updates
    ])


def origin(item: dict[str, Any]) -> Any:
    """Return the imported marker: source, Statuspage id and shortlink."""
    marker = {"from": SOURCE, "id": yamlrt.text(item["id"])}
    if text_or_none(item.get("shortlink")):
        marker["shortlink"] = yamlrt.text(item["shortlink"])
    return yamlrt.mapping(marker)


def layout(draft: Draft, item: dict[str, Any], site: Site, fields: dict[str, Any]) -> Any:
    """Put the record's fields in the order the example records use."""
    data: dict[str, Any] = {"title": yamlrt.text(draft.title), "type": draft.kind}
    if draft.kind == "incident":
        data["severity"] = yamlrt.text(severity_of(item.get("impact"), site, draft.notes))
    data.update(fields)
    return yamlrt.mapping(data)


def compare_status(draft: Draft, item: dict[str, Any], last: str) -> None:
    """Note a Statuspage status that its last update does not bear out: the record follows its updates."""
    given = item.get("status")
    if given != last and INSTEAD[draft.kind].get(given) != last:
        draft.note(f"status is '{given}' but the last update says {last}; recorded as {last}")


def map_record(item: dict[str, Any], kind: str, site: Site, plan: Components, commander: str | None) -> Draft:
    """Map one Statuspage object to a draft record."""
    draft = Draft(item["id"], kind, title_of(item) or "")
    notes: list[str] = []
    if not draft.title:
        draft.note("has no name; not imported")
        return draft
    updates = updates_or_one(draft, item, notes)
    times = maintenance_times(item, updates, notes) if kind == "maintenance" else incident_times(item, updates, notes)
    impacts = component_impacts(item, kind, plan, notes)
    for what in notes:
        draft.note(what)
    if not updates or times is None or not times.get("started" if kind == "incident" else "scheduled_for"):
        draft.note("has no time to date the record by; not imported")
        return draft
    draft.dated = times["started" if kind == "incident" else "scheduled_for"]
    compare_status(draft, item, updates[-1].status)
    fields = {"status": updates[-1].status, "public": True, "components": yamlrt.mapping(impacts)}
    fields.update((name, stamp(value)) for name, value in times.items())
    if commander and kind == "incident":
        fields["commander"] = commander
    fields.update(updates=update_items(updates), imported=origin(item))
    draft.data = layout(draft, item, site, fields)
    return draft
