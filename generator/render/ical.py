"""What every iCalendar feed of the sites shares: the domain of event UIDs, a published calendar's header, and
content lines written directly, as ``icalendar`` writes them, for feeds with many events."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache

from icalendar import Calendar, vDDDTypes

UID_DOMAIN = "statusbook"
LINE_OCTETS = 75
FOLD = "\r\n "
ESCAPES = (("\\N", "\n"), ("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"), ("\n", "\\n"), ("\r", "\\n"))


def published_calendar(prodid: str, name: str) -> Calendar:
    """Start a published Gregorian calendar named ``name``, made by ``prodid``."""
    feed = Calendar()
    feed.add("prodid", prodid)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    return feed


def text_line(name: str, value: str) -> str:
    """Write a TEXT property (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped, then folded."""
    for plain, escaped in ESCAPES:
        value = value.replace(plain, escaped)
    return fold(f"{name}:{value}")


def uri_line(name: str, value: str) -> str:
    """Write a URI property, which is not escaped, folded."""
    return fold(f"{name}:{value}")


def time_line(name: str, moment: datetime) -> str:
    """Write a DATE-TIME property in the moment's own zone: with its TZID, or with Z when the zone is UTC."""
    parameters, suffix = zone_form(moment.tzinfo)
    return fold(f"{name}{parameters}:{moment:%Y%m%dT%H%M%S}{suffix}")


@lru_cache(maxsize=None)
def zone_form(zone: tzinfo | None) -> tuple[str, str]:
    """Return the parameters and the suffix ``icalendar`` gives a time in ``zone``: (";TZID=Europe/Berlin", "") or
    ("", "Z") for UTC, learned once per zone from a sample time."""
    sample = vDDDTypes(datetime(2000, 1, 1, tzinfo=zone))
    parameters = sample.params.to_ical().decode("utf-8")
    return (f";{parameters}" if parameters else ""), sample.to_ical().decode("utf-8")[len("20000101T000000"):]


def fold(line: str) -> str:
    """Fold a content line into pieces of fewer than 75 octets, never splitting a backslash or caret escape."""
    if len(line) < LINE_OCTETS and line.isascii():
        return line
    pieces: list[str] = []
    current: list[str] = []
    octets = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if current and octets + size >= LINE_OCTETS:
            carried = [current.pop()] if len(current) > 1 and current[-1] in "\\^" else []
            pieces.append("".join(current))
            current, octets = carried, sum(len(c.encode("utf-8")) for c in carried)
        current.append(char)
        octets += size
    pieces.append("".join(current))
    return FOLD.join(pieces)
