"""Who is on duty: shifts, overrides and handovers across daylight-saving changes."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from generator.model.rotation import Override, Rotation, Shift
from generator.model.schedule import next_on_duty, on_duty

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
