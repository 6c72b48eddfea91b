"""The on-call burden view: hours on duty cut at months, after-hours incidents, and overrides taken and given."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from generator.model.rotation import Override, Shift
from generator.model.schedule import final_duties_of
from generator.views.burden import burden_view, month_pieces
from tests.checks.factories import at, corpus, handled_incident, people, rotation, site

BERLIN = ZoneInfo("Europe/Berlin")
CREW = people("Alice Smith", "Bob Jones")


def test_month_pieces_cut_at_midnight_in_the_zone() -> None:
    """A duty from 30 June 10:00 to 7 July 10:00 Berlin is 14 h in June and 154 h in July."""
    start = datetime.combine(date(2026, 6, 30), time(10), BERLIN)
    end = datetime.combine(date(2026, 7, 7), time(10), BERLIN)
    assert month_pieces(start, end, BERLIN) == [("2026-06", 14.0), ("2026-07", 154.0)]


def schedule() -> list:
    """A Monday 09:00 Berlin rotation: Alice from 22 June, Bob from 29 June, and Bob covering Alice's 24 June evening."""
    shifts = (Shift(date(2026, 6, 22), "alice"), Shift(date(2026, 6, 29), "bob"))
    overrides = (Override(at("2026-06-24T16:00Z"), at("2026-06-24T20:00Z"), "bob", "Dentist"),)
    return [rotation(shifts=shifts, overrides=overrides)]


def test_hours_overrides_and_after_hours_per_person_and_month() -> None:
    """Hours are counted up to now and split by month in the team zone; the override is Bob's taken, Alice's given."""
    late = handled_incident("2026-06-25-queue", acknowledged=at("2026-06-25T01:00Z"), commander="alice")
    records = corpus(site=site("Europe/Berlin"), people=CREW, rotations=schedule(), incidents=[late])
    view = burden_view(records, at("2026-07-01T07:00Z"))  # 09:00 Berlin on Wednesday 1 July
    assert view.timezone == "Europe/Berlin" and [m.month for m in view.months] == ["2026-06", "2026-07"]
    june = {p.person_id: p for p in view.months[0].people}
    assert (june["alice"].hours, june["alice"].overrides_given, june["alice"].after_hours) == (164.0, 1, ("2026-06-25-queue",))
    assert (june["bob"].hours, june["bob"].overrides_taken, june["bob"].person) == (4.0 + 39.0, 1, "Bob Jones")
    [bob_july] = view.months[1].people
    assert (bob_july.person_id, bob_july.hours) == ("bob", 9.0)


def test_future_duties_and_incidents_are_not_counted() -> None:
    """Before the first shift nothing is counted."""
    records = corpus(site=site("Europe/Berlin"), people=CREW, rotations=schedule())
    view = burden_view(records, at("2026-06-01T00:00Z"))
    assert view.months == () and view.nights == () and view.quarters == ()


def test_months_without_burden_are_listed_empty_between_counted_ones() -> None:
    """An after-hours incident in June and one in September: July and August are listed, with nobody in them."""
    june = handled_incident("2026-06-25-queue", acknowledged=at("2026-06-25T01:00Z"), commander="alice")
    september = handled_incident("2026-09-02-disk", acknowledged=at("2026-09-02T01:00Z"), commander="bob")
    records = corpus(site=site("Europe/Berlin"), people=CREW, incidents=[september, june])
    view = burden_view(records, at("2026-10-01T00:00Z"))
    assert [(m.month, [p.person_id for p in m.people]) for m in view.months] == [
        ("2026-06", ["alice"]), ("2026-07", []), ("2026-08", []), ("2026-09", ["bob"]),
    ]


def test_shared_final_duties_give_the_same_burden() -> None:
    """Given the rotations' final duties computed once for the portal, the burden is the one computed alone."""
    records = corpus(site=site("Europe/Berlin"), people=CREW, rotations=schedule())
    now = at("2026-07-01T07:00Z")
    assert burden_view(records, now, final_duties_of(records.rotations)) == burden_view(records, now)
