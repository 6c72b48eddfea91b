"""Moment rules: what a record says has happened must have happened by the moment of judgement."""

from __future__ import annotations

from datetime import date, datetime
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.followup import local_date
from generator.model.incident import MILESTONES, Incident
from generator.model.postmortem import Postmortem
from generator.model.timing import format_time
from generator.problems import FieldPath, Level, Problem, field_name

RULES = RuleList()

Moment = tuple[FieldPath, datetime]


def incident_moments(incident: Incident) -> Iterator[Moment]:
    """Yield every moment an incident record reports as past, with its field; plans and promises are left out."""
    for name in MILESTONES:
        moment = incident.milestone(name)
        if moment is not None:
            yield (name,), moment
    for index, update in enumerate(incident.updates):
        yield ("updates", index, "at"), update.at
    for index, handoff in enumerate(incident.handoffs):
        yield ("handoffs", index, "at"), handoff.at
        if handoff.acknowledged_at is not None:
            yield ("handoffs", index, "acknowledged_at"), handoff.acknowledged_at
    for index, entry in enumerate(incident.timeline):
        yield ("timeline", index, "at"), entry.at


def postmortem_days(postmortem: Postmortem) -> Iterator[tuple[FieldPath, date]]:
    """Yield every date a postmortem reports as past: the review meeting and when action items were done."""
    if postmortem.reviewed_on is not None:
        yield ("reviewed_on",), postmortem.reviewed_on
    for index, item in enumerate(postmortem.action_items):
        if item.done_on is not None:
            yield ("action_items", index, "done_on"), item.done_on


def future_message(where: FieldPath, moment: datetime, now: datetime) -> str:
    """Say that a field reports a moment after now, and what usually causes it."""
    return (
        f"{field_name(where)} {format_time(moment)} is after now ({format_time(now)}): "
        "a record cannot report what has not happened; check the date and UTC offset, or --now"
    )


def future_day_message(where: FieldPath, day: date, today: date) -> str:
    """Say that a field reports a date after today, and what usually causes it."""
    return (
        f"{field_name(where)} {day} is after today ({today} in the site time zone): "
        "a record cannot report what has not happened; check the date, or --now"
    )


@RULES.rule("I206", "moment-in-future", Level.ERROR)
def moment_in_future(ctx: CheckContext) -> Iterator[Problem]:
    """A record reports a moment later than now: a milestone (started, detected, acknowledged, mitigated, resolved), an update's or timeline entry's `at`, a handoff's `at` or `acknowledged_at`, a postmortem's `drafted` or `reviewed_on`, or an action item's `done_on`. A record cannot report what has not happened, and the site would publish it as if it had: it is usually a wrong date, hour or UTC offset, or a wrong `--now`. A moment equal to now is fine (the responder commands write `at` as now); there is no allowance for clock skew, because every page and API file is judged at the one moment now, and an update from later would be listed while the status says it has not happened. Plans and promises are not moments: a maintenance window's `scheduled_for` and `scheduled_until`, any `next_update` and an action item's `due` may lie ahead. Dates are judged in the site time zone."""
    yield from future_incident_moments(ctx)
    yield from future_postmortem_moments(ctx)


def future_incident_moments(ctx: CheckContext) -> Iterator[Problem]:
    """Report each incident moment later than now."""
    for incident in ctx.corpus.incidents:
        for where, moment in incident_moments(incident):
            if moment > ctx.now:
                yield Problem(incident.path, future_message(where, moment, ctx.now), where)


def future_postmortem_moments(ctx: CheckContext) -> Iterator[Problem]:
    """Report a postmortem's draft time later than now, and its dates after today in the site time zone."""
    today = local_date(ctx.now, ctx.corpus.site.timezone)
    for postmortem in ctx.corpus.postmortems:
        if postmortem.drafted is not None and postmortem.drafted > ctx.now:
            yield Problem(postmortem.path, future_message(("drafted",), postmortem.drafted, ctx.now), ("drafted",))
        for where, day in postmortem_days(postmortem):
            if day > today:
                yield Problem(postmortem.path, future_day_message(where, day, today), where)
