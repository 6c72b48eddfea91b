"""The Statuspage-compatible JSON API: the files, field names, types and enums of Atlassian Statuspage's public v2 API.

Tools written for Statuspage (monitors, exporters, widgets) read these files unchanged. The mapping from records to
fields, and every way it differs from Statuspage, is documented in docs/statuspage-api.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from generator import GENERATOR
from generator.render import urls
from generator.render.output import OutputFile
from generator.views.incidents import IncidentView, UpdateView, status_rank
from generator.views.page import SiteView
from generator.views.status import ComponentState

# Statuspage's incidents.json and scheduled-maintenances.json list the 50 most recent records.
RECENT_LIMIT = 50
# Escaped in JSON strings (as Go's encoder does) so that no string can close a script element; parsers read them back.
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})
SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def timestamp(moment: datetime | None) -> str | None:
    """Format an aware time as Statuspage does for a UTC page: 2026-11-23T15:08:00.000Z."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def page_id(view: SiteView) -> str:
    """Derive a stable 12-character page id from the site's URL (or, without one, its name)."""
    return hashlib.sha256((view.url or view.site.name).encode("utf-8")).hexdigest()[:12]


def group_id(name: str, taken: set[str]) -> str:
    """Return ``group-<slug of name>``, numbered if a component or another group already has that id."""
    base = "group-" + (SLUG_JUNK.sub("-", name.casefold()).strip("-") or "unnamed")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def moments(incident: IncidentView) -> list[datetime]:
    """List every moment an incident changed something: its updates, start, end of impact and resolution."""
    found = [u.at for u in incident.updates] + [incident.started, incident.impact_end, incident.resolved]
    return [m for m in found if m is not None]


def status_changes(incident: IncidentView) -> list[datetime]:
    """List the moments an incident changed its components' status: when its impact began and ended."""
    if incident.is_maintenance:
        found = [first_update_at(incident, ("in_progress", "verifying")), resolved_at(incident)]
    else:
        found = [incident.started, incident.impact_end]
    return [m for m in found if m is not None]


def last_change(incidents: tuple[IncidentView, ...], now: datetime, default: datetime, changes=moments) -> datetime:
    """Return the latest of the ``changes`` of ``incidents`` up to ``now``; ``default`` if there is none."""
    return max((m for i in incidents for m in changes(i) if m <= now), default=default)


def first_moment(view: SiteView) -> datetime:
    """Return the earliest moment, up to now, that any visible record speaks of; now if there is none."""
    return min((m for i in view.incidents for m in moments(i) if m <= view.now), default=view.now)


@dataclass(frozen=True, slots=True)
class Group:
    """A component group as Statuspage shows it: a component of its own that lists its members."""

    id: str
    name: str
    members: tuple[ComponentState, ...]

    @property
    def status(self) -> str:
        """The worst status of any member."""
        return max((m.status for m in self.members), key=status_rank, default="operational")


def top_level(states: tuple[ComponentState, ...]) -> list[ComponentState | Group]:
    """Arrange components as Statuspage does: ungrouped ones and groups in configured order, members inside."""
    taken = {s.component.id for s in states}
    order: list[ComponentState | str] = []
    members: dict[str, list[ComponentState]] = {}
    for state in states:
        name = state.component.group
        if name is None:
            order.append(state)
            continue
        if name not in members:
            order.append(name)
            members[name] = []
        members[name].append(state)
    groups: dict[str, Group] = {}
    for name, grouped in members.items():
        groups[name] = Group(group_id(name, taken), name, tuple(grouped))
        taken.add(groups[name].id)
    return [groups[item] if isinstance(item, str) else item for item in order]


