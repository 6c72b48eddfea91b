"""iCalendar feeds of maintenance windows: one for the site and one per component.

Times are written in UTC, so no VTIMEZONE is needed. Each window keeps one UID, and its SEQUENCE is the number of
updates posted about it, so a calendar app that subscribed updates the event when a window moves instead of adding a
second one. DTSTAMP is the record's latest update: the same records give the same bytes, whatever --now is.
"""

from __future__ import annotations

from datetime import UTC

from icalendar import Event

from generator.render import urls
from generator.render.ical import UID_DOMAIN, published_calendar
from generator.render.markup import to_text
from generator.render.output import OutputFile
from generator.views.incidents import IncidentView
from generator.views.page import SiteView

PRODID = "-//Statusbook//Maintenance calendar//EN"


def calendar_files(view: SiteView) -> list[OutputFile]:
    """Render the site's maintenance calendar and one per visible component."""
    windows = scheduled(view.incidents)
    files = [OutputFile(urls.MAINTENANCE_CALENDAR, calendar(view, f"{view.site.name}: maintenance", windows))]
    for state in view.status.components:
        component = state.component
        touching = tuple(w for w in windows if any(a.component.id == component.id for a in w.affected))
        files.append(OutputFile(urls.component_calendar(component.id),
                                calendar(view, f"{view.site.name}: {component.name} maintenance", touching)))
    return files


def scheduled(incidents: tuple[IncidentView, ...]) -> tuple[IncidentView, ...]:
    """Return the maintenance windows with a planned start and end, earliest first."""
    windows = [v for v in incidents if v.is_maintenance and v.scheduled_for and v.scheduled_until and v.updates]
    return tuple(sorted(windows, key=lambda v: (v.scheduled_for, v.id)))


def calendar(view: SiteView, name: str, windows: tuple[IncidentView, ...]) -> bytes:
    """Build one iCalendar feed with an event per window."""
    feed = published_calendar(PRODID, name)
    for window in windows:
        feed.add_component(event(view, window))
    return feed.to_ical()


def event(view: SiteView, window: IncidentView) -> Event:
    """Build the event of one maintenance window, in UTC."""
    item = Event()
    item.add("uid", uid(window))
    item.add("sequence", sequence(window))
    item.add("dtstamp", window.latest.at.astimezone(UTC))
    item.add("last-modified", window.latest.at.astimezone(UTC))
    item.add("dtstart", window.scheduled_for.astimezone(UTC))
    item.add("dtend", window.scheduled_until.astimezone(UTC))
    item.add("summary", window.title)
    item.add("description", description(window))
    item.add("status", "CONFIRMED")
    item.add("transp", "TRANSPARENT")
    if view.url:
        item.add("url", urls.absolute(view.url, urls.incident_page(window.id)))
    return item


def uid(window: IncidentView) -> str:
    """Return a window's stable identifier: its record id, which never changes when the window moves."""
    return f"maintenance-{window.id}@{UID_DOMAIN}"


def sequence(window: IncidentView) -> int:
    """Return the revision of a window: every update posted about it after the first, including one that moves it."""
    return len(window.updates) - 1


def description(window: IncidentView) -> str:
    """Describe a window: its components and its latest update."""
    components = ", ".join(a.component.name for a in window.affected)
    return f"{window.latest.label}: {to_text(window.latest.message)}\n\nComponents: {components}"
