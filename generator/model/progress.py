"""Progress policy: when a major incident stalls while investigating, and which failed decisions need an escalation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator

from generator.model.decisions import DEFAULT_MITIGATION, Decision, Escalation
from generator.model.incident import Incident

# How long a major incident may stay investigating without progress (a status change or a decision) before it is
# escalated.
STALL_AFTER = timedelta(minutes=30)
INVESTIGATING = "investigating"


@dataclass(frozen=True, slots=True)
class Stall:
    """A stretch of an investigating phase without progress: from the last progress until the next, or until now."""

    since: datetime
    until: datetime
    ongoing: bool
    after: tuple[str | int, ...]


def investigating_phases(incident: Incident, now: datetime) -> Iterator[tuple[int, datetime, datetime, bool]]:
    """Yield each phase the updates spend investigating: the update that began it, its start, its end, and whether
    it is still going on at ``now``."""
    previous, began = None, None
    for index, update in enumerate(incident.updates):
        if update.status == previous:
            continue
        if began is not None:
            yield began[0], began[1], update.at, False
            began = None
        if update.status == INVESTIGATING:
            began = (index, update.at)
        previous = update.status
    if began is not None and not incident.is_closed and now > began[1]:
        yield began[0], began[1], now, True


def progress_in(incident: Incident, index: int, start: datetime, end: datetime) -> list[tuple[datetime, tuple]]:
    """Return the moments of progress in a phase with the field that records each: its start, then each decision."""
    moments = [(start, ("updates", index, "status"))]
    moments += [(d.at, ("decisions", i, "decision")) for i, d in enumerate(incident.decisions) if start < d.at < end]
    return sorted(moments, key=lambda moment: moment[0])


def escalated_between(escalations: tuple[Escalation, ...], start: datetime, end: datetime) -> bool:
    """Whether an escalation was recorded from ``start`` to ``end``, both included."""
    return any(start <= escalation.at <= end for escalation in escalations)


def stalls(incident: Incident, now: datetime) -> list[Stall]:
    """Return each stretch of 30 minutes or more that an incident spent investigating without a status change or a
    decision and without an escalation during it; an open incident's last stretch runs until ``now``."""
    found = []
    for index, start, end, ongoing in investigating_phases(incident, now):
        moments = progress_in(incident, index, start, end)
        for (since, field), following in zip(moments, [m[0] for m in moments[1:]] + [end]):
            if following - since >= STALL_AFTER and not escalated_between(incident.escalations, since, following):
                found.append(Stall(since, following, ongoing and following == end, field))
    return found


def failed_rollbacks(incident: Incident) -> list[tuple[int, Decision]]:
    """Return the rollback decisions marked failed, with their index in the decision log."""
    return [(i, d) for i, d in enumerate(incident.decisions) if d.mitigation == DEFAULT_MITIGATION and d.failed]


def escalated_to(incident: Incident, person: str | None, since: datetime) -> bool:
    """Whether the incident was escalated to ``person`` (to anyone, when None) at or after ``since``."""
    return any(e.at >= since and (person is None or e.to == person) for e in incident.escalations)
