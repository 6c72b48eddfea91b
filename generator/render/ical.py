"""What every iCalendar feed of the sites shares: the domain of event UIDs and a published calendar's header."""

from __future__ import annotations

from icalendar import Calendar

UID_DOMAIN = "statusbook"


def published_calendar(prodid: str, name: str) -> Calendar:
    """Start a published Gregorian calendar named ``name``, made by ``prodid``."""
    feed = Calendar()
    feed.add("prodid", prodid)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    return feed
