"""The on-call pages: each rotation's final duties by shift week, who is on duty now and next, and each person's duties.

A shift week runs from one handover (the rotation's handover day and time, in its own zone) to the next, so a week
across a daylight-saving change lasts 167 or 169 hours. The pages show the 4 weeks before the current one, the
current one and the 7 after it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.clock import iso_utc
from generator.model.corpus import Corpus
from generator.model.coverage import DECIDE_FROM_DAY, coverage, month_after, next_month_end
from generator.model.rotation import WEEKDAYS, Rotation
from generator.model.site import Person
from generator.model.workhours import DEFAULT_WORKING_DAYS
from generator.model.schedule import Duty, final_duties, final_duties_of, next_on_duty, on_duty, utc
from generator.views.people import name_of

PAST_WEEKS = 4
COMING_WEEKS = 8
WEEK = timedelta(days=7)
PAST, CURRENT, COMING = "past", "current", "coming"


@dataclass(frozen=True, slots=True)
class DutyView:
    """One final duty of a rotation: who holds it, from when to when (UTC), and why if it is an override."""

    rotation_id: str
    rotation_name: str
    zone: ZoneInfo
    person_id: str
    person: str
    start: datetime
    end: datetime
    backup_id: str | None = None
    backup: str | None = None
    override_reason: str | None = None

    @property
    def local_start(self) -> datetime:
        """When the duty begins, in the rotation's zone."""
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        """When the duty ends, in the rotation's zone."""
        return self.end.astimezone(self.zone)

    @property
    def is_override(self) -> bool:
        """Whether an override replaces the shift for this stretch."""
        return self.override_reason is not None


@dataclass(frozen=True, slots=True)
class Week:
    """One shift week, from a handover to the next, with the duties that fall in it."""

    start: datetime
    end: datetime
    zone: ZoneInfo
    when: str
    duties: tuple[DutyView, ...]

    @property
    def local_start(self) -> datetime:
        """The handover that opens the week, in the rotation's zone."""
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        """The handover that closes the week, in the rotation's zone."""
        return self.end.astimezone(self.zone)


@dataclass(frozen=True, slots=True)
class NextMonth:
    """Whether next month's shifts are decided: due from the 16th; decided when shifts cover until the month's end.

    ``due_from`` (the 16th) and ``starts`` (next month's first day) are moments in the rotation's zone, at which the
    page script changes the answer.
    """

    month: date
    due: date
    is_due: bool
    needed: datetime
    covered_until: datetime | None
    due_from: datetime
    starts: datetime

    @property
    def decided(self) -> bool:
        """Whether the shifts run until the end of the month."""
        return self.covered_until is not None and self.covered_until >= self.needed

    @property
    def label(self) -> str:
        """The state in words: Decided, Not decided or Not due yet."""
        return self.due_label if self.is_due else "Not due yet"

    @property
    def due_label(self) -> str:
        """The state in words once due: Decided or Not decided."""
        return "Decided" if self.decided else "Not decided"


@dataclass(frozen=True, slots=True)
class BrowserDuty:
    """A final duty as plain data for the page script: ISO UTC start and end, and the person's display name."""

    start: str
    end: str
    person: str


