"""Messages to paste into chat or email, rendered from an incident record by Jinja2 templates a team can override."""

from __future__ import annotations

import os
import traceback
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from jinja2.loaders import split_template_path

from generator.loading.files import leaving_link, read_file
from generator.loading.source import decode
from generator.model.audiences import AUDIENCE_LABELS, COMMS_TEMPLATES, offered_templates
from generator.model.incident import Incident, TimelineEntry, Update
from generator.model.timing import format_duration
from generator.responder.errors import UsageProblem
from generator.responder.followup import loaded_incident
from generator.responder.incident import incident_path
from generator.responder.workspace import Workspace

TEMPLATES = COMMS_TEMPLATES
SUFFIX = ".md.j2"
PACKAGED = Path(__file__).resolve().parent / "templates" / "comms"
TEAM_DIR = Path("templates") / "comms"


def as_of(items: tuple[Any, ...], now: datetime) -> list[Any]:
    """Keep the updates or timeline entries posted at or before ``now``."""
    return [item for item in items if item.at <= now]


def last(items: list[Any], back: int = 1) -> Any:
    """Return the item ``back`` places from the end, or None."""
    return items[-back] if len(items) >= back else None


def restored_at(incident: Incident, now: datetime) -> datetime | None:
    """Return when service was restored as of ``now``: mitigated, else resolved, if not in the future."""
    moment = incident.mitigated or incident.resolved
    return moment if moment is not None and moment <= now else None


def start_of(incident: Incident) -> datetime | None:
    """Return when impact began: started, else the planned start of a maintenance window."""
    return incident.started or incident.scheduled_for


def elapsed(incident: Incident, now: datetime) -> timedelta | None:
    """Return how long the incident has lasted as of ``now``: from its start to its resolution or to now."""
    start = start_of(incident)
    if start is None or start > now:
        return None
    end = incident.resolved if incident.resolved is not None and incident.resolved <= now else now
    return end - start


def impacts(ws: Workspace, incident: Incident) -> list[dict[str, str]]:
    """List the affected components by display name with their impact in words."""
    return [{"id": cid, "name": component_name(ws, cid), "impact": impact.replace("_", " ")}
            for cid, impact in incident.components.items()]


def component_name(ws: Workspace, component_id: str) -> str:
    """Return a component's display name, or its id if it is not configured."""
    component = ws.site.component(component_id)
    return component.name if component else component_id


def person_name(ws: Workspace, person_id: str | None) -> str | None:
    """Return a person's name from people.yml, or the id if they are not listed."""
    person = ws.corpus.person(person_id)
    return person.name if person else person_id


def context(ws: Workspace, incident: Incident) -> dict[str, Any]:
    """Return what templates may use; docs/responding.md documents each name."""
    updates: list[Update] = as_of(incident.updates, ws.now)
    events: list[TimelineEntry] = as_of(incident.timeline, ws.now)
    latest = last(updates)
    return {
        "site": ws.site.name,
        "incident": incident,
        "severity": ws.site.severity(incident.severity),
        "status": latest.status if latest else incident.status,
        "components": [entry["name"] for entry in impacts(ws, incident)],
        "impacts": impacts(ws, incident),
        "latest": latest,
        "previous": last(updates, 2),
        "latest_event": last(events),
        "next_update": latest.next_update if latest else None,
        "commander": person_name(ws, incident.commander),
        "start": start_of(incident),
        "restored": restored_at(incident, ws.now),
        "duration": elapsed(incident, ws.now),
        "postmortem": ws.corpus.postmortem_of(incident.id),
        "business_impact": incident.business_impact,
        "now": ws.now,
    }


def local_time(zone: ZoneInfo, moment: datetime | None) -> str:
    """Render a moment in the team zone, such as 2026-11-23 19:30 CET."""
    return "not set" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def utc_time(moment: datetime | None) -> str:
    """Render a moment in UTC, such as 2026-11-23 18:30 UTC."""
    return "not set" if moment is None else moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def both_times(zone: ZoneInfo, moment: datetime | None) -> str:
    """Render a moment in the team zone with the UTC time in brackets."""
    return "not set" if moment is None else f"{local_time(zone, moment)} ({moment.astimezone(timezone.utc):%H:%M} UTC)"


