"""On-call burden policy: working hours, after-hours nights, and each person's fair share of a rotation's weeks.

A person works the hours people.yml gives them (``timezone``, ``working_hours``, ``working_days``); someone without
them works the default: 09:00 to 17:00, Monday to Friday, in the site's ``default_timezone`` (or its ``timezone``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.model.ownership import first_owner
from generator.model.rotation import WEEKDAYS, Rotation
from generator.model.site import Site
from generator.model.workhours import WorkingHours as Workday
from generator.model.workhours import is_working

# More after-hours incidents than this in one night is a warning (C814).
NIGHT_LIMIT = 2
# More than this many times a person's fair share of a rotation's weeks in a quarter is a warning (C815).
FAIR_SHARE_FACTOR = 2


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When someone works: from ``start`` to ``end`` on the given weekdays (0 is Monday), in ``zone``."""

    zone: ZoneInfo
    start: time = time(9)
    end: time = time(17)
    days: tuple[int, ...] = (0, 1, 2, 3, 4)


def site_zone(site: Site) -> ZoneInfo:
    """Return the zone default working hours are read in: the site's default_timezone, else its timezone."""
    return site.default_timezone or site.timezone


def working_hours(site: Site, zone: ZoneInfo | None = None, hours: WorkingHours | None = None) -> WorkingHours:
    """Return a person's working hours: ``hours`` when known, else the default day in ``zone`` or the site's zone."""
    return hours if hours is not None else WorkingHours(zone or site_zone(site))


def is_after_hours(moment: datetime, hours: WorkingHours) -> bool:
    """Whether ``moment`` falls outside the working hours: before the start, from the end on, or on a day off.

    Hours whose end is at or before their start run past midnight into the next day, as people.yml reads them.
    """
    days = tuple(WEEKDAYS[day] for day in hours.days)
    return not is_working(Workday(hours.start, hours.end), hours.zone, days, moment)


def night_of(moment: datetime, hours: WorkingHours) -> date:
    """Return the night a moment belongs to, named after the day it begins: the day whose start of work precedes it.

    A night runs from one day's start of working hours to the next day's, so 23:40 on Tuesday and 02:10 on Wednesday
    are both Tuesday's night; on a day off the whole day counts to it.
    """
    local = moment.astimezone(hours.zone).replace(tzinfo=None)
    return (local - timedelta(hours=hours.start.hour, minutes=hours.start.minute)).date()


def person_hours(corpus: Corpus, person_id: str) -> WorkingHours:
    """Return a person's working hours as people.yml gives them, else the default day in the site's zone."""
    person = corpus.person(person_id)
    if person is None or not person.has_hours:
        return working_hours(corpus.site, person.timezone if person else None)
    days = tuple(WEEKDAYS.index(day) for day in person.working_days)
    return WorkingHours(person.timezone, person.working_hours.start, person.working_hours.end, days)


def acknowledger(incident: Incident) -> str | None:
    """Return who acknowledged an incident: its first commander, the ``from`` of its first handoff or ``commander``."""
    return first_owner(incident)


@dataclass(frozen=True, slots=True)
class AfterHours:
    """An incident acknowledged outside the working hours of who acknowledged it, and the night it fell in."""

    incident: Incident
    person: str
    night: date


def after_hours_acknowledgements(corpus: Corpus) -> list[AfterHours]:
    """Return the incidents acknowledged outside their acknowledger's working hours, in time order."""
    found: list[AfterHours] = []
    hours_of: dict[str, WorkingHours] = {}
    for incident in corpus.incidents:
        person = acknowledger(incident)
        if incident.type != "incident" or incident.acknowledged is None or person is None:
            continue
        hours = hours_of.get(person) or hours_of.setdefault(person, person_hours(corpus, person))
        if is_after_hours(incident.acknowledged, hours):
            found.append(AfterHours(incident, person, night_of(incident.acknowledged, hours)))
    return sorted(found, key=lambda late: (late.incident.acknowledged, late.incident.id))


def busy_nights(late: list[AfterHours]) -> list[list[AfterHours]]:
    """Group after-hours acknowledgements by person and night, keeping the groups of more than NIGHT_LIMIT."""
    nights: dict[tuple[str, date], list[AfterHours]] = {}
    for item in late:
        nights.setdefault((item.person, item.night), []).append(item)
    return [group for _, group in sorted(nights.items()) if len(group) > NIGHT_LIMIT]


def quarter_of(day: date) -> str:
    """Name a day's calendar quarter, such as 2026-Q4."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_weeks(rotation: Rotation) -> dict[str, Counter]:
    """Count each person's shifts (weeks) in the rotation per quarter of the shift's start day."""
    weeks: dict[str, Counter] = {}
    for shift in rotation.shifts:
        weeks.setdefault(quarter_of(shift.start), Counter())[shift.person] += 1
    return weeks


def fair_share(weeks: Counter) -> float:
    """Return a quarter's fair share of weeks: its shifts divided among the people who hold any of them."""
    return sum(weeks.values()) / len(weeks) if weeks else 0.0


def over_share(weeks: Counter) -> list[tuple[str, int]]:
    """Return the people holding more than FAIR_SHARE_FACTOR times the quarter's fair share, with their weeks."""
    limit = FAIR_SHARE_FACTOR * fair_share(weeks)
    return sorted((person, count) for person, count in weeks.items() if count > limit)
