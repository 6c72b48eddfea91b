"""Working hours on a person's own clock: who is at work at a moment, and when they start next."""

from __future__ import annotations

from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

from generator.model.rota import next_at_work
from generator.model.site import Person
from generator.model.workhours import WorkingHours, parse_hours

LONDON, SINGAPORE, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("Asia/Singapore"), ZoneInfo("America/New_York")
OFFICE = WorkingHours(time(9), time(17, 30))


def utc(text: str) -> datetime:
    """An aware UTC moment from 2026-11-23T10:00 style text."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def test_hours_are_parsed_and_written_back() -> None:
    """HH:MM-HH:MM reads both ends; other forms read as nothing; an end before the start runs overnight."""
    assert parse_hours(" 09:00-17:30 ") == OFFICE and str(OFFICE) == "09:00-17:30"
    assert parse_hours("9-17") is None and parse_hours("09:00 to 17:00") is None and parse_hours("24:00-08:00") is None
    assert parse_hours("22:00-06:00").overnight and not OFFICE.overnight


def test_working_is_judged_on_the_persons_clock_and_days() -> None:
    """10:00 UTC on Monday is 10:00 in London (at work) and 18:00 in Singapore (gone); Saturday is off."""
    gustav = Person("gustav", "Gustav", timezone=LONDON, working_hours=OFFICE)
    chen = Person("chen", "Chen", timezone=SINGAPORE, working_hours=WorkingHours(time(9), time(18)))
    monday = utc("2026-11-23T10:00")
    assert gustav.is_working(monday) and not chen.is_working(monday)
    assert not gustav.is_working(utc("2026-11-28T10:00"))
    assert not Person("x", "X").is_working(monday) and Person("x", "X").next_working(monday) is None


def test_overnight_hours_continue_past_midnight_into_the_next_day() -> None:
    """22:00-06:00 on weekdays covers 03:00 on Tuesday, begun on Monday, but not 03:00 on Monday."""
    night = Person("n", "Night", timezone=LONDON, working_hours=WorkingHours(time(22), time(6)))
    assert night.is_working(utc("2026-11-24T03:00")) and not night.is_working(utc("2026-11-23T03:00"))


def test_next_working_skips_days_off_and_crosses_daylight_saving_changes() -> None:
    """On Friday evening a Monday-to-Thursday worker next starts on Monday; New York's 09:00 is 14:00 UTC in winter."""
    ivan = Person("ivan", "Ivan", timezone=NEW_YORK, working_hours=OFFICE, working_days=("monday", "tuesday", "wednesday", "thursday"))
    assert ivan.next_working(utc("2026-10-29T22:00")) == datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)
    assert ivan.next_working(utc("2026-11-02T14:30")) == utc("2026-11-02T14:30")
    assert ivan.next_working(utc("2026-11-02T10:00")).astimezone(timezone.utc) == utc("2026-11-02T14:00")


def test_follow_the_sun_ranks_who_is_at_work_first_then_who_starts_soonest() -> None:
    """At 02:00 UTC Singapore is at work, London starts at 09:00 UTC, New York at 14:00 UTC; the owner is left out."""
    chen = Person("chen", "Chen", timezone=SINGAPORE, working_hours=WorkingHours(time(9), time(18)))
    gustav = Person("gustav", "Gustav", timezone=LONDON, working_hours=OFFICE)
    julia = Person("julia", "Julia", timezone=NEW_YORK, working_hours=OFFICE)
    moment = utc("2026-11-24T02:00")
    ranked = next_at_work((julia, gustav, chen, Person("nohours", "No Hours")), moment)
    assert [(p.id, start.astimezone(timezone.utc)) for p, start in ranked] == [
        ("chen", moment), ("gustav", utc("2026-11-24T09:00")), ("julia", utc("2026-11-24T14:00"))]
    assert [p.id for p, _ in next_at_work((julia, gustav, chen), moment, exclude="chen")] == ["gustav", "julia"]


def test_is_working_looks_only_at_the_day_before_and_the_day_itself() -> None:
    """Hour by hour across both DST changes, is_working agrees with a search of every span of the week around."""
    from datetime import timedelta

    from generator.model.workhours import is_working, spans_around

    days = ("monday", "tuesday", "wednesday", "saturday")
    for hours in (OFFICE, WorkingHours(time(22), time(6)), WorkingHours(time(0, 30), time(0, 30))):
        for start in (utc("2026-03-26T00:00"), utc("2026-10-22T00:00")):
            for step in range(24 * 8):
                at = start + timedelta(minutes=30 * step)
                every = any(s <= at < e for s, e in spans_around(hours, LONDON, days, at))
                assert is_working(hours, LONDON, days, at) == every
