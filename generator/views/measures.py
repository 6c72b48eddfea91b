"""Response durations of an incident and how they compare with its severity's targets.

Time to detect runs from the start of impact to detection; the others run from detection, as the severity targets
do: acknowledge against the `response` target and resolve against the `resolve` (MTTR) target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.model import compact_pickling
from generator.model.incident import Incident
from generator.model.site import Site
from generator.model.targets import target_due, target_of

MEASURES = ("detect", "acknowledge", "mitigate", "resolve")
MEASURE_LABELS = {
    "detect": "Time to detect",
    "acknowledge": "Time to acknowledge",
    "mitigate": "Time to mitigate",
    "resolve": "Time to resolve",
}
# Which milestone each measure runs from and to.
SPANS = {
    "detect": ("started", "detected"),
    "acknowledge": ("detected", "acknowledged"),
    "mitigate": ("detected", "mitigated"),
    "resolve": ("detected", "resolved"),
}
# Verdicts against a target: met, missed, still running within it, or no target applies.
MET, MISSED, PENDING, NO_TARGET = "met", "missed", "pending", "none"


@compact_pickling
@dataclass(frozen=True, slots=True)
class Measure:
    """One response duration of an incident, with the target it is held to, if any."""

    name: str
    start: datetime | None
    end: datetime | None
    target: timedelta | str | None = None
    due: datetime | None = None
    closed: bool = False

    @property
    def label(self) -> str:
        """The measure as words, such as Time to acknowledge."""
        return MEASURE_LABELS[self.name]

    @property
    def took(self) -> timedelta | None:
        """How long it took, when both ends are recorded."""
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    def verdict(self, now: datetime) -> str:
        """Judge against the target at ``now``: met, missed, pending (open, not yet due) or none (no target, or a closed
        record that never recorded the milestone: as in rule T501, that is not judged)."""
        if self.due is None or (self.end is None and self.closed):
            return NO_TARGET
        if self.end is not None:
            return MET if self.end <= self.due else MISSED
        return MISSED if now > self.due else PENDING


def measure(name: str, incident: Incident, site: Site) -> Measure:
    """Compute one measure of an incident."""
    start, end = (incident.milestone(m) for m in SPANS[name])
    target = target_of(name, incident, site)
    due = target_due(name, incident, site)
    return Measure(name, start, end, target if due is not None else None, due, incident.is_closed)


def measures(incident: Incident, site: Site) -> tuple[Measure, ...]:
    """Compute the four response measures of an incident, in lifecycle order."""
    return tuple(measure(name, incident, site) for name in MEASURES)


class Measured:
    """Each incident's response measures, computed once for every view and figure that reads them (its full record,
    its month, its severity, both, and the totals)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.known: dict[int, tuple[Measure, ...]] = {}

    def of(self, incident: Incident) -> tuple[Measure, ...]:
        """Return the four response measures of an incident, in lifecycle order."""
        found = self.known.get(id(incident))
        if found is None:
            found = self.known[id(incident)] = measures(incident, self.site)
        return found

    def __call__(self, name: str, incident: Incident) -> Measure:
        """Return one measure of an incident."""
        return self.of(incident)[MEASURES.index(name)]


def late_updates(incident: Incident) -> int:
    """Count updates posted after the time the previous update committed to."""
    pairs = zip(incident.updates, incident.updates[1:])
    return sum(1 for before, after in pairs if before.next_update is not None and after.at > before.next_update)


def next_update_due(incident: Incident) -> datetime | None:
    """Return when the next update is due on an open record: the last update's commitment."""
    if incident.is_closed or not incident.updates:
        return None
    return incident.updates[-1].next_update


def update_overdue(incident: Incident, now: datetime) -> bool:
    """Whether an open record's committed next update has not come by ``now``."""
    due = next_update_due(incident)
    return due is not None and now > due


def missed_commitments(incident: Incident, now: datetime) -> int:
    """Count broken update commitments: late updates, plus the pending one if it is overdue at ``now``."""
    return late_updates(incident) + int(update_overdue(incident, now))
