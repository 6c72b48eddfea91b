"""Milestone rules: the key moments of an incident, their order, and the status they imply."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import INCIDENT_STATUSES, MAINTENANCE_STATUSES, MILESTONES, MITIGATIONS, Incident
from generator.model.timing import format_time
from generator.problems import Level, Problem

RULES = RuleList()

MAINTENANCE_UNDER_WAY = ("in_progress", "verifying", "completed")
INCIDENT_REQUIRED = {"started": "when impact began", "detected": "when the problem was detected"}


def statuses_for(incident: Incident) -> tuple[str, ...]:
    """Return the statuses allowed for the record's type."""
    return MAINTENANCE_STATUSES if incident.is_maintenance else INCIDENT_STATUSES


def closing_status(incident: Incident) -> str:
    """Return the status that closes a record of this type."""
    return "completed" if incident.is_maintenance else "resolved"


@RULES.incident_rule("I201", "milestone-order", Level.ERROR)
def milestone_order(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Milestones must be in order: started, detected, acknowledged, mitigated, resolved, each no earlier than the one before it (absent milestones are skipped). An inverted pair usually means a wrong date, hour or UTC offset."""
    earlier_name, earlier = None, None
    for name in MILESTONES:
        moment = incident.milestone(name)
        if moment is None:
            continue
        if earlier is not None and moment < earlier:
            message = f"{name} {format_time(moment)} is before {earlier_name} {format_time(earlier)}; expected {earlier_name} <= {name}"
            yield Problem(incident.path, message, (name,))
        earlier_name, earlier = name, moment


@RULES.incident_rule("I202", "required-milestones", Level.ERROR)
def required_milestones(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident must record when it `started` and when it was `detected`. A maintenance window must record its planned window, `scheduled_for` before `scheduled_until`, and once under way (in_progress, verifying, completed) its actual start in `started`."""
    if incident.is_maintenance:
        yield from _maintenance_window(incident)
        return
    for name, meaning in INCIDENT_REQUIRED.items():
        if incident.milestone(name) is None:
            yield Problem(incident.path, f"missing '{name}': an incident must record {meaning}")


def _maintenance_window(incident: Incident) -> Iterator[Problem]:
    """Check the planned window and the actual start of a maintenance record."""
    for name in ("scheduled_for", "scheduled_until"):
        if incident.milestone(name) is None:
            yield Problem(incident.path, f"missing '{name}': a maintenance window must record its planned window")
    start, end = incident.scheduled_for, incident.scheduled_until
    if start is not None and end is not None and end <= start:
        message = f"scheduled_until {format_time(end)} must be after scheduled_for {format_time(start)}"
        yield Problem(incident.path, message, ("scheduled_until",))
    if incident.status in MAINTENANCE_UNDER_WAY and incident.started is None:
        message = f"missing 'started': maintenance with status {incident.status} must record its actual start"
        yield Problem(incident.path, message, ("status",))


@RULES.incident_rule("I203", "status-for-type", Level.ERROR)
def status_for_type(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The status of a record and of each of its updates must belong to its type: investigating, identified, monitoring or resolved for incidents; scheduled, in_progress, verifying or completed for maintenance."""
    allowed = statuses_for(incident)
    expected = ", ".join(allowed)
    if incident.status not in allowed:
        yield Problem(incident.path, f"status '{incident.status}' is not allowed for {incident.type} records; expected one of: {expected}", ("status",))
    for index, update in enumerate(incident.updates):
        if update.status not in allowed:
            message = f"update status '{update.status}' is not allowed for {incident.type} records; expected one of: {expected}"
            yield Problem(incident.path, message, ("updates", index, "status"))


@RULES.incident_rule("I204", "resolution-consistency", Level.ERROR)
def resolution_consistency(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A record is closed exactly when it has a `resolved` time: an incident with status resolved, or a maintenance window with status completed (then `resolved` is its actual end). Add the missing time or correct the status."""
    closing = closing_status(incident)
    if incident.status == closing and incident.resolved is None:
        yield Problem(incident.path, f"status is {closing} but the 'resolved' time is missing", ("status",))
    elif incident.status != closing and incident.resolved is not None:
        message = f"'resolved' is set to {format_time(incident.resolved)} but status is {incident.status}, not {closing}"
        yield Problem(incident.path, message, ("resolved",))


@RULES.incident_rule("I205", "mitigation-recorded", Level.ERROR, kinds=("incident",))
def mitigation_recorded(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident with a `mitigated` time must say how impact was stopped: in `mitigation` (rollback, fix_forward, failover, feature_flag or other), or by a decision in `decisions` with a `mitigation` kind that did not fail. Rollback is the default choice; recording the decision shows when it was not taken."""
    if incident.mitigated is not None and incident.mitigation_kind is None:
        message = (f"'mitigated' is set but 'mitigation' is missing and no decision names a mitigation that did not fail; "
                   f"expected one of: {', '.join(MITIGATIONS)}")
        yield Problem(incident.path, message, ("mitigated",))
