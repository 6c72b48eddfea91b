"""Metrics per month and severity, on hand-computed cases."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pytest

from generator.model.incident import Update
from generator.model.postmortem import ActionItem
from generator.views.measures import Measured, measures
from generator.views.metrics import Share, median, metrics_view, nearest_rank
from generator.views.records import records_view
from tests.checks.factories import at, corpus, incident, maintenance, postmortem, site

NOW = at("2026-07-20T12:00Z")  # 14:00 in Berlin, on 20 July
MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)


def record(incident_id, severity, started, detected, acknowledged, mitigated, resolved, **fields):
    """Build an incident from its milestone times (ISO text or None); resolved when it has a resolution time."""
    times = dict(started=started, detected=detected, acknowledged=acknowledged, mitigated=mitigated, resolved=resolved)
    values = {name: at(text) if text else None for name, text in times.items()}
    values.update(severity=severity, status="resolved" if resolved else "investigating", updates=())
    values.update(fields)
    return incident(incident_id, **values)


def commitments(*pairs):
    """Build updates from (posted, next update or None) ISO times."""
    return tuple(Update(at(posted), "identified", "Text.", at(due) if due else None) for posted, due in pairs)


def item(status, due=None, done_on=None):
    """Build an action item."""
    return ActionItem("Follow up", "prevent", status, owner="alice", due=due, done_on=done_on)


# June (Europe/Berlin): A and B are SEV1, C is SEV2.
A = record(
    "2026-06-02-a", "SEV1", "2026-06-02T10:00Z", "2026-06-02T10:10Z", "2026-06-02T10:20Z", "2026-06-02T11:00Z",
    "2026-06-02T12:10Z",
    updates=commitments(("2026-06-02T10:15Z", "2026-06-02T10:45Z"), ("2026-06-02T10:50Z", None)),  # one late update
)
B = record(
    "2026-06-10-b", "SEV1", "2026-06-10T08:00Z", "2026-06-10T08:30Z", "2026-06-10T09:00Z", "2026-06-10T10:30Z",
    "2026-06-11T09:30Z",  # acknowledged after 30 min and resolved after 25 h: both targets missed
)
C = record(
    "2026-06-20-c", "SEV2", "2026-06-20T14:00Z", "2026-06-20T14:05Z", "2026-06-20T14:15Z", None, "2026-06-20T16:05Z"
)
# July: D was detected at 22:30 UTC on 30 June, 00:30 on 1 July in Berlin; E has no detection time and counts by its
# start; F is open, unacknowledged past its response deadline and late with two updates; G is SEV1.
D = record("2026-06-30-d", "SEV2", "2026-06-30T22:00Z", "2026-06-30T22:30Z", "2026-06-30T22:40Z", "2026-06-30T23:30Z",
           "2026-07-01T01:30Z")
E = record("2026-07-05-e", "SEV2", "2026-07-05T09:00Z", None, "2026-07-05T09:20Z", None, "2026-07-05T11:00Z")
F = record(
    "2026-07-20-f", "SEV2", "2026-07-20T10:00Z", "2026-07-20T10:20Z", None, None, None,
    updates=commitments(("2026-07-20T10:30Z", "2026-07-20T11:00Z"), ("2026-07-20T11:10Z", "2026-07-20T11:40Z")),
)
G = record("2026-07-19-g", "SEV1", "2026-07-19T06:00Z", "2026-07-19T06:05Z", "2026-07-19T06:09Z", "2026-07-19T06:35Z",
           "2026-07-19T08:05Z")
LATER = record("2026-07-25-later", "SEV1", "2026-07-25T10:00Z", "2026-07-25T10:05Z", None, None, None)
WINDOW = maintenance("2026-06-05-db-upgrade")

POSTMORTEMS = [
    postmortem(
        A.id,
        drafted=at("2026-06-03T09:00Z"),  # due 06-04 12:10
        action_items=(
            item("done", date(2026, 6, 20), date(2026, 6, 18)),  # on time
            item("done", date(2026, 6, 20), date(2026, 6, 25)),  # late
            item("open", date(2026, 7, 1)),  # overdue: late
            item("not_doing", date(2026, 6, 15)),  # not judged
            item("open", date(2026, 7, 20)),  # due today: not judged yet
            item("done", None, date(2026, 6, 30)),  # no due date: not judged
        ),
    ),
    postmortem(
        B.id,
        drafted=at("2026-06-14T09:00Z"),  # due 06-13 09:30: late
        action_items=(item("done", date(2026, 7, 20), date(2026, 7, 20)), item("open", date(2026, 7, 19))),
    ),
    # C has no postmortem, and its deadline (06-22 16:05) has passed: late.
    postmortem(
        D.id, drafted=at("2026-07-02T10:00Z"), action_items=(item("done", date(2026, 7, 30), date(2026, 7, 10)),)
    ),
    postmortem(E.id, drafted=None),  # due 07-07 11:00 and never drafted: late
    postmortem(G.id, drafted=at("2026-07-20T09:00Z"), action_items=(item("open", date(2026, 7, 31)),)),  # due 07-21
]


@pytest.fixture(scope="module")
def metrics():
    """The metrics of the hand-computed records at NOW."""
    incidents = [G, F, E, D, C, B, A, LATER, WINDOW]
    records = corpus(site=site("Europe/Berlin"), incidents=incidents, postmortems=POSTMORTEMS)
    return metrics_view(records, NOW)


def spreads(figures):
    """Return each measure's (median, 90th percentile)."""
    return {s.measure: (s.median, s.p90) for s in figures.spreads}


