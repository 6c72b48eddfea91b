"""Identity rules: record ids, where record files live, and ids that must be unique."""

from __future__ import annotations

import re
from datetime import date, timezone
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.timing import format_time
from generator.problems import Level, Problem

RULES = RuleList()

_ID = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
ID_FORMAT = "YYYY-MM-DD-slug"


def id_date(record_id: str) -> date | None:
    """Return the calendar date an id starts with, or None if the id is not YYYY-MM-DD-slug."""
    match = _ID.match(record_id)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.group(1, 2, 3))
    try:
        return date(year, month, day)
    except ValueError:
        return None


@RULES.incident_rule("R101", "id-format", Level.ERROR)
def id_format(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident or maintenance file must be named `YYYY-MM-DD-slug.md`: a real calendar date, then a slug of lower-case letters, digits and single hyphens. The id is the record's permanent address; rename the file to fix it."""
    if id_date(incident.id) is None:
        message = (
            f"file name '{incident.id}' is not a valid id; expected {ID_FORMAT}: a real date, "
            "then lower-case letters, digits and single hyphens, such as 2026-03-04-api-errors"
        )
        yield Problem(incident.path, message)


def _expected_path(record_id: str, suffix: str) -> str | None:
    """Return where a record with this id belongs, if its id has a date."""
    day = id_date(record_id)
    return None if day is None else f"incidents/{day.year:04d}/{record_id}{suffix}"


def _misplaced(path: str, record_id: str, suffix: str, what: str) -> Iterator[Problem]:
    """Report a record file that is not in the folder of its id's year."""
    expected = _expected_path(record_id, suffix)
    if expected is not None and path != expected:
        yield Problem(path, f"{what} '{record_id}' must live at {expected}, not {path}; move the file")


@RULES.rule("R102", "id-location", Level.ERROR)
def id_location(ctx: CheckContext) -> Iterator[Problem]:
    """An incident must live at `incidents/<YYYY>/<id>.md` and its postmortem at `incidents/<YYYY>/<id>.postmortem.md`, with YYYY the year of the id, so that records stay easy to find. Move the file into the folder of its year."""
    for incident in ctx.corpus.incidents:
        yield from _misplaced(incident.path, incident.id, ".md", incident.type)
    for postmortem in ctx.corpus.postmortems:
        yield from _misplaced(postmortem.path, postmortem.incident_id, ".postmortem.md", "postmortem of")


@RULES.rule("R103", "duplicate-id", Level.ERROR)
def duplicate_id(ctx: CheckContext) -> Iterator[Problem]:
    """Two incident files have the same id (the same file name in different year folders). Ids are addresses and must be unique; rename one of them."""
    first_path: dict[str, str] = {}
    for incident in sorted(ctx.corpus.incidents, key=lambda i: i.path):
        first = first_path.setdefault(incident.id, incident.path)
        if first != incident.path:
            yield Problem(incident.path, f"id '{incident.id}' is already used by {first}; rename one of the files")


def _duplicates(items: tuple, path: str, section: str, what: str) -> Iterator[Problem]:
    """Report every item whose id, regardless of case, an earlier item in the list already has."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        first = seen.setdefault(item.id.casefold(), index)
        if first != index:
            message = f"{what} id '{item.id}' is already used by {section}[{first}]; ids must be unique"
            if item.id != items[first].id:
                message = f"{what} id '{item.id}' differs only in case from '{items[first].id}' ({section}[{first}]); ids must be unique regardless of case"
            yield Problem(path, message, (section, index, "id"))


@RULES.rule("R104", "duplicate-config-id", Level.ERROR)
def duplicate_config_id(ctx: CheckContext) -> Iterator[Problem]:
    """Component and severity ids in `statusbook.yml` and person ids in `people.yml` must be unique, or references to them would be ambiguous; severity ids, the only ones that may use upper-case letters, must also differ in more than case (SEV1 and sev1 are one id). Rename or merge the duplicate entry."""
    corpus = ctx.corpus
    yield from _duplicates(corpus.site.components, corpus.config_path, "components", "component")
    yield from _duplicates(corpus.site.severities, corpus.config_path, "severities", "severity")
    yield from _duplicates(corpus.people, corpus.people_path, "people", "person")


@RULES.rule("R105", "orphan-postmortem", Level.ERROR)
def orphan_postmortem(ctx: CheckContext) -> Iterator[Problem]:
    """A postmortem must belong to an incident: `<id>.postmortem.md` needs `<id>.md` beside it. Fix the file name or add the incident record."""
    known = {incident.id for incident in ctx.corpus.incidents} | ctx.corpus.unloaded
    for postmortem in ctx.corpus.postmortems:
        if postmortem.incident_id not in known:
            message = f"postmortem of '{postmortem.incident_id}' has no incident record {postmortem.incident_id}.md"
            yield Problem(postmortem.path, message)


@RULES.incident_rule("R106", "id-date", Level.WARNING)
def id_date_matches(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The date in an id should be the day the incident started (for maintenance: the planned start), in UTC or in the team time zone. A mismatch usually means a copied file or a typo; rename the file or correct the time."""
    day = id_date(incident.id)
    name = "scheduled_for" if incident.is_maintenance else "started"
    moment = incident.milestone(name)
    if day is None or moment is None:
        return
    zone = ctx.corpus.site.timezone
    local_day = moment.astimezone(zone).date()
    if day not in (moment.astimezone(timezone.utc).date(), local_day):
        message = (
            f"id date {day.isoformat()} differs from {name} {format_time(moment)} "
            f"({local_day.isoformat()} in {zone.key})"
        )
        yield Problem(incident.path, message, (name,))
