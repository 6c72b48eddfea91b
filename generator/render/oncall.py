"""The on-call pages and their iCalendar feeds: one feed per rotation and one per person, with overrides applied."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from generator.render import urls
from generator.render.ical import UID_DOMAIN, published_calendar, text_line, time_line, uri_line
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.views.oncall import DutyView, OnCall, PersonDuties, RotationView
from generator.views.page import SiteView

PRODID = "-//Statusbook//On-call calendar//EN"
CALENDAR_END = b"END:VCALENDAR\r\n"


def oncall_files(view: SiteView, pages: PageRenderer, data: OnCall) -> list[OutputFile]:
    """Render the on-call overview, one page and one feed per rotation, and one feed per person."""
    files = [pages.page("internal/oncall.md.j2", urls.ONCALL, "On call", data=data, **time_helpers())]
    files += [rotation_page(pages, rotation) for rotation in data.rotations]
    feeds = Feeds(view, data.now)
    files += [rotation_feed(feeds, rotation) for rotation in data.rotations]
    files += [person_feed(feeds, person) for person in data.people]
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


def rotation_feed(feeds: Feeds, rotation: RotationView) -> OutputFile:
    """Render a rotation's iCalendar feed of its final duties."""
    return OutputFile(urls.rotation_calendar(rotation.id), feeds.calendar(f"On call: {rotation.name}", rotation.duties))


def person_feed(feeds: Feeds, person: PersonDuties) -> OutputFile:
    """Render a person's iCalendar feed of their final duties in every rotation."""
    return OutputFile(urls.person_calendar(person.id), feeds.calendar(f"On call: {person.name}", person.duties))


class Feeds:
    """Writes the on-call feeds of one build, each duty's event once: a duty is in its rotation's feed and its person's.

    A feed is the calendar's header, the time zone definitions its events use (ordered by TZID), its events in duty
    order and the calendar's end, the bytes ``Calendar.to_ical`` writes for the same components.
    """

    def __init__(self, view: SiteView, now: datetime) -> None:
        self.view = view
        self.now = now
        self.events: dict[int, bytes] = {}
        self.zones: dict[tuple, bytes] = {}

    def calendar(self, name: str, duties: tuple[DutyView, ...]) -> bytes:
        """Write a feed with one event per duty and the time zones its events use."""
        head = published_calendar(PRODID, name).to_ical()
        if not head.endswith(CALENDAR_END):
            raise ValueError("an iCalendar feed must end with END:VCALENDAR")
        events = b"".join(self.event(duty) for duty in duties)
        return head[: -len(CALENDAR_END)] + self.timezones(duties) + events + CALENDAR_END

    def event(self, duty: DutyView) -> bytes:
        """Return the bytes of a duty's event, written on first use."""
        key = id(duty)
        if key not in self.events:
            self.events[key] = event(self.view, duty, self.now)
        return self.events[key]

    def timezones(self, duties: tuple[DutyView, ...]) -> bytes:
        """Return the time zone definitions the duties' events use, spanning whole years around them."""
        zones = {duty.zone.key: duty for duty in duties}
        key = (tuple(sorted(zones)), *zone_years(duties))
        if key not in self.zones:
            self.zones[key] = zone_definitions(tuple(zones.values()), duties)
        return self.zones[key]


def zone_definitions(samples: tuple[DutyView, ...], duties: tuple[DutyView, ...]) -> bytes:
    """Write the VTIMEZONE components that a feed of ``duties`` needs, found from one event in each zone."""
    feed = Calendar()
    for duty in samples:
        feed.add_component(event_times(duty))
    feed.add_missing_timezones(*zone_years(duties))
    return b"".join(zone.to_ical() for zone in sorted(feed.timezones, key=lambda zone: str(zone["TZID"])))


def event_times(duty: DutyView) -> Event:
    """Build an event with only a duty's start and end, to learn which time zones they use."""
    item = Event()
    item.add("dtstart", duty.local_start)
    item.add("dtend", duty.local_end)
    return item


def zone_years(duties: tuple[DutyView, ...]) -> tuple[date, date]:
    """Return the span the time zone definitions must cover: whole years around every duty."""
    if not duties:
        return date(1970, 1, 1), date(2038, 1, 1)
    first = min(d.start for d in duties).year
    last = max(d.end for d in duties).year
    return date(first - 1, 1, 1), date(last + 2, 1, 1)


def event(view: SiteView, duty: DutyView, now: datetime) -> bytes:
    """Write the event of one duty, with its times in the rotation's zone, in the order ``icalendar`` writes an event's
    properties: its canonical ones first, then the others by name."""
    lines = [
        "BEGIN:VEVENT",
        text_line("SUMMARY", f"On call: {duty.rotation_name} ({duty.person})"),
        time_line("DTSTART", duty.local_start),
        time_line("DTEND", duty.local_end),
        time_line("DTSTAMP", now.astimezone(UTC)),
        text_line("UID", uid(duty)),
        text_line("DESCRIPTION", description(duty)),
        text_line("TRANSP", "TRANSPARENT"),
    ]
    if view.url:
        lines.append(uri_line("URL", urls.absolute(view.url, urls.rotation_page(duty.rotation_id))))
    lines.append("END:VEVENT")
    return "".join(f"{line}\r\n" for line in lines).encode("utf-8")


def uid(duty: DutyView) -> str:
    """Return a duty's stable identifier: its rotation, its start and its person."""
    return f"{duty.rotation_id}-{duty.start:%Y%m%dT%H%M%SZ}-{duty.person_id}@{UID_DOMAIN}"


def description(duty: DutyView) -> str:
    """Describe a duty for the event's notes: its backup and, for an override, its reason."""
    lines = [f"Backup: {duty.backup or 'none'}"]
    if duty.override_reason is not None:
        lines.append(f"Override: {duty.override_reason}")
    return "\n".join(lines)
