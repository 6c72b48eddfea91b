"""Tests of the on-call burden rules C814 and C815."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from generator.model.incident import Handoff
from generator.model.rotation import Shift
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, maintenance, people, rotation, run, site

CREW = people("Alice Smith", "Bob Jones", "Carol White", "Dave Brown")


def acked(incident_id: str, moment: str, commander: str = "alice"):
    """An incident acknowledged at ``moment`` by its commander."""
    return handled_incident(incident_id, acknowledged=at(moment), commander=commander)


NIGHT = [acked("2026-06-08-queue", "2026-06-08T19:10Z"), acked("2026-06-08-replica", "2026-06-08T23:20Z"),
         acked("2026-06-09-disk", "2026-06-09T04:30Z")]


def test_three_after_hours_incidents_in_one_night_warn_on_the_third() -> None:
    """The third incident acknowledged that night is reported at its acknowledged time, naming the other two."""
    [problem] = run("C814", context(incidents=NIGHT))
    assert (problem.code, problem.level, problem.path, problem.field) == (
        "C814", Level.WARNING, "incidents/2026/2026-06-09-disk.md", ("acknowledged",))
    assert "alice acknowledged 3 incidents outside working hours in the night of 2026-06-08" in problem.message
    assert "2026-06-08-queue, 2026-06-08-replica" in problem.message


def test_two_a_night_or_three_across_nights_are_silent() -> None:
    """Two in a night are within the limit; a third after the next morning's 09:00 belongs to the next night."""
    assert run("C814", context(incidents=NIGHT[:2])) == []
    next_night = NIGHT[:2] + [acked("2026-06-09-disk", "2026-06-09T17:30Z")]
    assert run("C814", context(incidents=next_night)) == []


def test_nights_are_per_person_and_in_working_hours_zone() -> None:
    """Three people with one incident each are silent; in Tokyo (UTC+9) the 19:10 UTC acknowledgement is 04:10 on the 9th."""
    spread = [acked(i.id, f"{i.acknowledged:%Y-%m-%dT%H:%MZ}", who) for i, who in zip(NIGHT, ("alice", "bob", "carol"))]
    assert run("C814", context(incidents=spread)) == []
    tokyo = context(incidents=NIGHT, site=site("UTC", default_timezone=ZoneInfo("Asia/Tokyo")))
    # In Tokyo 04:10 on the 9th (night of the 8th), 08:20 (night of the 8th) and 13:30 (working hours).
    assert run("C814", tokyo) == []


def test_maintenance_and_daytime_acknowledgements_do_not_count() -> None:
    """Only incidents acknowledged outside working hours count."""
    day = [acked("2026-06-09-day", "2026-06-09T10:00Z")]
    assert run("C814", context(incidents=NIGHT[:2] + day + [maintenance()])) == []


def weeks(first: date, crew: list[str]) -> tuple[Shift, ...]:
    """Weekly Monday shifts from ``first``, one per name in ``crew``."""
    return tuple(Shift(first + timedelta(weeks=n), person) for n, person in enumerate(crew))


EVERY_OTHER = ["alice", "bob", "alice", "carol", "alice", "dave", "alice", "bob", "alice", "carol", "alice", "dave", "alice"]


def test_more_than_twice_the_fair_share_warns_on_the_shift_that_goes_over() -> None:
    """Alice's 7 of 13 weeks among 4 people (fair share 3.25) are reported at her 7th shift's person."""
    shifts = weeks(date(2026, 7, 6), EVERY_OTHER)
    [problem] = run("C815", context(rotations=[rotation(shifts=shifts)], people=CREW))
    assert (problem.code, problem.level, problem.path, problem.field) == (
        "C815", Level.WARNING, "rotations/incident-managers.md", ("shifts", 12, "person"))
    assert "alice holds 7 of the 2026-Q3 weeks of Incident managers" in problem.message
    assert "fair share of 3.25 weeks" in problem.message


def test_shares_are_judged_per_quarter() -> None:
    """The same 13 weeks starting in June fall in two quarters, neither over twice its share."""
    shifts = weeks(date(2026, 6, 1), EVERY_OTHER)
    assert run("C815", context(rotations=[rotation(shifts=shifts)], people=CREW)) == []


def test_taking_turns_is_silent() -> None:
    """Four people taking turns hold their fair share each."""
    shifts = weeks(date(2026, 7, 6), ["alice", "bob", "carol", "dave"] * 3 + ["alice"])
    assert run("C815", context(rotations=[rotation(shifts=shifts)], people=CREW)) == []


def test_the_first_commander_acknowledged_an_incident_handed_off_later() -> None:
    """An incident Alice acknowledged at night and handed to Bob in the morning still counts to Alice's night."""
    morning = at("2026-06-09T09:30Z")
    handoff = Handoff(morning, "alice", "bob", "Cause found.", "Roll back.", at("2026-06-09T10:00Z"), morning)
    handed = handled_incident("2026-06-09-disk", acknowledged=at("2026-06-09T04:30Z"), commander="bob", handoffs=(handoff,))
    [problem] = run("C814", context(incidents=NIGHT[:2] + [handed]))
    assert problem.path == "incidents/2026/2026-06-09-disk.md" and "alice acknowledged 3" in problem.message
