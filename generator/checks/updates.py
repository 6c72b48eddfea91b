"""Update rules: public status updates, their order, status changes and the promised cadence."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.timing import first_out_of_order, format_duration, format_time
from generator.problems import Level, Problem

RULES = RuleList()

# Which status may follow which in consecutive updates; repeating a status is always allowed.
TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "incident": {
        "investigating": ("identified", "monitoring", "resolved"),
        "identified": ("investigating", "monitoring", "resolved"),
        "monitoring": ("investigating", "identified", "resolved"),
        "resolved": (),
    },
    "maintenance": {
        "scheduled": ("in_progress",),
        "in_progress": ("verifying", "completed"),
        "verifying": ("in_progress", "completed"),
        "completed": (),
    },
}
FINAL_STATUSES = ("resolved", "completed")
# What a reopened incident's first update after its resolution may say.
REOPENED = ("investigating",)


@RULES.incident_rule("I301", "updates-order", Level.ERROR)
def updates_order(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Updates must be listed oldest first, by `at`; readers and the other update rules rely on this order. Move the update to its place or correct its time."""
    index = first_out_of_order([update.at for update in incident.updates])
    if index is not None:
        at, before = incident.updates[index].at, incident.updates[index - 1].at
        message = f"update at {format_time(at)} is listed after one at {format_time(before)}; list updates oldest first"
        yield Problem(incident.path, message, ("updates", index, "at"))


def _allowed_next(incident: Incident, status: str) -> tuple[str, ...] | None:
    """Return the statuses that may follow ``status``, or None if the status is unknown for the type."""
    return TRANSITIONS.get(incident.type, {}).get(status)


@RULES.incident_rule("I302", "status-transition", Level.ERROR)
def status_transition(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Consecutive updates may only change status along the allowed paths: an incident moves between investigating, identified and monitoring and ends with resolved; maintenance goes scheduled, in_progress, verifying (back to in_progress if needed) and ends with completed. Nothing else follows a final status, except that a resolved incident reopened at the time listed in `reopened` goes back to investigating; repeating a status is fine."""
    for index in range(1, len(incident.updates)):
        before, after = incident.updates[index - 1].status, incident.updates[index].status
        allowed = _allowed_next(incident, before)
        if before == "resolved" and incident.updates[index].at in incident.reopened:
            allowed = REOPENED
        if allowed is None or after == before or after in allowed or _allowed_next(incident, after) is None:
            continue
        expected = f"after {before} expected {' or '.join((before,) + allowed)}" if allowed else f"nothing but {before} may follow {before}"
        message = f"status changes from {before} to {after}; {expected}"
        yield Problem(incident.path, message, ("updates", index, "status"))


@RULES.incident_rule("I303", "last-update-status", Level.ERROR)
def last_update_status(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A record needs at least one update, and its `status` must equal the status of the last update, so the page and the record agree. A resolved incident therefore ends with a resolved wrap-up update."""
    if not incident.updates:
        yield Problem(incident.path, f"no updates; add one that announces status {incident.status}")
        return
    last = len(incident.updates) - 1
    if incident.updates[last].status != incident.status:
        message = f"status is {incident.status} but the last update (updates[{last}]) says {incident.updates[last].status}"
        yield Problem(incident.path, message, ("status",))


@RULES.incident_rule("I304", "update-before-start", Level.WARNING, kinds=("incident",))
def update_before_start(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident update posted before the incident was `detected` is suspicious: usually a wrong date or offset. Maintenance is exempt, because announcements precede the window."""
    if incident.detected is None:
        return
    for index, update in enumerate(incident.updates):
        if update.at < incident.detected:
            message = f"update at {format_time(update.at)} is before detection at {format_time(incident.detected)}"
            yield Problem(incident.path, message, ("updates", index, "at"))


@RULES.incident_rule("I305", "next-update-missing", Level.ERROR)
def next_update_missing(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Every update before the final one (resolved or completed) must commit to the time of the next update in `next_update`, after its own `at`. Readers rely on knowing when they will hear more. An imported record (`imported`) may omit `next_update`, since Statuspage kept no such commitment; one it does give must still be after its update."""
    for index, update in enumerate(incident.updates):
        if update.status in FINAL_STATUSES:
            continue
        if update.next_update is None:
            if incident.is_imported:
                continue
            message = f"update with status {update.status} must say when the next update comes in 'next_update'"
            yield Problem(incident.path, message, ("updates", index))
        elif update.next_update <= update.at:
            message = f"next_update {format_time(update.next_update)} must be after the update's time {format_time(update.at)}"
            yield Problem(incident.path, message, ("updates", index, "next_update"))


@RULES.incident_rule("I306", "update-missed", Level.WARNING)
def update_missed(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An update came later than the previous update promised in its `next_update`. This is a fact worth showing: the promise was broken; commit to times you can keep."""
    for index in range(1, len(incident.updates)):
        promised, came = incident.updates[index - 1].next_update, incident.updates[index].at
        if promised is not None and came > promised:
            message = (
                f"posted at {format_time(came)}, {format_duration(came - promised)} after the time "
                f"committed in updates[{index - 1}].next_update ({format_time(promised)})"
            )
            yield Problem(incident.path, message, ("updates", index, "at"))


@RULES.incident_rule("I307", "update-overdue", Level.WARNING)
def update_overdue(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The record is still open and the time its last update committed to for the next one has passed. Post an update, or close the record if it is over."""
    if incident.is_closed or not incident.updates:
        return
    last = len(incident.updates) - 1
    due = incident.updates[last].next_update
    if due is not None and due < ctx.now:
        message = f"next update was due at {format_time(due)}; overdue by {format_duration(ctx.now - due)}"
        yield Problem(incident.path, message, ("updates", last, "next_update"))


@RULES.incident_rule("I308", "update-cadence", Level.WARNING, kinds=("incident",))
def update_cadence(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An update commits to a next update further away than the incident's severity allows (`update_every` in `statusbook.yml`). Update more often during severe incidents."""
    severity = ctx.corpus.site.severity(incident.severity)
    if severity is None:
        return
    for index, update in enumerate(incident.updates):
        if update.next_update is not None and update.next_update - update.at > severity.update_every:
            message = (
                f"commits to the next update {format_duration(update.next_update - update.at)} after this one; "
                f"{severity.id} asks for at most {format_duration(severity.update_every)}"
            )
            yield Problem(incident.path, message, ("updates", index, "next_update"))


@RULES.incident_rule("I309", "timeline-order", Level.WARNING)
def timeline_order(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Internal timeline entries should be listed oldest first, by `at`, so the timeline reads as a story. Move the entry or correct its time."""
    index = first_out_of_order([entry.at for entry in incident.timeline])
    if index is not None:
        at, before = incident.timeline[index].at, incident.timeline[index - 1].at
        message = f"timeline entry at {format_time(at)} is listed after one at {format_time(before)}; list entries oldest first"
        yield Problem(incident.path, message, ("timeline", index, "at"))
