"""Response measures: durations, verdicts against severity targets, and missed update commitments."""

from __future__ import annotations

from datetime import timedelta

import pytest

from generator.model.incident import Update
from generator.model.site import NEXT_BUSINESS_DAY
from generator.views.measures import (
    MET,
    MISSED,
    NO_TARGET,
    PENDING,
    late_updates,
    measure,
    measures,
    missed_commitments,
    next_update_due,
    update_overdue,
)
from tests.checks.factories import at, handled_incident, incident, maintenance, severity, site

SITE = site()


def open_incident(**fields):
    """An investigating SEV2 incident detected at 10:05 and not yet acknowledged."""
    values = dict(
        status="investigating",
        detected=at("2026-06-01T10:05Z"),
        acknowledged=None,
        mitigated=None,
        resolved=None,
        updates=(Update(at("2026-06-01T10:12Z"), "investigating", "Looking.", at("2026-06-01T10:42Z")),),
    )
    values.update(fields)
    return handled_incident(**values)


def test_each_measure_runs_between_its_milestones():
    # started 10:00, detected 10:05, acknowledged 10:10, mitigated 10:40, resolved 11:00
    took = {m.name: m.took for m in measures(handled_incident(), SITE)}
    assert took == {
        "detect": timedelta(minutes=5),
        "acknowledge": timedelta(minutes=5),
        "mitigate": timedelta(minutes=35),
        "resolve": timedelta(minutes=55),
    }
    assert [m.label for m in measures(handled_incident(), SITE)] == [
        "Time to detect", "Time to acknowledge", "Time to mitigate", "Time to resolve"
    ]


def test_a_measure_with_a_missing_milestone_has_no_duration():
    without_detection = handled_incident(detected=None)
    assert {m.name: m.took for m in measures(without_detection, SITE)} == dict.fromkeys(
        ("detect", "acknowledge", "mitigate", "resolve")
    )
    assert measure("mitigate", handled_incident(mitigated=None), SITE).took is None


def test_acknowledge_and_resolve_are_held_to_the_response_and_resolve_targets_from_detection():
    acknowledge = measure("acknowledge", handled_incident(), SITE)
    resolve = measure("resolve", handled_incident(), SITE)
    assert (acknowledge.target, acknowledge.due) == (timedelta(minutes=15), at("2026-06-01T10:20Z"))
    assert (resolve.target, resolve.due) == (timedelta(hours=24), at("2026-06-02T10:05Z"))
    assert measure("detect", handled_incident(), SITE).due is None
    assert measure("mitigate", handled_incident(), SITE).due is None


@pytest.mark.parametrize(
    ("acknowledged", "verdict"),
    [("2026-06-01T10:10Z", MET), ("2026-06-01T10:20Z", MET), ("2026-06-01T10:21Z", MISSED)],
)
def test_a_recorded_milestone_meets_its_target_up_to_the_deadline_inclusive(acknowledged, verdict):
    ack = measure("acknowledge", handled_incident(acknowledged=at(acknowledged)), SITE)
    # the verdict of a recorded milestone does not depend on the moment of judgement
    assert ack.verdict(at("2026-06-01T10:15Z")) == ack.verdict(at("2026-07-01T00:00Z")) == verdict


@pytest.mark.parametrize(
    ("now", "verdict"),
    [("2026-06-01T10:15Z", PENDING), ("2026-06-01T10:20Z", PENDING), ("2026-06-01T10:20:01Z", MISSED)],
)
def test_a_missing_milestone_is_pending_until_its_deadline_then_missed(now, verdict):
    assert measure("acknowledge", open_incident(), SITE).verdict(at(now)) == verdict


def test_an_open_incident_is_pending_against_its_resolve_target_for_24_hours():
    resolve = measure("resolve", open_incident(), SITE)
    assert resolve.verdict(at("2026-06-02T10:05Z")) == PENDING
    assert resolve.verdict(at("2026-06-02T10:06Z")) == MISSED


def test_measures_without_a_target_are_not_judged():
    now = at("2026-07-01T00:00Z")
    assert measure("detect", handled_incident(), SITE).verdict(now) == NO_TARGET
    assert measure("mitigate", open_incident(), SITE).verdict(now) == NO_TARGET
    undetected = measure("acknowledge", handled_incident(detected=None), SITE)
    assert (undetected.target, undetected.due, undetected.verdict(now)) == (None, None, NO_TARGET)
    unconfigured = measure("resolve", handled_incident(severity="SEV9"), SITE)
    assert (unconfigured.target, unconfigured.verdict(now)) == (None, NO_TARGET)
    window = measure("resolve", maintenance(detected=at("2026-06-05T22:00Z")), SITE)
    assert window.verdict(now) == NO_TARGET