class StatuspageApi:
    """Builds the JSON objects of one site's API, sharing the page and component objects between files."""

    def __init__(self, view: SiteView) -> None:
        """Compute the page object and every component object of ``view``."""
        self.view = view
        self.page_id = page_id(view)
        self.since = first_moment(view)
        self.components = self.component_objects()
        self.by_id = {c["id"]: c for c in self.components if not c["group"]}

    def page(self) -> dict:
        """Return the page object: id, name, URL, time zone, when anything on it last changed, and what built it."""
        site = self.view.site
        updated = last_change(self.view.incidents, self.view.now, self.view.now)
        return {
            "id": self.page_id,
            "name": site.name,
            "url": (self.view.url or "").rstrip("/"),
            "time_zone": site.timezone.key,
            "updated_at": timestamp(updated),
            "generator": GENERATOR,
        }

    def status(self) -> dict:
        """Return the page indicator and its description."""
        return {"indicator": self.view.status.indicator, "description": self.view.status.description}

    def component_objects(self) -> list[dict]:
        """Return every component in display order, each group followed by its members."""
        objects: list[dict] = []
        for position, item in enumerate(top_level(self.view.status.components), 1):
            if isinstance(item, Group):
                members = [self.component(m, n, item.id) for n, m in enumerate(item.members, 1)]
                objects.append(self.group(item, position, members))
                objects += members
            else:
                objects.append(self.component(item, position, None))
        return objects

    def component(self, state: ComponentState, position: int, group: str | None) -> dict:
        """Return one component's object; ``position`` counts among its siblings, from 1."""
        touching = self.view.incidents_of(state.component.id)
        return {
            "id": state.component.id,
            "name": state.component.name,
            "status": state.status,
            "created_at": timestamp(self.since),
            "updated_at": timestamp(last_change(touching, self.view.now, self.since, status_changes)),
            "position": position,
            "description": state.component.description,
            "showcase": True,
            "start_date": None,
            "group_id": group,
            "page_id": self.page_id,
            "group": False,
            "only_show_if_degraded": False,
        }

    def group(self, group: Group, position: int, members: list[dict]) -> dict:
        """Return a group's object: a component with ``group: true`` that lists its members' ids."""
        return {
            "id": group.id,
            "name": group.name,
            "status": group.status,
            "created_at": timestamp(self.since),
            "updated_at": max(m["updated_at"] for m in members),
            "position": position,
            "description": None,
            "showcase": False,
            "start_date": None,
            "group_id": None,
            "page_id": self.page_id,
            "group": True,
            "only_show_if_degraded": False,
            "components": [m["id"] for m in members],
        }

    def incident(self, incident: IncidentView) -> dict:
        """Return an incident's object, its updates newest first; maintenance adds its schedule."""
        found = {
            "id": incident.id,
            "name": incident.title,
            "status": incident.status,
            "created_at": timestamp(incident.created),
            "updated_at": timestamp(incident.latest.at),
            "monitoring_at": timestamp(first_update_at(incident, ("monitoring",))),
            "resolved_at": timestamp(resolved_at(incident)),
            "impact": incident.impact,
            "shortlink": urls.absolute(self.view.url or "", urls.incident_page(incident.id)),
            "started_at": timestamp(incident.started or incident.created),
            "page_id": self.page_id,
            "incident_updates": [self.update(incident, n) for n in reversed(range(len(incident.updates)))],
            "components": [self.by_id[a.component.id] for a in incident.affected if a.component.id in self.by_id],
        }
        if incident.is_maintenance:
            found["scheduled_for"] = timestamp(incident.scheduled_for)
            found["scheduled_until"] = timestamp(incident.scheduled_until)
        return found

    def update(self, incident: IncidentView, index: int) -> dict:
        """Return the object of the incident's update at ``index`` (oldest is 0); its body is Markdown text."""
        update = incident.updates[index]
        before = incident.updates[index - 1] if index else None
        at = timestamp(update.at)
        return {
            "id": f"{incident.id}-{update.number}",
            "status": update.status,
            "body": update.message.strip(),
            "incident_id": incident.id,
            "created_at": at,
            "updated_at": at,
            "display_at": at,
            "affected_components": affected_components(incident, update, before) or None,
            "deliver_notifications": False,
            "custom_tweet": None,
            "tweet_id": None,
        }


def first_update_at(incident: IncidentView, statuses: tuple[str, ...]) -> datetime | None:
    """Return when the first update with one of ``statuses`` was posted, if any was."""
    return next((u.at for u in incident.updates if u.status in statuses), None)


def resolved_at(incident: IncidentView) -> datetime | None:
    """Return when a closed incident was resolved (or maintenance completed); None while it is open."""
    if not incident.is_closed:
        return None
    return incident.resolved or first_update_at(incident, ("resolved", "completed")) or incident.latest.at


def status_at(incident: IncidentView, update: UpdateView, impact: str) -> str:
    """Return the status the incident gave a component as of an update: ``impact`` inside its impact window."""
    if incident.is_maintenance:
        return impact if update.status in ("in_progress", "verifying") else "operational"
    if update.status == "resolved" or incident.started is None or incident.started > update.at:
        return "operational"
    ended = incident.impact_end is not None and incident.impact_end <= update.at
    return "operational" if ended else impact


def affected_components(incident: IncidentView, update: UpdateView, before: UpdateView | None) -> list[dict]:
    """List each affected component with the status the incident gave it as of the update ``before`` and this one."""
    return [
        {
            "code": a.component.id,
            "name": a.component.name,
            "old_status": status_at(incident, before, a.impact) if before else "operational",
            "new_status": status_at(incident, update, a.impact),
        }
        for a in incident.affected
    ]


def json_file(name: str, payload: dict) -> OutputFile:
    """Encode one API file as compact UTF-8 JSON, with HTML-significant characters escaped as Statuspage does."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).translate(HTML_SAFE) + "\n"
    return OutputFile(urls.api_file(name), text.encode("utf-8"))


def latest(view: SiteView, maintenance: bool) -> list[IncidentView]:
    """Return the newest incidents, or maintenance windows, up to Statuspage's limit."""
    return [v for v in view.incidents if v.is_maintenance == maintenance][:RECENT_LIMIT]


def payloads(view: SiteView) -> dict[str, dict]:
    """Return the body of every API file, by its name under api/v2/."""
    api = StatuspageApi(view)
    page, status, components = api.page(), api.status(), api.components
    recent = [api.incident(v) for v in latest(view, maintenance=False)]
    planned = [api.incident(v) for v in latest(view, maintenance=True)]
    unresolved = [api.incident(v) for v in view.status.active]
    active = [api.incident(v) for v in view.status.maintenance_now]
    upcoming = [api.incident(v) for v in view.status.maintenance_upcoming]
    summary = {"components": components, "incidents": unresolved, "scheduled_maintenances": active + upcoming}
    return {
        "summary.json": {"page": page, **summary, "status": status},
        "status.json": {"page": page, "status": status},
        "components.json": {"page": page, "components": components},
        "incidents.json": {"page": page, "incidents": recent},
        "incidents/unresolved.json": {"page": page, "incidents": unresolved},
        "scheduled-maintenances.json": {"page": page, "scheduled_maintenances": planned},
        "scheduled-maintenances/upcoming.json": {"page": page, "scheduled_maintenances": upcoming},
        "scheduled-maintenances/active.json": {"page": page, "scheduled_maintenances": active},
    }


def api_files(view: SiteView) -> list[OutputFile]:
    """Render every file of the Statuspage-compatible API for ``view``."""
    return [json_file(name, payload) for name, payload in payloads(view).items()]
