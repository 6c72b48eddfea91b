"""Parallel investigations: two incidents open at once on one component should know of each other."""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.problems import Level, Problem

RULES = RuleList()


def opened(incident: Incident) -> datetime | None:
    """When the incident began, as far as its record says: its first milestone or update."""
    moments = [m for m in (incident.started, incident.detected, incident.acknowledged) if m is not None]
    moments += [update.at for update in incident.updates[:1]]
    return min(moments, default=None)


def closed(incident: Incident, now: datetime) -> datetime:
    """When the incident ended: resolved, its last update if it is closed without that time, or still open now."""
    if incident.resolved is not None:
        return incident.resolved
    if incident.is_closed and incident.updates:
        return incident.updates[-1].at
    return now


def words(incident: Incident) -> str:
    """Everything responders wrote on the record: notes, updates, timeline entries and handoff statuses."""
    parts = [incident.body] + [u.message for u in incident.updates] + [t.event for t in incident.timeline]
    return "\n".join(parts + [h.status + "\n" + h.next_steps for h in incident.handoffs])


def aware(one: Incident, other: Incident) -> bool:
    """Whether either record names the other's id."""
    return other.id in words(one) or one.id in words(other)


def overlapping(incidents: list[Incident], now: datetime) -> Iterator[tuple[Incident, Incident, str]]:
    """Yield (later, earlier, component) for incidents on one component whose open times overlap, by a sweep per component."""
    spans: dict[str, list[tuple[datetime, datetime, Incident]]] = {}
    for incident in incidents:
        begin = opened(incident)
        if begin is not None:
            for component in incident.components:
                spans.setdefault(component, []).append((begin, closed(incident, now), incident))
    for component, found in spans.items():
        found.sort(key=lambda span: (span[0], span[2].id))
        active: list[tuple[datetime, datetime, Incident]] = []
        for begin, end, incident in found:
            active = [span for span in active if span[1] > begin]
            for _, _, earlier in active:
                yield incident, earlier, component
            active.append((begin, end, incident))


@RULES.rule("O406", "parallel-investigation", Level.WARNING)
def parallel_investigation(ctx: CheckContext) -> Iterator[Problem]:
    """Two incidents were open at the same time on one component and neither record names the other: two teams may be investigating one problem unaware of each other. The later incident is flagged, naming the earlier one. Name the other incident's id in an update, a timeline entry or the notes (for example "Same cause as 2026-11-23-api-increased-latency; handled there"), so both teams know. Maintenance windows are not counted."""
    incidents = [incident for incident in ctx.corpus.incidents if incident.type == "incident"]
    reported: set[tuple[str, str]] = set()
    for later, earlier, component in overlapping(incidents, ctx.now):
        if (later.id, earlier.id) in reported or aware(later, earlier):
            continue
        reported.add((later.id, earlier.id))
        message = (f"open at the same time as {earlier.id} ('{earlier.title}'), which also affects '{component}'; "
                   f"name {earlier.id} in an update, a timeline entry or the notes so both teams know of each other")
        yield Problem(later.path, message, ("components", component))
