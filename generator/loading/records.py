"""Turn one file's text into one typed record, collecting every problem on the way."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable
from zoneinfo import ZoneInfo

from generator.loading import specs, strictyaml
from generator.loading.formats import format_problems
from generator.loading.people import hours_need_zone
from generator.loading.schema import INVALID, Context, Record
from generator.loading.source import Source, split_front_matter, yaml_source
from generator.model.ids import ID_RULE, is_id
from generator.model.incident import Incident
from generator.model.postmortem import Postmortem, Section
from generator.model.rotation import Rotation
from generator.model.site import Person, Site
from generator.problems import Level, Problem, did_you_mean, error, field_name

POSTMORTEM_SUFFIX = ".postmortem.md"
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
Refine = Callable[[Source, dict[str, Any], list[Problem]], list[Problem]]


def read_fields(source: Source, spec: Record, default_timezone: ZoneInfo | None,
                refine: Refine | None = None) -> tuple[Source, Any, list[Problem]]:
    """Read a source's YAML strictly and convert it by a record spec; ``refine`` may judge its problems by the data.

    Returns the source with the marks of its one parse, the values and the problems, each placed by those marks.
    """
    data, marks, problems = strictyaml.read(source)
    source = source.with_marks(marks)
    values, problems = convert_data(source, data, problems, spec, default_timezone, refine)
    return source, values, [p if p.line else p.located(*marks.position(p.field, p.at_key)) for p in problems]


def convert_data(source: Source, data: Any, problems: list[Problem], spec: Record, default_timezone: ZoneInfo | None,
                 refine: Refine | None) -> tuple[Any, list[Problem]]:
    """Convert the plain data of a source by a record spec; see read_fields."""
    if any(p.code == "L005" for p in problems):
        return INVALID, problems
    if data is INVALID:
        return INVALID, problems
    if not isinstance(data, dict):
        what = "empty" if data is None else "not a mapping of fields"
        message = f"{spec.name} front matter is {what}; expected fields such as '{spec.fields[0].name}:'"
        problems.append(error(source.path, "L010", message, line=source.yaml_line, column=1))
        return INVALID, problems
    ctx = Context(source.path, default_timezone)
    values = spec.convert_fields(data, ctx, ())
    problems.extend(ctx.problems)
    if refine is not None:
        problems = refine(source, data, problems)
    if any(p.level is Level.ERROR for p in problems):
        return INVALID, problems
    return values, problems


def read_markdown(path: str, text: str, spec: Record, zone: ZoneInfo | None,
                  refine: Refine | None = None) -> tuple[Source | None, Any, list[Problem]]:
    """Split front matter from a Markdown record and convert its fields."""
    source, problems = split_front_matter(path, text)
    if source is None:
        return None, INVALID, problems
    source, values, field_problems = read_fields(source, spec, zone, refine)
    return source, values, problems + field_problems


def record_id(path: str) -> str:
    """Return the id of a record: its file name without ``.md`` or ``.postmortem.md``."""
    name = path.rsplit("/", 1)[-1]
    if name.endswith(POSTMORTEM_SUFFIX):
        return name[: -len(POSTMORTEM_SUFFIX)]
    return name.removesuffix(".md")


def is_update_key(problem: Problem) -> bool:
    """Tell whether a problem is an unknown field directly in one of the updates."""
    where = problem.field
    return problem.code == "S001" and len(where) == 3 and where[0] == "updates" and isinstance(where[1], int)


def published_unknown(problem: Problem) -> Problem:
    """Turn an unknown update field of a public record into an error: the update is published as it is."""
    key = problem.field[2]
    message = (
        f"{field_name(problem.field[:2])}: unknown field '{key}'{did_you_mean(key, tuple(specs.UPDATE.by_name))}; "
        "updates of a public record are published as they are: put internal notes in 'timeline' "
        f"(statusbook incident update {record_id(problem.path)} --internal)"
    )
    return replace(problem, code="S008", level=Level.ERROR, message=message)


def guard_public_updates(source: Source, data: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """Refuse unknown fields in the updates of a public record; elsewhere they stay warnings."""
    if data.get("public") is not True:
        return problems
    return [published_unknown(p) if is_update_key(p) else p for p in problems]


def load_incident(path: str, text: str, zone: ZoneInfo | None) -> tuple[Source | None, Incident | None, list[Problem]]:
    """Load an incident or maintenance record."""
    source, values, problems = read_markdown(path, text, specs.INCIDENT, zone, guard_public_updates)
    if values is INVALID:
        return source, None, problems
    return source, Incident(id=record_id(path), path=path, body=source.body, body_line=source.body_line, **values), problems


def load_postmortem(path: str, text: str, zone: ZoneInfo | None) -> tuple[Source | None, Postmortem | None, list[Problem]]:
    """Load a postmortem and split its body into sections."""
    source, values, problems = read_markdown(path, text, specs.POSTMORTEM, zone)
    if values is INVALID:
        return source, None, problems
    sections = split_sections(source.body, source.body_line)
    record = Postmortem(
        incident_id=record_id(path),
        path=path,
        body=source.body,
        body_line=source.body_line,
        sections=sections,
        **values,
    )
    return source, record, problems


def split_sections(body: str, first_line: int) -> tuple[Section, ...]:
    """Split a Markdown body at its ``##`` headings."""
    sections: list[Section] = []
    title, start, lines = None, 0, []
    fenced = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced or not line.startswith("##") else _HEADING.match(line)
        if match:
            if title is not None:
                sections.append(Section(title, "\n".join(lines).strip(), start))
            title, start, lines = match.group(1), number, []
        elif title is not None:
            lines.append(line)
    if title is not None:
        sections.append(Section(title, "\n".join(lines).strip(), start))
    return tuple(sections)


def rotation_id_problems(path: str) -> list[Problem]:
    """Report a rotation file whose name breaks the id rule: the id names its page and calendar."""
    rotation_id = record_id(path)
    if is_id(rotation_id):
        return []
    message = f"file name '{rotation_id}' is not a valid rotation id ({ID_RULE}); rename {path}"
    return [error(path, "L012", message, line=1, column=1)]


def load_rotation(path: str, text: str, zone: ZoneInfo | None) -> tuple[Source | None, Rotation | None, list[Problem]]:
    """Load a rotation record."""
    source, values, problems = read_markdown(path, text, specs.ROTATION, zone)
    problems = rotation_id_problems(path) + problems
    if values is INVALID:
        return source, None, problems
    handover = values.pop("handover")
    rotation = Rotation(
        id=record_id(path),
        path=path,
        handover_day=handover["day"],
        handover_time=handover["time"],
        description=source.body.strip(),
        **values,
    )
    return source, rotation, problems


def load_site(path: str, text: str) -> tuple[Source, Site | None, list[Problem]]:
    """Load ``statusbook.yml``."""
    source, values, problems = read_fields(yaml_source(path, text), specs.SITE, None, format_problems)
    if values is INVALID:
        return source, None, problems
    return source, Site(**values), problems


def load_people(path: str, text: str) -> tuple[Source, tuple[Person, ...] | None, list[Problem]]:
    """Load ``people.yml``."""
    source, values, problems = read_fields(yaml_source(path, text), specs.PEOPLE, None, hours_need_zone)
    if values is INVALID:
        return source, None, problems
    return source, values["people"], problems