def test_incidents_count_in_the_month_of_detection_in_the_team_zone_else_of_start(metrics):
    assert [m.month for m in metrics.months] == ["2026-06", "2026-07"]
    june, july = metrics.months
    assert june.total.incident_ids == (A.id, B.id, C.id)
    assert july.total.incident_ids == (D.id, E.id, G.id, F.id)
    assert [(f.severity, f.incidents) for f in june.severities] == [("SEV1", 2), ("SEV2", 1)]
    assert [(f.severity, f.incidents) for f in july.severities] == [("SEV1", 1), ("SEV2", 3)]
    assert (metrics.total.incidents, metrics.timezone) == (7, "Europe/Berlin")


def test_maintenance_and_incidents_after_now_are_not_counted(metrics):
    counted = set(metrics.total.incident_ids)
    assert WINDOW.id not in counted and LATER.id not in counted


def test_medians_and_90th_percentiles_per_month_and_severity(metrics):
    june, july = metrics.months
    assert spreads(june.severity("SEV1")) == {
        "detect": (20 * MIN, 30 * MIN),  # 10 and 30 min
        "acknowledge": (20 * MIN, 30 * MIN),  # 10 and 30 min
        "mitigate": (85 * MIN, 2 * HOUR),  # 50 min and 2 h
        "resolve": (13.5 * HOUR, 25 * HOUR),  # 2 h and 25 h
    }
    assert spreads(june.severity("SEV2")) == {
        "detect": (5 * MIN, 5 * MIN),
        "acknowledge": (10 * MIN, 10 * MIN),
        "mitigate": (None, None),
        "resolve": (2 * HOUR, 2 * HOUR),
    }
    assert spreads(june.total) == {
        "detect": (10 * MIN, 30 * MIN),  # 5, 10, 30 min: the 3rd of 3
        "acknowledge": (10 * MIN, 30 * MIN),  # 10, 10, 30 min
        "mitigate": (85 * MIN, 2 * HOUR),
        "resolve": (2 * HOUR, 25 * HOUR),  # 2, 2, 25 h
    }
    assert spreads(july.severity("SEV2")) == {
        "detect": (25 * MIN, 30 * MIN),  # D 30 min, F 20 min; E has no detection time
        "acknowledge": (10 * MIN, 10 * MIN),  # D only: F is not acknowledged, E has no detection time
        "mitigate": (HOUR, HOUR),
        "resolve": (3 * HOUR, 3 * HOUR),  # D only: F is open
    }
    assert spreads(july.total) == {
        "detect": (20 * MIN, 30 * MIN),  # 5, 20, 30 min
        "acknowledge": (7 * MIN, 10 * MIN),  # 4 and 10 min
        "mitigate": (45 * MIN, HOUR),  # 30 min and 1 h
        "resolve": (2.5 * HOUR, 3 * HOUR),  # 2 and 3 h
    }
    assert spreads(metrics.total) == {
        "detect": (15 * MIN, 30 * MIN),  # 5, 5, 10, 20, 30, 30 min: the 6th of 6
        "acknowledge": (10 * MIN, 30 * MIN),  # 4, 10, 10, 10, 30 min: the 5th of 5
        "mitigate": (55 * MIN, 2 * HOUR),  # 30 min, 50 min, 1 h, 2 h
        "resolve": (2 * HOUR, 25 * HOUR),  # 2, 2, 2, 3, 25 h
    }
    assert [s.known for s in metrics.total.spreads] == [6, 5, 4, 5]