@dataclass(frozen=True, slots=True)
class RotationView:
    """One rotation as the on-call pages show it."""

    id: str
    name: str
    description: str
    zone: ZoneInfo
    handover_day: str
    handover_time: time
    duties: tuple[DutyView, ...]
    now: DutyView | None
    next: DutyView | None
    weeks: tuple[Week, ...]
    next_month: NextMonth
    browser_duties: tuple[BrowserDuty, ...]

    @property
    def past_weeks(self) -> tuple[Week, ...]:
        """The weeks before the current one, oldest first."""
        return tuple(w for w in self.weeks if w.when == PAST)

    @property
    def coming_weeks(self) -> tuple[Week, ...]:
        """The current week and the ones after it."""
        return tuple(w for w in self.weeks if w.when != PAST)

    @property
    def duties_json(self) -> str:
        """The browser duties as JSON, for a data-sb-duties attribute."""
        duties = [{"start": d.start, "end": d.end, "person": d.person} for d in self.browser_duties]
        return json.dumps(duties, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class PersonDuties:
    """One person listed in people.yml and every final duty they hold, across rotations."""

    id: str
    name: str
    duties: tuple[DutyView, ...]
    zone: str | None = None
    hours: str | None = None
    local_time: str | None = None
    at_work: bool = False


def person_clock(person: Person, now: datetime) -> dict:
    """A person's zone, working hours and days, local time as of ``now`` and whether they are at work then."""
    if person.timezone is None:
        return {}
    days = "" if person.working_days == DEFAULT_WORKING_DAYS else " (" + ", ".join(d[:3].capitalize() for d in person.working_days) + ")"
    hours = f"{person.working_hours}{days}" if person.working_hours else None
    local = now.astimezone(person.timezone)
    return {"zone": person.timezone.key, "hours": hours, "local_time": f"{local:%a %H:%M}", "at_work": person.is_working(now)}


@dataclass(frozen=True, slots=True)
class OnCall:
    """Every rotation, sorted by id, and every person who holds a duty, sorted by id."""

    now: datetime
    rotations: tuple[RotationView, ...]
    people: tuple[PersonDuties, ...]


def oncall_view(corpus: Corpus, now: datetime, duties: Sequence[Sequence[Duty]] | None = None) -> OnCall:
    """Compute the on-call pages' data as of ``now``; ``duties`` holds the final duties of each of the corpus's
    rotations, in their order, when the portal already computed them."""
    final = duties if duties is not None else final_duties_of(corpus.rotations)
    paired = sorted(zip(corpus.rotations, final), key=lambda pair: pair[0].id)
    rotations = tuple(rotation_view(corpus, r, now, d) for r, d in paired)
    return OnCall(now, rotations, people_duties(corpus, rotations, now))



def duty_view(corpus: Corpus, rotation: Rotation, duty: Duty | None) -> DutyView | None:
    """Describe one duty with names; None stays None."""
    if duty is None:
        return None
    reason = duty.override.reason if duty.override else None
    return DutyView(
        rotation.id, rotation.name, rotation.timezone, duty.person, name_of(corpus, duty.person),
        utc(duty.start), utc(duty.end), duty.backup, name_of(corpus, duty.backup), reason,
    )


def rotation_view(corpus: Corpus, rotation: Rotation, now: datetime, final: Sequence[Duty] | None = None) -> RotationView:
    """Describe one rotation as of ``now``, from its ``final`` duties when they are already known."""
    final = final_duties(rotation) if final is None else final
    duties = tuple(duty_view(corpus, rotation, d) for d in final)
    weeks = shift_weeks(rotation, duties, now)
    return RotationView(
        rotation.id, rotation.name, rotation.description, rotation.timezone,
        rotation.handover_day.capitalize(), rotation.handover_time, duties,
        duty_view(corpus, rotation, on_duty(rotation, now)), duty_view(corpus, rotation, next_on_duty(rotation, now)),
        weeks, next_month(rotation, now), browser_duties(duties, weeks[0].start),
    )


def handover(rotation: Rotation, day: date) -> datetime:
    """Return the handover moment on ``day``, at the rotation's handover time in its zone, in UTC."""
    return utc(datetime.combine(day, rotation.handover_time, rotation.timezone))


def current_week_day(rotation: Rotation, now: datetime) -> date:
    """Return the local date of the last handover at or before ``now``."""
    local = now.astimezone(rotation.timezone).date()
    day = local - timedelta(days=(local.weekday() - WEEKDAYS.index(rotation.handover_day)) % 7)
    return day - WEEK if handover(rotation, day) > utc(now) else day


def shift_weeks(rotation: Rotation, duties: tuple[DutyView, ...], now: datetime) -> tuple[Week, ...]:
    """Return the past weeks, the current one and the coming ones, each with the duties that overlap it."""
    first = current_week_day(rotation, now)
    return tuple(week(rotation, duties, first + offset * WEEK, offset) for offset in range(-PAST_WEEKS, COMING_WEEKS))


def week(rotation: Rotation, duties: tuple[DutyView, ...], day: date, offset: int) -> Week:
    """Return the week whose handover is on ``day``; ``offset`` counts weeks from the current one."""
    start, end = handover(rotation, day), handover(rotation, day + WEEK)
    when = PAST if offset < 0 else CURRENT if offset == 0 else COMING
    return Week(start, end, rotation.timezone, when, tuple(d for d in duties if d.start < end and d.end > start))


def next_month(rotation: Rotation, now: datetime) -> NextMonth:
    """Judge whether next month is decided, by the coverage policy rule C807 checks."""
    today = now.astimezone(rotation.timezone).date()
    month = month_after(today)
    needed = next_month_end(rotation, today)
    span = coverage(rotation)
    covered_until = span[1] if span else None
    due = today.replace(day=DECIDE_FROM_DAY)
    due_from = datetime.combine(due, time(), rotation.timezone)
    starts = datetime.combine(month, time(), rotation.timezone)
    return NextMonth(month, due, today.day >= DECIDE_FROM_DAY, needed, covered_until, due_from, starts)


def browser_duties(duties: tuple[DutyView, ...], since: datetime) -> tuple[BrowserDuty, ...]:
    """Return the duties that end after ``since`` as plain data for the page script."""
    return tuple(BrowserDuty(iso_utc(d.start), iso_utc(d.end), d.person) for d in duties if d.end > since)


def people_duties(corpus: Corpus, rotations: tuple[RotationView, ...], now: datetime) -> tuple[PersonDuties, ...]:
    """Return each person of people.yml who holds a duty, with their duties in every rotation, in time order, and their clock at ``now``."""
    held: dict[str, list[DutyView]] = {}
    for duty in (d for r in rotations for d in r.duties):
        held.setdefault(duty.person_id, []).append(duty)
    listed = sorted(person_id for person_id in held if corpus.person(person_id) is not None)
    return tuple(
        PersonDuties(p, corpus.person(p).name, tuple(sorted(held[p], key=lambda d: (d.start, d.rotation_id))),
                     **person_clock(corpus.person(p), now))
        for p in listed
    )
