"""On-call view: final duties by shift week, on duty now and next, next month's decision and people's duties."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.rotation import Override, Shift
from generator.model.schedule import final_duties_of
from generator.views.oncall import oncall_view
from tests.checks.factories import at, context, corpus, people, rotation, run

ROOT = Path(__file__).parents[2]
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NOW = at("2026-10-28T12:00Z")
DENTIST = Override(at("2026-10-28T10:00Z"), at("2026-10-28T14:00Z"), "dana", "Alice's <dentist> appointment")


def weekly(first: date, *names: str) -> tuple[Shift, ...]:
    """Return consecutive weekly shifts from ``first``, one per person in turn, each backed up by the next."""
    return tuple(Shift(first + timedelta(weeks=n), name, names[(n + 1) % len(names)]) for n, name in enumerate(names))


def managers():
    """A Monday 10:00 Berlin rotation from 5 October to 7 December 2026, with zoe (not in people.yml), overridden."""
    shifts = weekly(date(2026, 10, 5), "alice", "bob", "zoe", "alice", "bob", "zoe", "alice", "bob", "zoe")
    return rotation("managers", name="Managers", handover_time=time(10, 0), shifts=shifts, overrides=(DENTIST,))


def platform():
    """A Wednesday 09:00 New York rotation from 21 October to 11 November 2026."""
    shifts = weekly(date(2026, 10, 21), "bob", "alice", "bob")
    return rotation("platform", name="Platform", timezone=NEW_YORK, handover_day="wednesday", shifts=shifts)


def records():
    """A corpus with both rotations, listed out of id order, and three people."""
    return corpus(people=people("Alice Smith", "Bob Jones", "Dana Kowalski"), rotations=[platform(), managers()])


def test_rotations_sorted_by_id_with_their_handover() -> None:
    """Rotations come in id order with zone, handover day and time."""
    view = oncall_view(records(), NOW)
    assert [(r.id, r.name, r.zone.key, r.handover_day, r.handover_time) for r in view.rotations] == [
        ("managers", "Managers", "Europe/Berlin", "Monday", time(10, 0)),
        ("platform", "Platform", "America/New_York", "Wednesday", time(9, 0)),
    ]


def test_on_duty_now_is_the_override_and_next_is_the_shift_again() -> None:
    """During an override its person is on duty now, and the shift's person is next when the override ends."""
    managers_view = oncall_view(records(), NOW).rotations[0]
    now, following = managers_view.now, managers_view.next
    assert (now.person_id, now.person, now.backup) == ("dana", "Dana Kowalski", "Bob Jones")
    assert now.override_reason == DENTIST.reason
    assert (now.start, now.end) == (at("2026-10-28T10:00Z"), at("2026-10-28T14:00Z"))
    assert (following.person, following.start, following.is_override) == ("Alice Smith", at("2026-10-28T14:00Z"), False)


def test_weeks_run_from_handover_to_handover_in_the_rotation_zone() -> None:
    """Four past weeks, the current one and seven coming ones; the week out of summer time lasts 169 hours."""
    weeks = oncall_view(records(), NOW).rotations[0].weeks
    assert [w.local_start.date() for w in weeks] == [date(2026, 9, 28) + timedelta(weeks=n) for n in range(12)]
    assert [w.when for w in weeks] == ["past"] * 4 + ["current"] + ["coming"] * 7
    assert {w.local_start.time() for w in weeks} == {time(10, 0)}
    lengths = {w.local_start.date(): (w.end - w.start) / timedelta(hours=1) for w in weeks}
    assert {day: hours for day, hours in lengths.items() if hours != 168} == {date(2026, 10, 19): 169}
    assert (weeks[3].start, weeks[3].end) == (at("2026-10-19T08:00Z"), at("2026-10-26T09:00Z"))


def test_week_duties_have_names_backups_and_override_reasons() -> None:
    """Each week lists its final duties; a person missing from people.yml shows by id; an override cuts its shift."""
    managers_view = oncall_view(records(), NOW).rotations[0]
    weeks = managers_view.weeks
    assert (len(managers_view.past_weeks), len(managers_view.coming_weeks)) == (4, 8)
    assert weeks[0].duties == ()
    assert [(d.person, d.backup) for d in weeks[3].duties] == [("zoe", "Alice Smith")]
    current = weeks[4].duties
    assert [(d.person, d.is_override, d.override_reason) for d in current] == [
        ("Alice Smith", False, None),
        ("Dana Kowalski", True, DENTIST.reason),
        ("Alice Smith", False, None),
    ]
    assert [(d.local_start.isoformat(), d.local_end.isoformat()) for d in current] == [
        ("2026-10-26T10:00:00+01:00", "2026-10-28T11:00:00+01:00"),
        ("2026-10-28T11:00:00+01:00", "2026-10-28T15:00:00+01:00"),
        ("2026-10-28T15:00:00+01:00", "2026-11-02T10:00:00+01:00"),
    ]
    assert [len(w.duties) for w in weeks[5:]] == [1, 1, 1, 1, 1, 0, 0]


def test_current_week_starts_at_the_last_handover_even_later_the_same_day() -> None:
    """At 08:00 New York time on a Wednesday, the week that began last Wednesday at 09:00 is still the current one."""
    weeks = oncall_view(records(), NOW).rotations[1].weeks
    current = next(w for w in weeks if w.when == "current")
    assert (current.start, current.end) == (at("2026-10-21T13:00Z"), at("2026-10-28T13:00Z"))
    assert [d.person for d in current.duties] == ["Bob Jones"]