def test_shares_within_the_response_and_resolve_targets(metrics):
    june, july = metrics.months
    assert (june.severity("SEV1").within_response, june.severity("SEV1").within_resolve) == (Share(1, 2), Share(1, 2))
    assert (june.total.within_response, june.total.within_resolve) == (Share(2, 3), Share(2, 3))
    # D met both; E is not judged (no detection time); F missed acknowledging and is pending against resolving.
    assert (july.severity("SEV2").within_response, july.severity("SEV2").within_resolve) == (Share(1, 2), Share(1, 1))
    assert (metrics.total.within_response, metrics.total.within_resolve) == (Share(4, 6), Share(4, 5))
    assert Share(2, 3).percent == pytest.approx(66.6667, abs=1e-3)
    assert Share(0, 0).percent is None


def test_missed_update_commitments(metrics):
    june, july = metrics.months
    assert (june.severity("SEV1").missed_updates, june.severity("SEV2").missed_updates) == (1, 0)
    # F: the second update came 10 min late, and the third, due 11:40, has not come by 12:00.
    assert (july.severity("SEV2").missed_updates, july.total.missed_updates, metrics.total.missed_updates) == (2, 2, 3)


def test_postmortems_on_time(metrics):
    june, july = metrics.months
    assert june.severity("SEV1").postmortems_on_time == Share(1, 2)  # A on time, B late
    assert june.severity("SEV2").postmortems_on_time == Share(0, 1)  # C missing past its deadline
    # G was drafted before its deadline, which has not passed; D on time; E never drafted; F is open.
    assert july.severity("SEV1").postmortems_on_time == Share(1, 1)
    assert july.severity("SEV2").postmortems_on_time == Share(1, 2)
    assert metrics.total.postmortems_on_time == Share(3, 6)


def test_action_items_done_on_time(metrics):
    june, july = metrics.months
    # A: on time, done late, overdue (not doing, due today and undated items are not judged); B: on the day, overdue.
    assert june.severity("SEV1").actions_on_time == Share(2, 5)
    assert june.severity("SEV2").actions_on_time == Share(0, 0)
    # D's item was done before its due date came; G's is not due yet.
    assert (july.severity("SEV1").actions_on_time, july.severity("SEV2").actions_on_time) == (Share(0, 0), Share(1, 1))
    assert metrics.total.actions_on_time == Share(3, 6)


def test_whole_period_per_severity(metrics):
    sev1, sev2 = metrics.by_severity
    assert (sev1.severity, sev1.incident_ids, sev1.month) == ("SEV1", (A.id, B.id, G.id), None)
    assert (sev2.severity, sev2.incidents) == ("SEV2", 4)
    assert (sev1.within_response, sev1.postmortems_on_time, sev1.actions_on_time) == (
        Share(2, 3), Share(2, 3), Share(2, 5)
    )
    assert (sev2.within_response, sev2.postmortems_on_time, sev2.actions_on_time) == (
        Share(2, 3), Share(1, 3), Share(1, 1)
    )
    keys = [(k.id, k.label, k.resolve_target) for k in metrics.severities]
    assert keys == [("SEV1", "SEV1", 24 * HOUR), ("SEV2", "SEV2", 24 * HOUR)]


def test_a_postmortem_is_judged_only_after_its_deadline_unless_drafted():
    resolved = record("2026-07-19-x", "SEV2", "2026-07-19T10:00Z", "2026-07-19T10:05Z", "2026-07-19T10:10Z", None,
                      "2026-07-19T12:00Z")
    records = corpus(site=site("Europe/Berlin"), incidents=[resolved])
    assert metrics_view(records, at("2026-07-21T12:00Z")).total.postmortems_on_time == Share(0, 0)  # due at 12:00
    assert metrics_view(records, at("2026-07-21T12:01Z")).total.postmortems_on_time == Share(0, 1)
    records.unloaded_postmortems = frozenset({resolved.id})
    assert metrics_view(records, at("2026-07-21T12:01Z")).total.postmortems_on_time == Share(0, 0)


