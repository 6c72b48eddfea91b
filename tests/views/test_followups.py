"""Postmortem deadlines, missing postmortems and the action items board, on hand-computed cases."""

from __future__ import annotations

from datetime import date

from generator.model.postmortem import ActionItem
from generator.views.followups import (
    MISSING,
    NOT_APPLICABLE,
    followups_view,
    overdue_actions,
    overdue_postmortems,
)
from generator.views.measures import MET, MISSED, PENDING
from tests.checks.factories import at, corpus, incident, postmortem, site

# The default incident was resolved at 2026-06-01T11:00Z: the draft is due 06-03 11:00, the review 06-08 11:00,
# action items are assigned by 06-15 11:00 and done by 07-01 11:00 (all UTC; the default site zone is UTC).
INCIDENT_ID = "2026-06-01-slow-api"


def item(title="Fix it", status="open", due=date(2026, 6, 20), **fields) -> ActionItem:
    """Build an action item owned by alice."""
    values = dict(type="prevent", owner="alice")
    values.update(fields)
    return ActionItem(title, status=status, due=due, **values)


def follow(now: str, incidents=None, postmortems=(), zone: str = "UTC"):
    """Compute the follow-ups of the given records at ``now``."""
    records = corpus(site=site(zone), incidents=list(incidents or [incident()]), postmortems=list(postmortems))
    return followups_view(records, at(now))


def deadline(now: str, name: str, **fields):
    """Judge one deadline of the default postmortem at ``now``."""
    record = follow(now, postmortems=[postmortem(**fields)]).record(INCIDENT_ID)
    return record.deadline(name)


def test_draft_met_missed_and_pending():
    on_time = deadline("2026-06-10T12:00Z", "draft", drafted=at("2026-06-03T11:00Z"))
    assert (on_time.verdict, on_time.met_at, on_time.due) == (MET, at("2026-06-03T11:00Z"), at("2026-06-03T11:00Z"))
    late = deadline("2026-06-10T12:00Z", "draft", drafted=at("2026-06-03T11:01Z"))
    assert (late.verdict, late.unmet) == (MISSED, False)
    assert deadline("2026-06-03T11:00Z", "draft", drafted=None).verdict == PENDING
    missed = deadline("2026-06-03T11:01Z", "draft", drafted=None)
    assert (missed.verdict, missed.unmet) == (MISSED, True)


def test_review_date_is_judged_against_the_due_date_in_the_team_zone():
    assert deadline("2026-06-20T00:00Z", "review", reviewed_on=date(2026, 6, 8)).verdict == MET
    late = deadline("2026-06-20T00:00Z", "review", reviewed_on=date(2026, 6, 9))
    assert (late.verdict, late.met_on, late.unmet) == (MISSED, date(2026, 6, 9), False)
    # Resolved 13:00 UTC: the review is due 06-08 13:00 UTC, which is 06-09 01:00 in Auckland.
    resolved_late = incident(resolved=at("2026-06-01T13:00Z"))
    reviewed = postmortem(reviewed_on=date(2026, 6, 9), status="reviewed")
    in_auckland = follow("2026-06-20T00:00Z", [resolved_late], [reviewed], zone="Pacific/Auckland")
    in_utc = follow("2026-06-20T00:00Z", [resolved_late], [reviewed])
    assert in_auckland.record(INCIDENT_ID).deadline("review").verdict == MET
    assert in_utc.record(INCIDENT_ID).deadline("review").verdict == MISSED


def test_unreviewed_is_pending_until_the_due_moment_then_missed():
    assert deadline("2026-06-08T11:00Z", "review").verdict == PENDING
    missed = deadline("2026-06-08T11:01Z", "review")
    assert (missed.verdict, missed.unmet) == (MISSED, True)


def test_action_items_assigned_within_fourteen_days():
    assert deadline("2026-06-15T11:00Z", "assign").verdict == PENDING
    assert deadline("2026-06-15T11:01Z", "assign").unmet
    assigned = deadline("2026-06-30T00:00Z", "assign", action_items=(item(),))
    assert (assigned.verdict, assigned.met_on) == (MET, None)


def test_action_items_done_within_thirty_days_by_team_zone_date():
    open_item = (item(),)
    assert deadline("2026-07-01T23:59Z", "done", action_items=open_item).verdict == PENDING
    missed = deadline("2026-07-02T00:00Z", "done", action_items=open_item)
    assert (missed.verdict, missed.unmet, missed.overdue_from) == (MISSED, True, at("2026-07-02T00:00Z"))
    finished = (item(status="done", done_on=date(2026, 6, 25)), item(status="not_doing"))
    done = deadline("2026-07-10T00:00Z", "done", action_items=finished)
    assert (done.verdict, done.met_on) == (MET, date(2026, 6, 25))
    done_late = deadline("2026-07-10T00:00Z", "done", action_items=(item(status="done", done_on=date(2026, 7, 2)),))
    assert (done_late.verdict, done_late.met_on, done_late.unmet) == (MISSED, date(2026, 7, 2), False)


