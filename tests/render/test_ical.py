"""iCalendar content lines written directly: the same bytes ``icalendar`` writes, and parsed back to the same values."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from generator.render.ical import fold, text_line, time_line, uri_line

TEXTS = [
    "On call: Incident managers (Alice Smith)",
    "Backup: none\nOverride: swap, for a day; off",
    "a\\b \\N c\r\nd\re",
    "Zoë Ñúñez-Øre 日本語の名前 " * 4,
    "x" * 73 + "\\," + "y" * 80,
    "x" * 72 + "é" + "z" * 90,
    "",
]
ZONES = [ZoneInfo("Europe/Berlin"), ZoneInfo("America/Argentina/Buenos_Aires"), ZoneInfo("UTC"), ZoneInfo("Etc/UTC"), UTC]


def written(name: str, value) -> str:
    """Return the content line ``icalendar`` writes for one property of an event, without its line break."""
    item = icalendar.Event()
    item.add(name, value)
    return item.to_ical().decode("utf-8").removeprefix("BEGIN:VEVENT\r\n").removesuffix("\r\nEND:VEVENT\r\n")


@pytest.mark.parametrize("value", TEXTS)
def test_text_lines_are_what_icalendar_writes(value) -> None:
    """Escaping and folding of TEXT values agree with icalendar, so feeds keep their bytes."""
    assert text_line("DESCRIPTION", value) == written("description", value)


@pytest.mark.parametrize("value", TEXTS)
def test_text_lines_parse_back_to_their_value(value) -> None:
    """icalendar reads a written line back to the text it was given, line breaks normalised to newlines."""
    parsed = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{text_line('SUMMARY', value)}\r\nEND:VEVENT\r\n")
    expected = value.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")
    assert str(parsed["SUMMARY"]) == expected


@pytest.mark.parametrize("zone", ZONES)
def test_time_lines_are_what_icalendar_writes(zone) -> None:
    """A time carries its zone's TZID, or Z in UTC, as icalendar writes it."""
    moment = datetime(2026, 3, 29, 1, 30, 5, tzinfo=UTC).astimezone(zone)
    assert time_line("DTSTART", moment) == written("dtstart", moment)


def test_uri_lines_are_not_escaped_but_folded() -> None:
    """A long URL with commas keeps them and folds as icalendar folds it."""
    url = "https://records.acme.example/oncall/" + "a,b;c/" * 20
    assert uri_line("URL", url) == written("url", url)


def test_short_lines_are_not_folded() -> None:
    """A line of 74 octets stays whole; one of 75 folds."""
    assert fold("x" * 74) == "x" * 74
    assert fold("x" * 75) == "x" * 74 + "\r\n x"