def test_next_month_decided_after_the_16th() -> None:
    """On 28 October, November must be decided: the shifts run until 7 December, so it is."""
    month = oncall_view(records(), NOW).rotations[0].next_month
    assert (month.month, month.is_due, month.decided, month.label) == (date(2026, 11, 1), True, True, "Decided")
    assert month.covered_until == at("2026-12-07T09:00Z")
    assert month.needed == at("2026-11-30T23:00Z")


def test_next_month_undecided_matches_check_c807() -> None:
    """On 20 November, December is undecided exactly when C807 warns."""
    now = "2026-11-20T12:00Z"
    month = oncall_view(records(), at(now)).rotations[0].next_month
    assert (month.month, month.is_due, month.decided, month.label) == (date(2026, 12, 1), True, False, "Not decided")
    warned = {p.path for p in run("C807", context(now, rotations=[managers(), platform()]))}
    assert warned == {"rotations/managers.md", "rotations/platform.md"}


def test_next_month_not_due_before_the_16th() -> None:
    """On 10 November, December's shifts are not due yet; they are due on 16 November."""
    month = oncall_view(records(), at("2026-11-10T12:00Z")).rotations[0].next_month
    assert (month.month, month.due, month.is_due, month.decided, month.label) == (
        date(2026, 12, 1), date(2026, 11, 16), False, False, "Not due yet",
    )


def test_browser_duties_are_plain_final_duties_from_the_first_shown_week() -> None:
    """The page script gets ISO UTC starts and ends and display names, overrides applied, in time order."""
    managers_view = oncall_view(records(), NOW).rotations[0]
    data = json.loads(managers_view.duties_json)
    assert data[:3] == [
        {"start": "2026-10-05T08:00:00Z", "end": "2026-10-12T08:00:00Z", "person": "Alice Smith"},
        {"start": "2026-10-12T08:00:00Z", "end": "2026-10-19T08:00:00Z", "person": "Bob Jones"},
        {"start": "2026-10-19T08:00:00Z", "end": "2026-10-26T09:00:00Z", "person": "zoe"},
    ]
    assert data[4] == {"start": "2026-10-28T10:00:00Z", "end": "2026-10-28T14:00:00Z", "person": "Dana Kowalski"}
    assert len(data) == len(managers_view.duties) == 11
    later = oncall_view(records(), at("2026-11-25T12:00Z")).rotations[0]
    assert json.loads(later.duties_json)[0]["start"] == "2026-10-26T09:00:00Z"


def test_people_with_duties_across_rotations() -> None:
    """Each person of people.yml who holds a duty gets all of them, in time order; unlisted ids get none."""
    people_view = oncall_view(records(), NOW).people
    assert [(p.id, p.name) for p in people_view] == [
        ("alice", "Alice Smith"), ("bob", "Bob Jones"), ("dana", "Dana Kowalski"),
    ]
    alice = people_view[0].duties
    assert [(d.rotation_id, d.start) for d in alice] == [
        ("managers", at("2026-10-05T08:00Z")),
        ("managers", at("2026-10-26T09:00Z")),
        ("platform", at("2026-10-28T13:00Z")),
        ("managers", at("2026-10-28T14:00Z")),
        ("managers", at("2026-11-16T09:00Z")),
    ]
    assert [d.override_reason for d in people_view[2].duties] == [DENTIST.reason]


def test_example_portal() -> None:
    """On 23 November 2026 Chen, Julia and Farah are on duty, Hana, Bruno and Hana are next, and December is decided."""
    view = oncall_view(load_root(ROOT).corpus, parse_now("2026-11-23T18:00:00Z"))
    assert [(r.id, r.now.person, r.next.person, r.next_month.label) for r in view.rotations] == [
        ("data-platform-oncall", "Chen Wei", "Hana Sato", "Decided"),
        ("incident-managers", "Julia Santos", "Bruno Lindqvist", "Decided"),
        ("platform-oncall", "Farah Haddad", "Hana Sato", "Decided"),
    ]
    thanksgiving = next(w for w in view.rotations[2].weeks if w.local_start.date() == date(2026, 11, 25))
    assert [(d.person, d.is_override) for d in thanksgiving.duties] == [
        ("Hana Sato", False), ("Chen Wei", True), ("Hana Sato", False),
    ]
    assert len(view.people) == 10


def test_next_month_gives_the_moments_its_answer_changes_at_in_the_rotation_zone() -> None:
    """The answer turns from not due to due on the 16th and is unknown from the 1st of next month, local time."""
    month = oncall_view(records(), at("2026-11-10T12:00Z")).rotations[0].next_month
    zone = month.needed.tzinfo
    assert month.due_from == datetime(2026, 11, 16, tzinfo=zone)
    assert month.starts == datetime(2026, 12, 1, tzinfo=zone)
    assert month.due_label == "Not decided" and month.label == "Not due yet"


def test_final_duties_computed_once_for_the_portal_give_the_same_view() -> None:
    """Given each rotation's final duties in the corpus's order (as the portal shares them with the burden), the view
    pairs them with their rotation despite sorting by id, and equals the view that computes them itself."""
    records = corpus(people=people("Alice Smith", "Bob Jones", "Dana Kowalski"), rotations=[platform(), managers()])
    now = at("2026-10-28T12:00Z")
    shared = final_duties_of(records.rotations)
    view = oncall_view(records, now, shared)
    assert view == oncall_view(records, now)
    assert [r.id for r in view.rotations] == ["managers", "platform"]
    assert view.rotations[0].duties[0].start == shared[1][0].start