def test_a_next_business_day_target_ends_with_the_next_weekday_in_the_team_time_zone():
    low = severity("SEV4", postmortem=False, response=NEXT_BUSINESS_DAY)
    berlin = site("Europe/Berlin", severities=(low,))
    # Sunday 22:30 UTC is already Monday 00:30 in Berlin, so the next business day is Tuesday 9 June;
    # it ends at 23:59:59.999999 CEST, 21:59:59.999999 UTC.
    detected = at("2026-06-07T22:30Z")
    ack = measure("acknowledge", handled_incident(severity="SEV4", detected=detected, acknowledged=None, status="investigating", resolved=None), berlin)
    assert ack.target == NEXT_BUSINESS_DAY
    assert ack.due == at("2026-06-09T21:59:59.999999Z")
    assert ack.verdict(at("2026-06-09T21:59Z")) == PENDING
    assert ack.verdict(at("2026-06-09T22:00Z")) == MISSED
    on_tuesday_evening = handled_incident(severity="SEV4", detected=detected, acknowledged=at("2026-06-09T21:30Z"))
    assert measure("acknowledge", on_tuesday_evening, berlin).verdict(at("2026-07-01T00:00Z")) == MET
    on_wednesday = handled_incident(severity="SEV4", detected=detected, acknowledged=at("2026-06-09T22:30Z"))
    assert measure("acknowledge", on_wednesday, berlin).verdict(at("2026-07-01T00:00Z")) == MISSED


def test_a_next_business_day_target_skips_the_weekend():
    low = severity("SEV4", postmortem=False, response=NEXT_BUSINESS_DAY)
    utc = site(severities=(low,))
    friday = handled_incident(severity="SEV4", detected=at("2026-06-05T15:00Z"), acknowledged=None)
    assert measure("acknowledge", friday, utc).due == at("2026-06-08T23:59:59.999999Z")


def updates(*triples):
    """Build updates from (posted, next update or None) pairs of ISO times."""
    return tuple(Update(at(posted), "investigating", "Text.", at(due) if due else None) for posted, due in triples)


def test_late_updates_count_updates_posted_after_the_previous_commitment():
    record = incident(
        updates=updates(
            ("2026-06-01T10:00Z", "2026-06-01T10:30Z"),
            ("2026-06-01T10:30Z", "2026-06-01T11:00Z"),  # on the minute: on time
            ("2026-06-01T11:20Z", "2026-06-01T12:00Z"),  # 20 min late
            ("2026-06-01T11:50Z", None),  # early
            ("2026-06-01T13:00Z", None),  # no commitment to break
        )
    )
    assert late_updates(record) == 1
    assert late_updates(incident(updates=())) == 0


def test_the_next_update_is_due_only_on_open_records():
    pending = updates(("2026-06-01T10:00Z", "2026-06-01T10:30Z"))
    assert next_update_due(incident(status="investigating", resolved=None, updates=pending)) == at("2026-06-01T10:30Z")
    assert next_update_due(incident(status="resolved", updates=pending)) is None
    assert next_update_due(incident(status="investigating", resolved=None, updates=())) is None


@pytest.mark.parametrize(
    ("now", "overdue"),
    [("2026-06-01T10:29Z", False), ("2026-06-01T10:30Z", False), ("2026-06-01T10:31Z", True)],
)
def test_an_open_records_update_is_overdue_once_its_commitment_has_passed(now, overdue):
    record = incident(status="identified", resolved=None, updates=updates(("2026-06-01T10:00Z", "2026-06-01T10:30Z")))
    assert update_overdue(record, at(now)) is overdue


def test_a_closed_record_has_no_overdue_update():
    record = incident(updates=updates(("2026-06-01T10:00Z", "2026-06-01T10:30Z")))
    assert update_overdue(record, at("2026-06-02T00:00Z")) is False


def test_missed_commitments_add_the_overdue_pending_update_to_the_late_ones():
    record = incident(
        status="monitoring",
        resolved=None,
        updates=updates(
            ("2026-06-01T10:00Z", "2026-06-01T10:30Z"),
            ("2026-06-01T10:45Z", "2026-06-01T11:30Z"),  # late
            ("2026-06-01T11:40Z", "2026-06-01T12:30Z"),  # late; its commitment is pending
        ),
    )
    assert missed_commitments(record, at("2026-06-01T12:00Z")) == 2
    assert missed_commitments(record, at("2026-06-01T12:31Z")) == 3
    resolved = incident(updates=record.updates)
    assert missed_commitments(resolved, at("2026-06-01T12:31Z")) == 2


def test_a_closed_record_without_the_milestone_is_not_judged() -> None:
    """A resolved incident that never recorded its acknowledgement is not judged, as rule T501 does not judge it."""
    record = incident(detected=at("2026-06-01T10:00Z"), acknowledged=None)
    assert measure("acknowledge", record, site()).verdict(at("2026-06-10T12:00Z")) == NO_TARGET
    still_open = incident(detected=at("2026-06-01T10:00Z"), acknowledged=None, status="investigating", resolved=None)
    assert measure("acknowledge", still_open, site()).verdict(at("2026-06-10T12:00Z")) == MISSED
