"""Tests of the postmortem policy: which incidents need one and when the follow-ups are due."""

from __future__ import annotations

from datetime import date

from generator.model.followup import followup_due, requires_postmortem, resolved_at
from tests.checks.factories import at, incident, maintenance, site


def test_due_moments_run_from_resolution() -> None:
    """The draft is due after 48 h, the review after 7 days, the items assigned after 14 and done after 30."""
    due = followup_due(incident(resolved=at("2026-06-01T11:00Z")), site())
    assert (due.draft, due.review, due.assign, due.done) == (
        at("2026-06-03T11:00Z"), at("2026-06-08T11:00Z"), at("2026-06-15T11:00Z"), at("2026-07-01T11:00Z"))


def test_due_dates_are_in_the_team_zone() -> None:
    """A resolution late in the UTC evening falls on the next date in Tokyo, and so do its due dates."""
    due = followup_due(incident(resolved=at("2026-06-01T20:00Z")), site("Asia/Tokyo"))
    assert (due.resolved_day, due.review_day, due.done_day) == (date(2026, 6, 2), date(2026, 6, 9), date(2026, 7, 2))


def test_nothing_is_due_before_resolution() -> None:
    """An open incident has no follow-up deadlines yet, and neither does maintenance."""
    assert followup_due(incident(status="monitoring"), site()) is None
    assert followup_due(maintenance(), site()) is None
    assert resolved_at(None) is None


def test_severity_decides_whether_a_postmortem_is_required() -> None:
    """SEV2 requires a postmortem, SEV3 does not, and maintenance never does."""
    assert requires_postmortem(incident(severity="SEV2"), site())
    assert not requires_postmortem(incident(severity="SEV3"), site())
    assert not requires_postmortem(maintenance(), site())
