"""Render every file of a new portal in memory, from the templates shipped in this package."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.model.formats import FORMAT_VERSION
from generator.model.links import channel_name
from generator.scaffold import action_ref, example, schedule
from generator.scaffold.answers import Answers

ROTATION_ID = "on-call"

PORTAL = {
    "statusbook.yml": "statusbook.yml.j2",
    "people.yml": "people.yml.j2",
    f"rotations/{ROTATION_ID}.md": "rotation.md.j2",
    "incidents/README.md": "incidents-README.md.j2",
    ".gitignore": "gitignore.j2",
    ".github/workflows/pull-request.yml": "workflows/pull-request.yml.j2",
    ".github/workflows/publish.yml": "workflows/publish.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    "README.md": "README.md.j2",
}


def quoted(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def stamp(moment: datetime | date) -> str:
    """Return a moment as an RFC 3339 UTC timestamp, or a day as YYYY-MM-DD."""
    if isinstance(moment, datetime):
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.isoformat()


def environment() -> Environment:
    """Return the Jinja environment of the scaffold templates."""
    env = Environment(loader=PackageLoader("generator.scaffold", "templates"), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters.update(q=quoted, ts=stamp)
    return env


def example_incident_id(answers: Answers) -> str:
    """Return the id of the example incident: its start date in the team time zone and its slug."""
    started = example.incident_moments(answers.now)["started"].astimezone(answers.timezone).date()
    return f"{started}-example-api-errors"


def example_paths(answers: Answers) -> dict[str, str]:
    """Return the paths of the example records and their templates."""
    planned = example.maintenance_moments(answers.now)["scheduled_for"].astimezone(answers.timezone).date()
    incident_id = example_incident_id(answers)
    incident = f"incidents/{incident_id[:4]}/{incident_id}"
    return {
        f"{incident}.md": "example/incident.md.j2",
        f"{incident}.postmortem.md": "example/postmortem.md.j2",
        f"incidents/{planned.year}/{planned}-example-database-upgrade.md": "example/maintenance.md.j2",
    }


def context(answers: Answers) -> dict:
    """Return what the templates see."""
    local_now = answers.now.astimezone(answers.timezone)
    return {
        "a": answers,
        "action": action_ref(),
        "format": FORMAT_VERSION,
        "rotation_id": ROTATION_ID,
        "handover_day": schedule.HANDOVER_DAY,
        "handover_time": f"{schedule.HANDOVER_TIME:%H:%M}",
        "shifts": schedule.shifts(tuple(m.id for m in answers.members), local_now),
        "incident": example.incident_moments(answers.now),
        "channel": channel_name(example_incident_id(answers)),
        "postmortem": example.postmortem_moments(answers.now),
        "maintenance": example.maintenance_moments(answers.now),
        "component": answers.components[0],
        "responder": answers.members[-1],
    }


def render_portal(answers: Answers) -> dict[str, str]:
    """Return every file of the new portal by its path relative to the portal root."""
    paths = {**PORTAL, **(example_paths(answers) if answers.example else {})}
    env, values = environment(), context(answers)
    return {path: env.get_template(template).render(values) for path, template in paths.items()}


def planned_paths(answers: Answers) -> list[str]:
    """Return the paths init would write, without rendering them."""
    return [*PORTAL, *(example_paths(answers) if answers.example else {})]
