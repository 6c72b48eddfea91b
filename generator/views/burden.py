"""The on-call burden: per person and month, hours on duty, after-hours incidents, and overrides taken and given.

Months are calendar months in the team time zone (``timezone`` in statusbook.yml). Hours on duty are the final
duties of every rotation (overrides applied) up to the moment of the build, cut at month boundaries. An incident
counts as after hours for its first commander when its acknowledgement falls outside their working hours (see
generator.model.burden). An override is taken by its person and given by the person whose shift it replaces, in
the month it starts; only overrides that have started count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from generator.model.burden import (
    AfterHours,
    after_hours_acknowledgements,
    busy_nights,
    fair_share,
    over_share,
    quarter_weeks,
    working_hours,
)
from generator.model.corpus import Corpus
from generator.model.coverage import month_after
from generator.model.rotation import Rotation
from generator.model.schedule import Duty, final_duties_of, shift_at, utc
from generator.views.people import name_of

HOUR = 3600.0


@dataclass(frozen=True, slots=True)
class PersonMonth:
    """One person's burden in one month."""

    person_id: str
    person: str
    hours: float = 0.0
    after_hours: tuple[str, ...] = ()
    overrides_taken: int = 0
    overrides_given: int = 0


@dataclass(frozen=True, slots=True)
class BurdenMonth:
    """One month (YYYY-MM) and everyone who carried some of its burden, by id."""

    month: str
    people: tuple[PersonMonth, ...]


@dataclass(frozen=True, slots=True)
class BusyNight:
    """A night in which one person acknowledged more than two incidents outside working hours (C814)."""

    person_id: str
    person: str
    night: date
    incidents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HeavyQuarter:
    """A person holding more than twice their fair share of a rotation's weeks in a quarter (C815)."""

    rotation_id: str
    rotation: str
    quarter: str
    person_id: str
    person: str
    weeks: int
    fair_share: float


@dataclass(frozen=True, slots=True)
class Burden:
    """The burden page's data: months oldest first, the busy nights and the heavy quarters."""

    timezone: str
    working_hours: str
    months: tuple[BurdenMonth, ...]
    nights: tuple[BusyNight, ...]
    quarters: tuple[HeavyQuarter, ...]


def burden_view(corpus: Corpus, now: datetime, duties: Sequence[Sequence[Duty]] | None = None) -> Burden:
    """Compute the on-call burden as of ``now``; ``duties`` holds the final duties of each of the corpus's rotations,
    in their order, when the portal already computed them."""
    zone = corpus.site.timezone
    tally = Tally(corpus)
    final = duties if duties is not None else final_duties_of(corpus.rotations)
    for rotation, rotation_duties in zip(corpus.rotations, final, strict=True):
        count_duties(tally, rotation_duties, zone, now)
        count_overrides(tally, rotation, zone, now)
    late = [item for item in after_hours_acknowledgements(corpus) if item.incident.acknowledged <= now]
    for item in late:
        tally.add(month_of(item.incident.acknowledged, zone), item.person, after_hours=(item.incident.id,))
    nights = tuple(busy_night(corpus, group) for group in busy_nights(late))
    return Burden(zone.key, hours_words(corpus), tally.months(), nights, heavy_quarters(corpus))


def month_of(moment: datetime, zone: ZoneInfo) -> str:
    """Return the month (YYYY-MM) of a moment in ``zone``."""
    return moment.astimezone(zone).strftime("%Y-%m")


def hours_words(corpus: Corpus) -> str:
    """Describe the default working hours, such as 09:00–17:00 Monday–Friday, Europe/Berlin."""
    hours = working_hours(corpus.site)
    return f"{hours.start:%H:%M}–{hours.end:%H:%M} Monday–Friday, {hours.zone.key}"


class Tally:
    """Adds up each person's burden per month."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.counts: dict[tuple[str, str], dict] = {}

    def add(self, month: str, person: str, hours: float = 0.0, after_hours: tuple[str, ...] = (),
            taken: int = 0, given: int = 0) -> None:
        """Add to one person's figures of one month."""
        entry = self.counts.setdefault((month, person), {"hours": 0.0, "after_hours": (), "taken": 0, "given": 0})
        entry["hours"] += hours
        entry["after_hours"] += after_hours
        entry["taken"] += taken
        entry["given"] += given

    def months(self) -> tuple[BurdenMonth, ...]:
        """Return every month from the first counted to the last, each with its people by id."""
        if not self.counts:
            return ()
        people: dict[str, list[PersonMonth]] = {}
        for (month, person), e in sorted(self.counts.items()):
            people.setdefault(month, []).append(self.person_month(person, e))
        found = list(people)
        return tuple(BurdenMonth(month, tuple(people.get(month, ()))) for month in month_span(found[0], found[-1]))

    def person_month(self, person: str, e: dict) -> PersonMonth:
        """Return one person's figures of one month from their tally."""
        return PersonMonth(person, name_of(self.corpus, person), round(e["hours"], 1), e["after_hours"], e["taken"], e["given"])


def month_span(first: str, last: str) -> list[str]:
    """Return every month from ``first`` to ``last``, both YYYY-MM."""
    day, months = date.fromisoformat(f"{first}-01"), []
    while f"{day:%Y-%m}" <= last:
        months.append(f"{day:%Y-%m}")
        day = month_after(day)
    return months


def month_pieces(start: datetime, end: datetime, zone: ZoneInfo) -> list[tuple[str, float]]:
    """Cut a stretch of time at month boundaries in ``zone``; return each month's share in hours."""
    pieces = []
    while start < end:
        local = start.astimezone(zone).date()
        boundary = utc(datetime.combine(month_after(local), datetime.min.time(), zone))
        cut = min(boundary, end)
        pieces.append((month_of(start, zone), (cut - start).total_seconds() / HOUR))
        start = cut
    return pieces


def count_duties(tally: Tally, duties: Sequence[Duty], zone: ZoneInfo, now: datetime) -> None:
    """Add the hours of a rotation's final ``duties`` up to ``now``."""
    for duty in duties:
        for month, hours in month_pieces(duty.start, min(duty.end, utc(now)), zone):
            tally.add(month, duty.person, hours=hours)


def count_overrides(tally: Tally, rotation: Rotation, zone: ZoneInfo, now: datetime) -> None:
    """Add the overrides that have started: taken by their person, given by the person of the shift they replace."""
    for override in rotation.overrides:
        if override.start > now or override.end <= override.start:
            continue
        month = month_of(override.start, zone)
        tally.add(month, override.person, taken=1)
        shift = shift_at(rotation, override.start)
        if shift is not None and shift.person != override.person:
            tally.add(month, shift.person, given=1)


def busy_night(corpus: Corpus, group: list[AfterHours]) -> BusyNight:
    """Describe a night with too many after-hours incidents for one person."""
    person = group[0].person
    return BusyNight(person, name_of(corpus, person), group[0].night, tuple(item.incident.id for item in group))


def heavy_quarters(corpus: Corpus) -> tuple[HeavyQuarter, ...]:
    """Return each person holding more than twice the fair share of a rotation's weeks in a quarter."""
    found = []
    for rotation in sorted(corpus.rotations, key=lambda r: r.id):
        for quarter, weeks in sorted(quarter_weeks(rotation).items()):
            share = round(fair_share(weeks), 2)
            found += [HeavyQuarter(rotation.id, rotation.name, quarter, p, name_of(corpus, p), n, share)
                      for p, n in over_share(weeks)]
    return tuple(found)
