"""On-call burden policy: working hours, nights, and the fair share of a rotation's weeks."""

from __future__ import annotations

from collections import Counter
from datetime import date, time
from zoneinfo import ZoneInfo

from generator.model.burden import WorkingHours, fair_share, is_after_hours, night_of, over_share, quarter_of, working_hours
from tests.checks.factories import at, site

BERLIN = ZoneInfo("Europe/Berlin")


def test_default_hours_are_nine_to_five_on_weekdays_in_the_default_timezone() -> None:
    """Without hours of their own, a person works 09:00-17:00 Monday to Friday in default_timezone, else timezone."""
    assert working_hours(site("UTC", default_timezone=BERLIN)) == WorkingHours(BERLIN, time(9), time(17), (0, 1, 2, 3, 4))
    assert working_hours(site("Europe/Berlin")).zone == BERLIN
    own = WorkingHours(ZoneInfo("Asia/Tokyo"), time(10), time(18))
    assert working_hours(site(), hours=own) is own
    assert working_hours(site(), zone=ZoneInfo("Asia/Tokyo")).zone.key == "Asia/Tokyo"


def test_after_hours_is_judged_in_the_persons_zone() -> None:
    """08:30 UTC on a Monday in winter is 09:30 in Berlin (working) but before 09:00 in UTC."""
    monday = at("2026-11-23T08:30Z")
    assert not is_after_hours(monday, WorkingHours(BERLIN))
    assert is_after_hours(monday, WorkingHours(ZoneInfo("UTC")))


def test_the_end_of_working_hours_is_after_hours_and_the_start_is_not() -> None:
    """Working hours include their start and exclude their end; a Saturday afternoon is after hours."""
    hours = WorkingHours(ZoneInfo("UTC"))
    assert not is_after_hours(at("2026-11-23T09:00Z"), hours)
    assert is_after_hours(at("2026-11-23T17:00Z"), hours)
    assert is_after_hours(at("2026-11-21T14:00Z"), hours)


def test_a_night_is_named_after_the_day_it_begins() -> None:
    """23:40 on Tuesday and 02:10 on Wednesday (Berlin) are Tuesday's night; 09:00 on Wednesday begins Wednesday's."""
    hours = WorkingHours(BERLIN)
    assert night_of(at("2026-11-03T22:40Z"), hours) == date(2026, 11, 3)
    assert night_of(at("2026-11-04T01:10Z"), hours) == date(2026, 11, 3)
    assert night_of(at("2026-11-04T08:00Z"), hours) == date(2026, 11, 4)


def test_quarters() -> None:
    """Quarters are calendar quarters named by year."""
    assert [quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 9, 10, 12)] == ["2026-Q1", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-Q4"]


def test_over_share_is_more_than_twice_the_fair_share() -> None:
    """13 weeks among 4 people is 3.25 each: 7 weeks is over twice that, 6 is not."""
    assert fair_share(Counter(alice=7, bob=2, carol=2, dave=2)) == 3.25
    assert over_share(Counter(alice=7, bob=2, carol=2, dave=2)) == [("alice", 7)]
    assert over_share(Counter(alice=6, bob=3, carol=2, dave=2)) == []
    assert over_share(Counter()) == []


def test_hours_past_midnight_belong_to_the_day_they_start() -> None:
    """22:00-06:00 on Monday to Friday: Friday 23:00 and Saturday 05:00 are work, Saturday 23:00 is not."""
    nights = WorkingHours(ZoneInfo("UTC"), time(22), time(6))
    assert not is_after_hours(at("2026-11-27T23:00Z"), nights)
    assert not is_after_hours(at("2026-11-28T05:00Z"), nights)
    assert is_after_hours(at("2026-11-28T23:00Z"), nights)
    assert is_after_hours(at("2026-11-27T12:00Z"), nights)


def test_people_work_the_hours_people_yml_gives_them() -> None:
    """Someone with a zone and hours in people.yml works those; the default day is only for the rest."""
    from generator.model.burden import person_hours
    from generator.model.site import Person
    from generator.model.workhours import parse_hours
    from tests.checks.factories import corpus

    tokyo = Person("kenji", "Kenji Sato", timezone=ZoneInfo("Asia/Tokyo"), working_hours=parse_hours("10:00-18:30"),
                   working_days=("monday", "tuesday", "wednesday", "thursday"))
    records = corpus(people=(tokyo, Person("bob", "Bob Jones")))
    assert person_hours(records, "kenji") == WorkingHours(ZoneInfo("Asia/Tokyo"), time(10), time(18, 30), (0, 1, 2, 3))
    assert person_hours(records, "bob") == working_hours(records.site)
    assert is_after_hours(at("2026-11-27T02:00Z"), person_hours(records, "kenji"))  # a Friday, 11:00 in Tokyo
