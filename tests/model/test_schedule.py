"""Who is on duty: shifts, overrides, final duties and handovers across daylight-saving changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.model.rotation import Override, Rotation, Shift
from generator.model.schedule import Duty, changes, final_duties, final_duties_of, next_on_duty, on_duty

BERLIN = ZoneInfo("Europe/Berlin")


def utc(text: str) -> datetime:
    """Parse an ISO timestamp."""
    return datetime.fromisoformat(text)


def managers(*overrides: Override) -> Rotation:
    """The incident-managers rotation around the end of summer time (25 October 2026)."""
    shifts = (
        Shift(date(2026, 10, 19), "julia", "bruno"),
        Shift(date(2026, 10, 26), "bruno", "alice"),
        Shift(date(2026, 11, 2), "alice", "dana"),
    )
    return Rotation("incident-managers", "rotations/incident-managers.md", "Incident managers", BERLIN,
                    "monday", time(10, 0), shifts, overrides)


def test_handover_after_dst_keeps_the_wall_clock_time() -> None:
    """Monday 26 October 10:00 is CET (09:00Z), not CEST: julia holds the duty until then."""
    rotation = managers()
    assert on_duty(rotation, utc("2026-10-26T08:30:00Z")).person == "julia"
    assert on_duty(rotation, utc("2026-10-26T09:00:00Z")).person == "bruno"
    following = next_on_duty(rotation, utc("2026-10-26T08:30:00Z"))
    assert (following.person, following.start) == ("bruno", utc("2026-10-26T09:00:00Z"))


def test_shift_before_dst_change_runs_169_hours() -> None:
    """The shift that spans the change starts 08:00Z and ends 09:00Z a week later."""
    duty = on_duty(managers(), utc("2026-10-22T12:00:00Z"))
    assert (duty.person, duty.backup) == ("julia", "bruno")
    assert duty.end - duty.start == datetime(2026, 1, 8, 1) - datetime(2026, 1, 1)


def test_override_replaces_the_person_and_ends_on_time() -> None:
    """During an override its person is on duty; afterwards the shift's person is next."""
    cover = Override(datetime(2026, 11, 4, 8, 30, tzinfo=BERLIN), datetime(2026, 11, 4, 13, 0, tzinfo=BERLIN), "dana", "QBR")
    rotation = managers(cover)
    assert on_duty(rotation, utc("2026-11-04T07:29:00Z")).person == "alice"
    duty = on_duty(rotation, utc("2026-11-04T09:00:00Z"))
    assert (duty.person, duty.override, duty.backup) == ("dana", cover, "dana")
    following = next_on_duty(rotation, utc("2026-11-04T09:00:00Z"))
    assert (following.person, following.start, following.override) == ("alice", utc("2026-11-04T12:00:00Z"), None)
    assert next_on_duty(rotation, utc("2026-11-03T12:00:00Z")).person == "dana"


def test_nobody_outside_the_shifts() -> None:
    """Before the first shift nobody is on duty, and the first shift's person is next."""
    rotation = managers()
    assert on_duty(rotation, utc("2026-10-19T07:59:00Z")) is None
    assert next_on_duty(rotation, utc("2026-10-19T07:59:00Z")).person == "julia"
    assert next_on_duty(rotation, utc("2026-11-09T09:00:00Z")) is None
    assert on_duty(rotation, datetime(2026, 11, 9, 9, 0, tzinfo=timezone.utc)) is None


def weekly(first: date, *people: str, backup: str | None = None) -> tuple[Shift, ...]:
    """Return consecutive weekly shifts from ``first``, one per person in turn."""
    return tuple(Shift(first + timedelta(weeks=n), person, backup) for n, person in enumerate(people))


def berlin_rotation(shifts: tuple[Shift, ...], *overrides: Override) -> Rotation:
    """A Monday 10:00 Europe/Berlin rotation with the given shifts and overrides."""
    return Rotation("managers", "rotations/managers.md", "Managers", BERLIN, "monday", time(10, 0), shifts, overrides)