def test_done_deadline_applies_only_to_required_postmortems_with_action_items():
    minor = incident(severity="SEV3")
    record = follow("2026-08-01T00:00Z", [minor], [postmortem(action_items=(item(),))]).record(INCIDENT_ID)
    assert record.deadline("done").verdict == NOT_APPLICABLE
    assert record.deadline("draft").verdict == MET
    assert deadline("2026-08-01T00:00Z", "done").verdict == NOT_APPLICABLE


def test_no_deadline_runs_before_the_incident_is_resolved():
    still_open = incident(status="monitoring", resolved=None)
    record = follow("2026-08-01T00:00Z", [still_open], [postmortem()]).record(INCIDENT_ID)
    assert [(d.name, d.verdict, d.due) for d in record.deadlines] == [
        ("draft", NOT_APPLICABLE, None),
        ("review", NOT_APPLICABLE, None),
        ("assign", NOT_APPLICABLE, None),
        ("done", NOT_APPLICABLE, None),
    ]
    assert overdue_postmortems(follow("2026-08-01T00:00Z", [still_open], [postmortem()])) == ()


def test_missing_postmortem_of_a_required_severity_is_listed_with_its_draft_deadline():
    required = incident()
    minor = incident("2026-06-02-minor", severity="SEV3")
    unresolved = incident("2026-06-03-open", status="identified", resolved=None)
    before = follow("2026-06-03T11:00Z", [required, minor, unresolved])
    record = before.record(INCIDENT_ID)
    assert (record.status, record.incident_title, record.severity.id) == (MISSING, "Slow API", "SEV2")
    assert [(d.name, d.verdict, d.due) for d in record.deadlines] == [("draft", PENDING, at("2026-06-03T11:00Z"))]
    assert [r.incident_id for r in before.postmortems] == [INCIDENT_ID]
    assert dict(before.by_status)[MISSING] == (record,)
    assert overdue_postmortems(before) == ()
    after = follow("2026-06-03T11:01Z", [required, minor, unresolved])
    assert [r.incident_id for r in overdue_postmortems(after)] == [INCIDENT_ID]


def test_record_names_authors_and_owners_falling_back_to_ids():
    written = postmortem(authors=("alice", "zoe"), public=True, action_items=(item(owner="zoe"), item(owner=None)))
    record = follow("2026-06-10T12:00Z", postmortems=[written]).record(INCIDENT_ID)
    assert record.authors == ("Alice Smith", "zoe")
    assert [a.owner for a in record.actions] == ["zoe", None]
    assert (record.status, record.public, record.drafted) == ("draft", True, at("2026-06-02T09:00Z"))


def test_groups_by_status_in_index_order():
    done = incident("2026-06-02-done")
    seen = follow(
        "2026-06-10T12:00Z",
        [incident(), done],
        [postmortem(status="in_review"), postmortem(done.id, status="closed", reviewed_on=date(2026, 6, 5))],
    )
    assert [(s, [r.incident_id for r in rs]) for s, rs in seen.by_status] == [
        ("missing", []),
        ("draft", []),
        ("in_review", [INCIDENT_ID]),
        ("reviewed", []),
        ("closed", [done.id]),
    ]


def test_action_overdue_by_team_zone_date_around_midnight():
    items = (item(due=date(2026, 6, 10)),)
    before = follow("2026-06-10T21:59Z", postmortems=[postmortem(action_items=items)], zone="Europe/Berlin")
    assert (before.actions[0].overdue, before.actions[0].days_overdue, overdue_actions(before)) == (False, 0, ())
    # 22:00 UTC is midnight in Berlin (CEST): the item's due date is past there, though not yet in UTC.
    after = follow("2026-06-10T22:00Z", postmortems=[postmortem(action_items=items)], zone="Europe/Berlin")
    row = after.actions[0]
    assert (row.overdue, row.days_overdue, row.overdue_from) == (True, 1, at("2026-06-10T22:00Z"))
    assert overdue_actions(after) == (row,)
    in_utc = follow("2026-06-10T22:00Z", postmortems=[postmortem(action_items=items)])
    assert in_utc.actions[0].overdue is False


def test_done_and_dropped_items_are_never_overdue():
    items = (
        item(status="done", due=date(2026, 6, 1), done_on=date(2026, 6, 3)),
        item(status="not_doing", due=date(2026, 6, 1)),
    )
    seen = follow("2026-06-10T12:00Z", postmortems=[postmortem(action_items=items)])
    assert [(a.overdue, a.overdue_from) for a in seen.actions] == [(False, None), (False, None)]