def filters(ws: Workspace) -> dict[str, Any]:
    """Return the template filters: times in the team zone and UTC, durations, labels, names, one-line text."""
    zone = ws.site.timezone
    return {"local": partial(local_time, zone), "utc": utc_time, "when": partial(both_times, zone),
            "duration": duration_text, "label": label, "oneline": oneline, "name": partial(person_name, ws)}


def duration_text(delta: timedelta | None) -> str:
    """Render a duration such as 3 h 5 min."""
    return "unknown" if delta is None else format_duration(delta)


def label(status: str | None) -> str:
    """Render a status such as in_progress as 'In progress'."""
    return "" if not status else status.replace("_", " ").capitalize()


def oneline(text: str | None) -> str:
    """Collapse a multi-line text to one line."""
    return " ".join((text or "").split())


class TeamTemplates(jinja2.BaseLoader):
    """The team's templates under templates/comms/, read only from regular files inside the portal root."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        """Return a team template's text, or say it has none so the packaged one is used."""
        path = (TEAM_DIR / "/".join(split_template_path(template))).as_posix()
        refused = leaving_link(self.root, path)
        if refused is None and not os.path.lexists(self.root / path):
            raise jinja2.TemplateNotFound(template)
        data, problems = (None, [refused]) if refused else read_file(self.root, path)
        text, problems = (None, problems) if data is None else decode(path, data)
        if text is None:
            raise UsageProblem(f"comms template {path}: {problems[0].message}")
        return text, str(self.root / path), lambda: True


def environment(ws: Workspace) -> jinja2.Environment:
    """Return a strict Jinja2 environment that prefers the team's templates over the packaged ones."""
    loader = jinja2.ChoiceLoader([TeamTemplates(ws.root), jinja2.FileSystemLoader(str(PACKAGED))])
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, autoescape=False)
    env.filters.update(filters(ws))
    return env


def template_line(exc: BaseException, filename: str | None) -> int | None:
    """Return the template line an error was raised at, from Jinja2's rewritten traceback."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if filename and frame.filename == filename]
    return lines[-1] if lines else getattr(exc, "lineno", None)


def template_error(name: str, template: jinja2.Template | None, exc: Exception) -> UsageProblem:
    """Describe a template that cannot be rendered: which file, which line, what is wrong."""
    filename = getattr(exc, "filename", None) or (template.filename if template else None) or name
    line = template_line(exc, filename)
    where = f"{filename}:{line}" if line else filename
    return UsageProblem(f"comms template {where}: {type(exc).__name__}: {exc}")


RENDER_ERRORS = (jinja2.TemplateError, ArithmeticError, AttributeError, LookupError, TypeError, ValueError)


def offered(ws: Workspace, incident_id: str) -> list[str]:
    """Say which templates the incident's severity offers, for whom, and the command for each."""
    incident = loaded_incident(ws, incident_path(ws, incident_id))
    severity = ws.site.severity(incident.severity)
    names = offered_templates(severity)
    if severity is None or not severity.audiences:
        who = f"{severity.id} names no audiences" if severity else "no severity"
        lines = [f"{incident_id}: {who}, so every comms template is offered:"]
    else:
        audiences = ", ".join(AUDIENCE_LABELS[a] for a in severity.audiences)
        lines = [f"{incident_id}: {severity.id} is told to {audiences}; comms templates offered:"]
    return lines + [f"  statusbook comms {incident_id} --template {name}" for name in names]


def render(ws: Workspace, incident_id: str, name: str | None) -> list[str]:
    """Render the message ``name`` for an incident as of the workspace's moment; without a name, say which are offered."""
    if name is None:
        return offered(ws, incident_id)
    if name not in TEMPLATES:
        raise UsageProblem(f"--template '{name}' is not one of {', '.join(TEMPLATES)}")
    incident = loaded_incident(ws, incident_path(ws, incident_id))
    template = None
    try:
        template = environment(ws).get_template(name + SUFFIX)
        return [template.render(context(ws, incident)).strip("\n")]
    except RENDER_ERRORS as exc:
        raise template_error(name + SUFFIX, template, exc) from None