def test_severities_that_need_no_postmortem_are_not_judged_for_follow_up():
    minor = record("2026-07-19-minor", "SEV3", "2026-07-19T10:00Z", "2026-07-19T10:05Z", "2026-07-19T10:10Z", None,
                   "2026-07-19T12:00Z")
    late = postmortem(minor.id, drafted=at("2026-07-25T10:00Z"), action_items=(item("open", date(2026, 7, 20)),))
    figures = metrics_view(corpus(incidents=[minor], postmortems=[late]), at("2026-08-01T00:00Z")).total
    assert (figures.postmortems_on_time, figures.actions_on_time) == (Share(0, 0), Share(0, 0))


def test_months_run_without_gaps_to_the_month_of_now_across_a_new_year():
    december = record("2025-12-30-x", "SEV2", "2025-12-30T10:00Z", "2025-12-30T10:05Z", None, None, None)
    february = record("2026-02-02-y", "SEV2", "2026-02-02T10:00Z", "2026-02-02T10:05Z", None, None, None)
    metrics = metrics_view(corpus(incidents=[february, december]), at("2026-04-01T00:00Z"))
    assert [(m.month, m.total.incidents, len(m.severities)) for m in metrics.months] == [
        ("2025-12", 1, 1), ("2026-01", 0, 0), ("2026-02", 1, 1), ("2026-03", 0, 0), ("2026-04", 0, 0)
    ]
    assert metrics.months[1].total.spread("resolve").median is None


def test_severities_follow_the_site_order_then_unconfigured_ids():
    records = [
        record("2026-06-03-c", "SEV9", "2026-06-03T10:00Z", None, None, None, None),
        record("2026-06-02-b", "SEV2", "2026-06-02T10:00Z", None, None, None, None),
        record("2026-06-01-a", "SEV1", "2026-06-01T10:00Z", None, None, None, None),
        record("2026-06-04-d", "SEV0", "2026-06-04T10:00Z", None, None, None, None),
    ]
    metrics = metrics_view(corpus(incidents=records), at("2026-06-10T00:00Z"))
    assert [f.severity for f in metrics.by_severity] == ["SEV1", "SEV2", "SEV0", "SEV9"]
    assert [k.resolve_target for k in metrics.severities] == [24 * HOUR, 24 * HOUR, None, None]


def test_no_incidents_means_no_months():
    metrics = metrics_view(corpus(incidents=[maintenance()]), NOW)
    assert (metrics.months, metrics.by_severity, metrics.total.incidents) == ((), (), 0)
    assert metrics.total.spread("detect").median is None


def test_the_metrics_turn_into_json_once_durations_and_times_are_written_as_text(metrics):
    data = dataclasses.asdict(metrics)
    text = json.dumps(data, default=str)
    assert json.loads(text)["months"][0]["severities"][0]["within_response"] == {"met": 1, "judged": 2}


@pytest.mark.parametrize(
    ("count", "rank"),
    [(1, 1), (2, 2), (9, 9), (10, 9), (11, 10), (20, 18), (21, 19), (70, 63), (100, 90)],
)
def test_the_90th_percentile_is_the_nearest_rank(count, rank):
    values = [timedelta(minutes=n) for n in range(count, 0, -1)]  # unsorted on purpose
    assert nearest_rank(values) == timedelta(minutes=rank)


def test_median_of_an_even_count_is_the_mean_of_the_middle_two_and_nothing_has_none():
    assert median([4 * MIN, MIN, 2 * MIN, 10 * MIN]) == 3 * MIN
    assert median([]) is None and nearest_rank([]) is None


def test_measures_shared_with_the_records_give_the_same_metrics(metrics):
    """The portal computes each incident's measures once, for its record and the metrics; the figures stay the same."""
    records = corpus(site=site("Europe/Berlin"), incidents=[G, F, E, D, C, B, A, LATER, WINDOW], postmortems=POSTMORTEMS)
    measured = Measured(records.site)
    views = records_view(records, NOW, measured=measured)
    incidents = [i for i in records.incidents if not i.is_maintenance]
    assert len(measured.known) == len(incidents)  # the maintenance window has no measures
    assert metrics_view(records, NOW, measured) == metrics
    assert len(measured.known) == len(incidents)  # the metrics measured nothing again
    assert [row.measure for row in views[A.id].measures] == list(measures(A, records.site))