def test_board_order_overdue_most_first_then_open_by_due_then_closed():
    first = postmortem(
        action_items=(
            item("A late 2 days", due=date(2026, 6, 8)),
            item("A done", status="done", due=date(2026, 6, 1), done_on=date(2026, 6, 2)),
            item("A open 06-20", due=date(2026, 6, 20)),
            item("A undated", due=None),
            item("A late 5 days", due=date(2026, 6, 5)),
        )
    )
    second_incident = incident("2026-06-02-other")
    second = postmortem(
        second_incident.id,
        action_items=(
            item("B open 06-12", due=date(2026, 6, 12)),
            item("B late 2 days", due=date(2026, 6, 8)),
            item("B dropped", status="not_doing"),
        ),
    )
    seen = follow("2026-06-10T12:00Z", [incident(), second_incident], [second, first])
    assert [a.title for a in seen.actions] == [
        "A late 5 days",
        "A late 2 days",
        "B late 2 days",
        "B open 06-12",
        "A open 06-20",
        "A undated",
        "A done",
        "B dropped",
    ]
    assert [a.days_overdue for a in overdue_actions(seen)] == [5, 2, 2]
    assert seen.overdue_actions == overdue_actions(seen)


def test_overdue_postmortems_longest_overdue_first():
    # Resolved 05-20 10:00: drafted late (06-02) but drafted, and the review due 05-27 10:00 never happened.
    no_review = incident("2026-05-20-old", resolved=at("2026-05-20T10:00Z"))
    # Resolved 06-01 11:00: neither drafted (due 06-03 11:00) nor reviewed (due 06-08 11:00).
    no_draft = incident()
    seen = follow(
        "2026-06-10T12:00Z",
        [no_review, no_draft],
        [
            postmortem(no_draft.id, drafted=None, action_items=(item(),)),
            postmortem(no_review.id, action_items=(item(),)),
        ],
    )
    overdue = overdue_postmortems(seen)
    assert [r.incident_id for r in overdue] == [no_review.id, no_draft.id]
    assert [[d.name for d in r.overdue_deadlines] for r in overdue] == [["review"], ["draft", "review"]]
    assert seen.overdue_postmortems == overdue


def test_watched_postmortems_are_those_overdue_now_or_later_by_when_they_become_overdue():
    # The default incident resolved 06-01 11:00: the draft is due 06-03 11:00, the review 06-08 11:00. On 06-02
    # nothing is overdue yet, but both deadlines are open; a met draft leaves only the review.
    undrafted = follow("2026-06-02T12:00Z", postmortems=[postmortem(drafted=None, action_items=(item(),))])
    record = undrafted.record(INCIDENT_ID)
    assert [(d.name, d.verdict) for d in record.open_deadlines] == [("draft", PENDING), ("review", PENDING)]
    assert record.overdue_from == at("2026-06-03T11:00Z")
    assert undrafted.watched_postmortems == (record,) and undrafted.overdue_postmortems == ()
    # At the later moment the browser reaches, the same records give the overdue list the page script shows.
    later = follow("2026-06-03T11:01Z", postmortems=[postmortem(drafted=None, action_items=(item(),))])
    assert [r.incident_id for r in later.overdue_postmortems] == [INCIDENT_ID]
    drafted = follow("2026-06-02T12:00Z", postmortems=[postmortem(drafted=at("2026-06-02T09:00Z"), action_items=(item(),))])
    assert drafted.record(INCIDENT_ID).overdue_from == at("2026-06-08T11:00Z")
    reviewed = postmortem(drafted=at("2026-06-02T09:00Z"), reviewed_on=date(2026, 6, 5), action_items=(item(),))
    assert follow("2026-06-06T12:00Z", postmortems=[reviewed]).watched_postmortems == ()


def test_dated_open_actions_are_every_open_item_with_a_due_date_by_when_it_becomes_overdue():
    items = (item("Later", due=date(2026, 6, 20)), item("Sooner", due=date(2026, 6, 12)), item("Undated", due=None),
             item("Done", status="done", due=date(2026, 6, 1), done_on=date(2026, 6, 1)))
    seen = follow("2026-06-10T12:00Z", postmortems=[postmortem(action_items=items)], zone="Europe/Berlin")
    assert [(a.title, a.overdue_from) for a in seen.dated_open_actions] == [
        ("Sooner", at("2026-06-12T22:00Z")), ("Later", at("2026-06-20T22:00Z")),
    ]
    assert seen.overdue_actions == ()
