"""Field kinds: strict conversion with messages that say what is expected."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.loading.schema import (
    INVALID, Bool, Choice, ClockTime, Context, Day, Duration, Field, ListOf, Record, Text, Timestamp, TimeZone,
)


def run(kind, value, zone=None):
    """Convert one value, returning the result and the problem codes and messages."""
    ctx = Context("f.md", zone)
    result = kind.convert(value, ctx, ("field",))
    return result, [(p.code, p.message) for p in ctx.problems]


def test_timestamp_with_offset_is_aware() -> None:
    """Offsets and Z are kept."""
    value, problems = run(Timestamp(), "2026-03-04T10:15:00+01:00")
    assert problems == [] and value == datetime(2026, 3, 4, 9, 15, tzinfo=timezone.utc)
    assert run(Timestamp(), "2026-03-04 10:15Z")[0] == datetime(2026, 3, 4, 10, 15, tzinfo=timezone.utc)


def test_naive_timestamp_is_an_error_without_a_default_zone() -> None:
    """Never silently UTC."""
    value, problems = run(Timestamp(), "2026-03-04T10:15:00")
    assert value is INVALID and problems[0][0] == "S007"


def test_naive_timestamp_is_read_in_the_default_zone() -> None:
    """With default_timezone set, the wall time is read in that zone."""
    value, problems = run(Timestamp(), "2026-07-04T10:15:00", ZoneInfo("Europe/Berlin"))
    assert problems == [] and value.astimezone(timezone.utc).hour == 8


@pytest.mark.parametrize("text", ["10:30", "2026-02-30T10:00Z", "yesterday", "2026-03-04"])
def test_bad_timestamps_are_refused(text) -> None:
    """Times without a date, impossible dates and dates alone are not timestamps."""
    assert run(Timestamp(), text)[1][0][0] == "S006"


@pytest.mark.parametrize("text", ["2026-02-30T10:00:00Z", "2026-06-30T23:59:60Z", "2026-06-30T24:00:00Z",
                                  "1969-12-31T23:59:59Z", "9999-01-01T00:00:00Z", "２０26-03-04T10:15:00Z"])
def test_utc_timestamps_that_cannot_be_judged_are_refused(text) -> None:
    """A timestamp written in UTC with seconds is refused like any other when its moment is impossible or out of range."""
    value, problems = run(Timestamp(), text)
    assert value is INVALID and [code for code, _ in problems] == ["S006"]


@pytest.mark.parametrize("text", ["1970-01-01T00:00:00Z", "2028-02-29T23:59:59Z", "9998-12-31T23:59:59Z"])
def test_utc_timestamps_read_as_every_other_form(text) -> None:
    """The UTC form with seconds gives the moment the form with an explicit +00:00 offset gives."""
    value, problems = run(Timestamp(), text)
    assert problems == [] and value == run(Timestamp(), text[:-1] + "+00:00")[0]
    assert value.utcoffset() == timedelta(0)


def test_yaml11_boolean_words_are_explained() -> None:
    """yes/no are refused with a hint to write true or false."""
    value, problems = run(Bool(), "yes")
    assert value is INVALID and problems == [("S003", "field: 'yes' is not a boolean here (only YAML 1.1 reads it as one); write true or false")]


def test_choice_suggests_the_closest_word() -> None:
    """A typo gets a did-you-mean."""
    _, problems = run(Choice(("rollback", "failover")), "rolback")
    assert problems[0][0] == "S004" and "did you mean 'rollback'" in problems[0][1]


def test_text_refuses_numbers_and_blanks() -> None:
    """Text must be a non-blank string."""
    assert run(Text(), 404)[1][0][0] == "S003"
    assert run(Text(), "  ")[1][0][0] == "S005"


@pytest.mark.parametrize(("text", "expected"), [("15m", timedelta(minutes=15)), ("1h30m", timedelta(minutes=90)), ("1w", timedelta(days=7)), ("2d", timedelta(days=2))])
def test_durations(text, expected) -> None:
    """Durations combine weeks, days, hours and minutes."""
    assert run(Duration(), text) == (expected, [])


def test_other_kinds() -> None:
    """Dates, clock times and zones parse; nonsense is refused."""
    assert run(Day(), "2026-03-04")[0] == date(2026, 3, 4)
    assert run(ClockTime(), "09:30")[0] == time(9, 30)
    assert run(ClockTime(), "25:00")[0] is INVALID
    assert run(TimeZone(), "Europe/Berlin")[0] == ZoneInfo("Europe/Berlin")
    assert run(TimeZone(), "Mars/Base")[0] is INVALID
    assert run(Duration(), "soon")[0] is INVALID


def test_record_reports_unknown_missing_and_nested_problems() -> None:
    """All problems of a record are collected, each with its field path."""
    item = Record("item", "An item.", (Field("name", Text(), "Name.", required=True),))
    spec = Record("thing", "A thing.", (Field("items", ListOf(item), "Items.", required=True), Field("flag", Bool(), "Flag.", required=True)))
    ctx = Context("f.md")
    result = spec.convert_fields({"items": [{"name": "a"}, {"nmae": "b"}], "extra": 1}, ctx, ())
    assert result is INVALID
    found = [(p.code, p.field, p.at_key) for p in ctx.problems]
    assert found == [
        ("S001", ("extra",), True),
        ("S001", ("items", 1, "nmae"), True),
        ("S002", ("items", 1), False),
        ("S002", (), False),
    ]
    assert "did you mean 'name'" in ctx.problems[1].message
