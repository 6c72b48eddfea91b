"""The new portal's rotation: the shift that holds now, then people in turn until the end of the month after next."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from generator.scaffold.schedule import first_start, shifts

BERLIN = ZoneInfo("Europe/Berlin")


def test_the_first_shift_holds_now() -> None:
    """On a Monday before the 10:00 handover, the shift that began the Monday before is on."""
    assert first_start(datetime(2026, 12, 7, 9, 59, tzinfo=BERLIN)) == date(2026, 11, 30)
    assert first_start(datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN)) == date(2026, 12, 7)
    assert first_start(datetime(2026, 12, 6, 23, 0, tzinfo=BERLIN)) == date(2026, 11, 30)


def test_people_take_turns_until_the_end_of_the_month_after_next() -> None:
    """Nobody holds two weeks in a row, each is backed up by the next, and February 2027 is covered."""
    found = shifts(("ada", "bob"), datetime(2026, 12, 20, 12, 0, tzinfo=BERLIN))
    assert found[0].start == date(2026, 12, 14) and found[-1].start == date(2027, 2, 22)
    assert [s.person for s in found[:3]] == ["ada", "bob", "ada"]
    assert all(s.backup != s.person for s in found)
