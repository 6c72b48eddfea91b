"""The on-call pages and their iCalendar feeds: one feed per rotation and one per person, with overrides applied."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from generator.render import urls
from generator.render.ical import UID_DOMAIN, published_calendar
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.views.oncall import DutyView, OnCall, PersonDuties, RotationView
from generator.views.page import SiteView

PRODID = "-//Statusbook//On-call calendar//EN"


def oncall_files(view: SiteView, pages: PageRenderer, data: OnCall) -> list[OutputFile]:
    """Render the on-call overview, one page and one feed per rotation, and one feed per person."""
    files = [pages.page("internal/oncall.md.j2", urls.ONCALL, "On call", data=data, **time_helpers())]
    files += [rotation_page(pages, rotation) for rotation in data.rotations]
    files += [rotation_feed(view, rotation, data.now) for rotation in data.rotations]
    files += [person_feed(view, person, data.now) for person in data.people]
    return files


def time_helpers() -> dict:
    """Return the function templates use to write a moment compactly in a rotation's zone."""
    return {"in_zone": zone_clock}


def zone_clock(moment: datetime, zone: ZoneInfo) -> str:
    """Write a moment in a rotation's zone as its handover clock reads: Mon 23 Nov 10:00 CET."""
    return moment.astimezone(zone).strftime("%a %d %b %H:%M %Z")


def rotation_page(pages: PageRenderer, rotation: RotationView) -> OutputFile:
    """Render one rotation's calendar page."""
    source = urls.rotation_page(rotation.id)
    return pages.page("internal/rotation.md.j2", source, rotation.name, rotation=rotation, **time_helpers())


def rotation_feed(view: SiteView, rotation: RotationView, now: datetime) -> OutputFile:
    """Render a rotation's iCalendar feed of its final duties."""
    name = f"On call: {rotation.name}"
    return OutputFile(urls.rotation_calendar(rotation.id), calendar(view, name, rotation.duties, now))


def person_feed(view: SiteView, person: PersonDuties, now: datetime) -> OutputFile:
    """Render a person's iCalendar feed of their final duties in every rotation."""
    name = f"On call: {person.name}"
    return OutputFile(urls.person_calendar(person.id), calendar(view, name, person.duties, now))


def calendar(view: SiteView, name: str, duties: tuple[DutyView, ...], now: datetime) -> bytes:
    """Build an iCalendar feed with one event per duty and the time zones its events use."""
    feed = published_calendar(PRODID, name)
    for duty in duties:
        feed.add_component(event(view, duty, now))
    feed.add_missing_timezones(*zone_years(duties))
    sort_timezones(feed)
    return feed.to_ical()


def zone_years(duties: tuple[DutyView, ...]) -> tuple[date, date]:
    """Return the span the time zone definitions must cover: whole years around every duty."""
    if not duties:
        return date(1970, 1, 1), date(2038, 1, 1)
    first = min(d.start for d in duties).year
    last = max(d.end for d in duties).year
    return date(first - 1, 1, 1), date(last + 2, 1, 1)


def sort_timezones(feed: Calendar) -> None:
    """Put the time zone definitions first, ordered by TZID, so that the bytes do not depend on set order."""
    zones = sorted(feed.timezones, key=lambda zone: str(zone["TZID"]))
    events = [c for c in feed.subcomponents if c.name != "VTIMEZONE"]
    feed.subcomponents[:] = zones + events


def event(view: SiteView, duty: DutyView, now: datetime) -> Event:
    """Build the event of one duty, with its times in the rotation's zone."""
    item = Event()
    item.add("uid", uid(duty))
    item.add("dtstamp", now.astimezone(UTC))
    item.add("dtstart", duty.local_start)
    item.add("dtend", duty.local_end)
    item.add("summary", f"On call: {duty.rotation_name} ({duty.person})")
    item.add("description", description(duty))
    item.add("transp", "TRANSPARENT")
    if view.url:
        item.add("url", urls.absolute(view.url, urls.rotation_page(duty.rotation_id)))
    return item


def uid(duty: DutyView) -> str:
    """Return a duty's stable identifier: its rotation, its start and its person."""
    return f"{duty.rotation_id}-{duty.start:%Y%m%dT%H%M%SZ}-{duty.person_id}@{UID_DOMAIN}"


def description(duty: DutyView) -> str:
    """Describe a duty for the event's notes: its backup and, for an override, its reason."""
    lines = [f"Backup: {duty.backup or 'none'}"]
    if duty.override_reason is not None:
        lines.append(f"Override: {duty.override_reason}")
    return "\n".join(lines)
