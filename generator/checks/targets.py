"""Target rules: response and resolution times measured against the incident's severity."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.site import Severity
from generator.model.targets import target_due
from generator.model.timing import format_duration, format_target, format_time
from generator.problems import Level, Problem

RULES = RuleList()


def _target_text(severity: Severity, target: timedelta | str, due: datetime, ctx: CheckContext) -> str:
    """Describe a severity target, with the deadline when it is not a plain duration."""
    text = f"{severity.id} target is {format_target(target)}"
    if isinstance(target, timedelta):
        return text
    zone = ctx.corpus.site.timezone
    return f"{text} ({due.astimezone(zone):%Y-%m-%d %H:%M} {zone.key})"


@RULES.incident_rule("T501", "response-target", Level.WARNING, kinds=("incident",))
def response_target(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The incident was acknowledged later after detection than its severity's `response` target allows, or it is open, unacknowledged and past that target. A `next_business_day` target ends at the end of the next Monday-to-Friday day in the team time zone. This is a fact to review, not an invalid record."""
    severity = ctx.corpus.site.severity(incident.severity)
    if severity is None or incident.detected is None:
        return
    due = target_due("acknowledge", incident, ctx.corpus.site)
    target = _target_text(severity, severity.response, due, ctx)
    if incident.acknowledged is not None and incident.acknowledged > due:
        took = format_duration(incident.acknowledged - incident.detected)
        yield Problem(incident.path, f"acknowledged {took} after detection; {target}", ("acknowledged",))
    elif incident.acknowledged is None and not incident.is_closed and ctx.now > due:
        waited = format_duration(ctx.now - incident.detected)
        message = f"not acknowledged {waited} after detection at {format_time(incident.detected)}; {target}"
        yield Problem(incident.path, message, ("status",))


@RULES.incident_rule("T502", "resolve-target", Level.WARNING, kinds=("incident",))
def resolve_target(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The incident was resolved later after detection than its severity's `resolve` target allows, or it is still open past that target. This is a fact to review, not an invalid record."""
    severity = ctx.corpus.site.severity(incident.severity)
    if severity is None or incident.detected is None:
        return
    due = target_due("resolve", incident, ctx.corpus.site)
    target = _target_text(severity, severity.resolve, due, ctx)
    if incident.resolved is not None and incident.resolved > due:
        took = format_duration(incident.resolved - incident.detected)
        yield Problem(incident.path, f"resolved {took} after detection; {target}", ("resolved",))
    elif incident.resolved is None and not incident.is_closed and ctx.now > due:
        yield Problem(incident.path, f"open for {format_duration(ctx.now - incident.detected)}; {target}", ("status",))