def spans(duties: list[Duty]) -> list[tuple[str, str, str]]:
    """Return each duty as (person, UTC start, UTC end) in ISO text, for compact comparison."""
    return [(d.person, d.start.strftime("%Y-%m-%dT%H:%MZ"), d.end.strftime("%Y-%m-%dT%H:%MZ")) for d in duties]


def test_final_duties_without_overrides_are_the_shifts_in_utc() -> None:
    """Each shift is one duty from handover to handover, in UTC, with its backup and no override."""
    duties = final_duties(managers())
    assert spans(duties) == [
        ("julia", "2026-10-19T08:00Z", "2026-10-26T09:00Z"),
        ("bruno", "2026-10-26T09:00Z", "2026-11-02T09:00Z"),
        ("alice", "2026-11-02T09:00Z", "2026-11-09T09:00Z"),
    ]
    assert [(d.backup, d.override) for d in duties] == [("bruno", None), ("alice", None), ("dana", None)]
    assert all(d.start.utcoffset() == timedelta(0) for d in duties)


def test_override_cuts_its_shift_in_three() -> None:
    """An override inside a shift becomes its own duty between the two parts of the shift, which keep their backup."""
    cover = Override(utc("2026-11-04T08:30:00+01:00"), utc("2026-11-04T13:00:00+01:00"), "dana", "QBR")
    duties = final_duties(managers(cover))
    assert spans(duties)[2:] == [
        ("alice", "2026-11-02T09:00Z", "2026-11-04T07:30Z"),
        ("dana", "2026-11-04T07:30Z", "2026-11-04T12:00Z"),
        ("alice", "2026-11-04T12:00Z", "2026-11-09T09:00Z"),
    ]
    assert [d.override for d in duties[2:]] == [None, cover, None]
    assert [d.backup for d in duties[2:]] == ["dana", "dana", "dana"]


def test_override_across_a_handover_is_cut_there() -> None:
    """An override spanning a handover is two override duties, each with the backup of its own shift."""
    cover = Override(utc("2026-10-26T06:00:00Z"), utc("2026-10-26T12:00:00Z"), "dana", "Train strike")
    duties = final_duties(managers(cover))
    assert spans(duties)[:4] == [
        ("julia", "2026-10-19T08:00Z", "2026-10-26T06:00Z"),
        ("dana", "2026-10-26T06:00Z", "2026-10-26T09:00Z"),
        ("dana", "2026-10-26T09:00Z", "2026-10-26T12:00Z"),
        ("bruno", "2026-10-26T12:00Z", "2026-11-02T09:00Z"),
    ]
    assert [(d.override, d.backup) for d in duties[1:3]] == [(cover, "bruno"), (cover, "alice")]


def test_nothing_is_merged_silently() -> None:
    """Back-to-back shifts of one person, and an override given to the shift's own person, stay separate duties."""
    shifts = weekly(date(2026, 6, 1), "alice", "alice", backup="bruno")
    same_person = Override(utc("2026-06-03T10:00:00Z"), utc("2026-06-03T12:00:00Z"), "alice", "Swapped desks")
    duties = final_duties(berlin_rotation(shifts, same_person))
    assert spans(duties) == [
        ("alice", "2026-06-01T08:00Z", "2026-06-03T10:00Z"),
        ("alice", "2026-06-03T10:00Z", "2026-06-03T12:00Z"),
        ("alice", "2026-06-03T12:00Z", "2026-06-08T08:00Z"),
        ("alice", "2026-06-08T08:00Z", "2026-06-15T08:00Z"),
    ]
    assert [d.override for d in duties] == [None, same_person, None, None]


def test_gaps_and_overrides_outside_shifts() -> None:
    """A gap between shifts holds no duty; an override in the gap is a duty of its own without a backup."""
    shifts = (Shift(date(2026, 6, 1), "alice", "bruno"), Shift(date(2026, 6, 15), "bruno", "alice"))
    cover = Override(utc("2026-06-09T00:00:00Z"), utc("2026-06-10T00:00:00Z"), "dana", "Nobody else was free")
    duties = final_duties(berlin_rotation(shifts, cover))
    assert spans(duties) == [
        ("alice", "2026-06-01T08:00Z", "2026-06-08T08:00Z"),
        ("dana", "2026-06-09T00:00Z", "2026-06-10T00:00Z"),
        ("bruno", "2026-06-15T08:00Z", "2026-06-22T08:00Z"),
    ]
    assert (duties[1].override, duties[1].backup) == (cover, None)
    assert final_duties(berlin_rotation(())) == []


def test_final_duties_agree_with_on_duty() -> None:
    """At every boundary and between boundaries, the final duty covering a moment names whoever on_duty names."""
    first = Override(utc("2026-10-25T00:00:00Z"), utc("2026-10-27T00:00:00Z"), "dana", "First")
    later = Override(utc("2026-10-26T00:00:00Z"), utc("2026-10-26T05:00:00Z"), "gustav", "Listed last, wins")
    rotation = managers(first, later)
    duties = final_duties(rotation)
    moments = [m + offset for m in changes(rotation) for offset in (timedelta(0), timedelta(minutes=30))]
    for moment in moments:
        covering = [d for d in duties if d.start <= moment < d.end]
        expected = on_duty(rotation, moment)
        assert [d.person for d in covering] == ([expected.person] if expected else []), moment
    assert [d.start for d in duties] == sorted(d.start for d in duties)
    assert all(a.end <= b.start for a, b in zip(duties, duties[1:]))


def test_weeks_across_both_dst_switches_in_berlin_last_167_and_169_hours() -> None:
    """Handovers stay at 10:00 Berlin time all year: the week into summer time is 167 h, the week out of it 169 h."""
    shifts = weekly(date(2026, 3, 16), *(["alice", "bruno"] * 17))
    duties = final_duties(berlin_rotation(shifts))
    hours = {d.start.astimezone(BERLIN).date(): (d.end - d.start) / timedelta(hours=1) for d in duties}
    assert {day: length for day, length in hours.items() if length != 168} == {
        date(2026, 3, 23): 167,
        date(2026, 10, 19): 169,
    }
    handovers = {d.start.astimezone(BERLIN) for d in duties}
    assert {(moment.time(), moment.weekday()) for moment in handovers} == {(time(10, 0), 0)}
    assert spans(duties)[1] == ("bruno", "2026-03-23T09:00Z", "2026-03-30T08:00Z")
    assert spans(duties)[31] == ("bruno", "2026-10-19T08:00Z", "2026-10-26T09:00Z")


def test_final_duties_agree_with_on_duty_when_shifts_overlap() -> None:
    """Overlapping and repeated shifts (invalid, but loadable) resolve as on_duty does: the latest start wins, and of
    two shifts starting together the first listed."""
    shifts = (
        Shift(date(2026, 6, 1), "alice", "bruno"),
        Shift(date(2026, 6, 1), "chen", "dana"),
        Shift(date(2026, 6, 4), "bruno", "alice"),
        Shift(date(2026, 6, 20), "dana", "chen"),
    )
    rotation = berlin_rotation(shifts)
    duties = final_duties(rotation)
    moments = [m + offset for m in changes(rotation) for offset in (timedelta(0), timedelta(hours=7))]
    for moment in moments:
        covering = [(d.person, d.backup) for d in duties if d.start <= moment < d.end]
        expected = on_duty(rotation, moment)
        assert covering == ([(expected.person, expected.backup)] if expected else []), moment


def test_final_duties_of_several_rotations_keep_their_order() -> None:
    """The final duties of each rotation, in the order the rotations are given."""
    plain, overridden = managers(), managers(Override(utc("2026-10-20T08:00Z"), utc("2026-10-20T12:00Z"), "dana", "Cover"))
    assert final_duties_of([overridden, plain]) == (final_duties(overridden), final_duties(plain))
    assert final_duties_of([]) == ()
