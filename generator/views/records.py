"""The internal record of an incident or maintenance window: its people, ownership chain, one merged timeline,
response measures against the severity's targets, and its notes.

The public part (status, severity, affected components, updates) stays in ``IncidentView``; a ``RecordView`` holds
it in ``incident`` and adds what only the engineering team sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.model import compact_pickling
from generator.model.audiences import AUDIENCE_LABELS, offered_templates
from generator.model.corpus import Corpus
from generator.model.decisions import DEFAULT_DECISION, Decision, Escalation
from generator.model.incident import MILESTONES, Handoff, Incident, Keep, TimelineEntry
from generator.model.ownership import owner_at, owner_of
from generator.model.site import Severity, shows_environment
from generator.model.timing import format_target
from generator.views.incidents import IncidentView, UpdateView, incident_view
from generator.views.measures import MET, MISSED, NO_TARGET, PENDING, Measure, Measured, missed_commitments
from generator.views.measures import next_update_due, update_overdue
from generator.views.people import ROLE_LABELS, name_of

MITIGATION_LABELS = {
    "rollback": "rollback",
    "fix_forward": "fix forward",
    "failover": "failover",
    "feature_flag": "feature flag",
    "other": "other",
}
MILESTONE_LABELS = {
    "started": "Impact started",
    "detected": "Detected",
    "acknowledged": "Acknowledged",
    "mitigated": "Mitigated",
    "resolved": "Resolved",
}
MAINTENANCE_MILESTONE_LABELS = {**MILESTONE_LABELS, "started": "Maintenance started", "resolved": "Completed"}
# Kinds of timeline items, and their order when several happen at the same moment.
KIND_LABELS = {
    "milestone": "Milestone",
    "handoff": "Handoff",
    "acknowledgement": "Handoff acknowledged",
    "keep": "Kept at rota handover",
    "update": "Public update",
    "entry": "Internal log",
}
TIE_ORDER = {"milestone": 0, "handoff": 1, "acknowledgement": 1, "keep": 1, "update": 2, "entry": 3}
VERDICT_LABELS = {MET: "Met", MISSED: "Missed", PENDING: "Pending, not yet due", NO_TARGET: "No target"}
AWAITING = "awaiting acknowledgement"
ENVIRONMENT_LABELS = {
    "production": "Production",
    "staging": "Staging",
    "pre_production": "Pre-production",
    "development_infrastructure": "Development infrastructure",
}
OUTCOME_LABELS = {"worked": "Worked", "failed": "Failed"}
LINK_LABELS = {
    "ticket": "Ticket",
    "channel": "Chat channel",
    "bridge": "Bridge call",
    "doc": "Document",
    "patch": "Patch",
    "dashboard": "Dashboard",
}


@compact_pickling
@dataclass(frozen=True, slots=True)
class RoleView:
    """A supporting role and who fills it, if anyone."""

    role: str
    label: str
    person: str | None


@compact_pickling
@dataclass(frozen=True, slots=True)
class HandoffView:
    """One link of the ownership chain, with names resolved."""

    at: datetime
    from_person: str
    to_person: str
    status: str
    next_steps: str
    next_update: datetime
    acknowledged_at: datetime | None

    @property
    def pending(self) -> bool:
        """Whether the new owner has not acknowledged yet, so ownership has not passed."""
        return self.acknowledged_at is None

    @property
    def acknowledgement(self) -> str | None:
        """Words for a missing acknowledgement; None once acknowledged."""
        return AWAITING if self.pending else None


@compact_pickling
@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One moment of the merged timeline: a milestone, handoff, acknowledgement, public update or internal entry."""

    kind: str
    at: datetime
    text: str
    actor: str | None = None
    heading: str | None = None
    markdown: bool = False

    @property
    def kind_label(self) -> str:
        """The kind as words."""
        return KIND_LABELS[self.kind]


@compact_pickling
@dataclass(frozen=True, slots=True)
class Phase:
    """A stretch between two milestones, or from the last milestone until now while the record is open."""

    start_name: str
    label: str
    start: datetime
    end: datetime
    open: bool = False

    @property
    def length(self) -> timedelta:
        """How long the phase lasted, or has lasted."""
        return self.end - self.start


@compact_pickling
@dataclass(frozen=True, slots=True)
class MeasureView:
    """One response measure with its verdict at the moment of the build."""

    measure: Measure
    verdict: str
    target: str | None
    took: timedelta | None
    running: bool

    @property
    def label(self) -> str:
        """The measure as words, such as Time to acknowledge."""
        return self.measure.label

    @property
    def verdict_label(self) -> str:
        """The verdict as words."""
        return VERDICT_LABELS[self.verdict]


@compact_pickling
@dataclass(frozen=True, slots=True)
class Target:
    """One target of the record's severity, as words."""

    label: str
    text: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class LinkView:
    """A place the incident is worked on, as the portal lists it: what it is, its address and its text."""

    label: str
    url: str
    text: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class UpdateNote:
    """What the portal adds to a public update: who posted it, and what happens next with whom it waits on."""

    author: str | None
    what_next: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class PauseView:
    """A pause of the owner, with names resolved; ``cover`` is None when nobody covered."""

    at: datetime
    until: datetime
    owner: str | None
    cover: str | None

    @property
    def length(self) -> timedelta:
        """How long the owner is away."""
        return self.until - self.at


@compact_pickling
@dataclass(frozen=True, slots=True)
class WrapUpView:
    """What the resolving update says follows: when the postmortem is due, and how recurrence is prevented."""

    postmortem_due: datetime | None
    prevention: str | None


@compact_pickling
@dataclass(frozen=True, slots=True)
class CommsView:
    """Who is told about the incident (its severity's audiences, in words) and the comms templates that offers."""

    audiences: tuple[str, ...]
    templates: tuple[str, ...]


@compact_pickling
@dataclass(frozen=True, slots=True)
class DecisionView:
    """One entry of the decision log as the portal lists it: when, who, what, why, which mitigation, and how it went."""

    at: datetime
    by: str
    decision: str
    why: str | None
    mitigation: str | None
    outcome: str | None


@compact_pickling
@dataclass(frozen=True, slots=True)
class EscalationView:
    """One escalation as the portal lists it: when, who called in whom, and why."""

    at: datetime
    by: str
    to: str
    reason: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class RecordView:
    """What the internal page shows of one record beyond its public ``IncidentView``."""

    id: str
    incident: IncidentView
    public: bool
    commander: str | None
    owner: str | None
    roles: tuple[RoleView, ...]
    handoffs: tuple[HandoffView, ...]
    pauses: tuple[PauseView, ...]
    update_notes: tuple[UpdateNote, ...]
    links: tuple[LinkView, ...]
    environment: str
    checked_with: tuple[str, ...]
    wrap_up: WrapUpView | None
    business_impact: tuple[tuple[str, str], ...]
    comms: CommsView | None
    decisions: tuple[DecisionView, ...]
    escalations: tuple[EscalationView, ...]
    default_decision: str | None
    timeline: tuple[TimelineItem, ...]
    phases: tuple[Phase, ...]
    measures: tuple[MeasureView, ...]
    mitigation: str | None
    notes: str
    missed_commitments: int
    next_update: datetime | None
    update_overdue: bool
    targets: tuple[Target, ...]
    has_postmortem: bool
    now: datetime

    @property
    def awaiting(self) -> HandoffView | None:
        """The last handoff if it still awaits acknowledgement."""
        return self.handoffs[-1] if self.handoffs and self.handoffs[-1].pending else None

    def note(self, number: int) -> UpdateNote:
        """Return the portal's note on public update ``number`` (counted from 1, oldest first)."""
        return self.update_notes[number - 1]

    @property
    def late_updates(self) -> int:
        """The missed commitments that no clock changes: updates that came later than promised."""
        return self.missed_commitments - int(self.update_overdue)

    @property
    def notes_titled(self) -> bool:
        """Whether the notes begin with their own heading."""
        return self.notes.lstrip().startswith("#")

    @property
    def updates(self) -> tuple[TimelineItem, ...]:
        """The public updates in the merged timeline."""
        return tuple(item for item in self.timeline if item.kind == "update")

    @property
    def start(self) -> datetime:
        """The earliest moment of the record."""
        return min(self.moments())

    @property
    def end(self) -> datetime:
        """The latest moment of the record, or now while it is open."""
        latest = max(self.moments())
        return latest if self.incident.is_closed else max(latest, self.now)

    def moments(self) -> list[datetime]:
        """Every recorded moment: timeline items and the scheduled window; the build moment if there are none."""
        window = (self.incident.scheduled_for, self.incident.scheduled_until)
        found = [item.at for item in self.timeline] + [m for m in window if m is not None]
        return found or [self.now]




def roles(corpus: Corpus, incident: Incident) -> tuple[RoleView, ...]:
    """List every supporting role with its person's name, None where unfilled."""
    return tuple(RoleView(key, label, name_of(corpus, getattr(incident.roles, key))) for key, label in ROLE_LABELS.items())


def handoff_view(corpus: Corpus, handoff: Handoff) -> HandoffView:
    """Resolve the names of one handoff."""
    return HandoffView(
        at=handoff.at,
        from_person=name_of(corpus, handoff.from_person),
        to_person=name_of(corpus, handoff.to_person),
        status=handoff.status,
        next_steps=handoff.next_steps,
        next_update=handoff.next_update,
        acknowledged_at=handoff.acknowledged_at,
    )


def milestone_labels(incident: Incident) -> dict[str, str]:
    """Return the words for each milestone of this kind of record."""
    return MAINTENANCE_MILESTONE_LABELS if incident.is_maintenance else MILESTONE_LABELS


def recorded_milestones(incident: Incident) -> list[tuple[str, datetime]]:
    """List the recorded milestones in lifecycle order."""
    return [(name, incident.milestone(name)) for name in MILESTONES if incident.milestone(name) is not None]


def milestone_items(incident: Incident) -> list[TimelineItem]:
    """Turn each recorded milestone into a timeline item, in lifecycle order; mitigation names its decision."""
    labels = dict(milestone_labels(incident))
    if incident.mitigation_kind:
        labels["mitigated"] = f"Mitigated ({mitigation_label(incident.mitigation_kind)})"
    return [TimelineItem("milestone", at, labels[name]) for name, at in recorded_milestones(incident)]


def handoff_items(handoffs: tuple[HandoffView, ...]) -> list[TimelineItem]:
    """Turn each handoff, and its acknowledgement if any, into timeline items."""
    items = []
    for handoff in handoffs:
        items.append(TimelineItem("handoff", handoff.at, f"Handed over to {handoff.to_person}", handoff.from_person))
        if handoff.acknowledged_at is not None:
            text = f"Took over from {handoff.from_person}"
            items.append(TimelineItem("acknowledgement", handoff.acknowledged_at, text, handoff.to_person))
    return items


def update_items(updates: tuple[UpdateView, ...], notes: tuple[UpdateNote, ...]) -> list[TimelineItem]:
    """Turn each public update into a timeline item carrying its Markdown message and who posted it."""
    return [TimelineItem("update", u.at, u.message, notes[u.number - 1].author, heading=u.label, markdown=True) for u in updates]


def update_notes(corpus: Corpus, incident: Incident) -> tuple[UpdateNote, ...]:
    """Note who posted each update and what happens next with whom it waits on, in the public view's order."""
    ordered = sorted(incident.updates, key=lambda u: u.at)
    return tuple(UpdateNote(name_of(corpus, u.by), u.waiting_on.what_next if u.waiting_on else None) for u in ordered)


def pause_views(corpus: Corpus, incident: Incident) -> tuple[PauseView, ...]:
    """List the owner's pauses in their order, each with who paused and who covered."""
    return tuple(PauseView(p.at, p.until, name_of(corpus, owner_at(incident, p.at)), name_of(corpus, p.cover))
                 for p in incident.pauses)


def keep_items(corpus: Corpus, keeps: tuple[Keep, ...]) -> list[TimelineItem]:
    """Turn each keep into a timeline item: who kept the incident at a rota handover, and why."""
    return [TimelineItem("keep", k.at, k.note or "Kept the incident instead of handing it over.", name_of(corpus, k.by))
            for k in keeps]


def entry_items(corpus: Corpus, entries: tuple[TimelineEntry, ...]) -> list[TimelineItem]:
    """Turn each internal log line into a timeline item with the name of who did or saw it."""
    return [TimelineItem("entry", e.at, e.event, name_of(corpus, e.by)) for e in entries]


def merged(*sources: list[TimelineItem]) -> tuple[TimelineItem, ...]:
    """Merge items into time order; at one moment milestones, handoffs, updates, entries, then source order."""
    items = [item for source in sources for item in source]
    order = sorted(range(len(items)), key=lambda i: (items[i].at, TIE_ORDER[items[i].kind], i))
    return tuple(items[i] for i in order)


def phases(incident: Incident, now: datetime) -> tuple[Phase, ...]:
    """List the stretches between recorded milestones, and for an open record the one from the last until now."""
    labels = milestone_labels(incident)
    recorded = recorded_milestones(incident)
    spans = []
    for (name, start), (next_name, end) in zip(recorded, recorded[1:]):
        if end >= start:
            spans.append(Phase(name, f"{labels[name]} → {labels[next_name].lower()}", start, end))
    if recorded and not incident.is_closed and now > recorded[-1][1]:
        name, start = recorded[-1]
        spans.append(Phase(name, f"{labels[name]} → not yet {awaited(incident, name)}", start, now, open=True))
    return tuple(spans)


def awaited(incident: Incident, last: str) -> str:
    """Name the milestone an open record waits for after ``last``, in lower-case words."""
    if incident.is_maintenance:
        return "completed"
    following = MILESTONES[MILESTONES.index(last) + 1 :]
    return MILESTONE_LABELS[following[0]].lower() if following else "closed"


def measure_views(incident: Incident, measured: Measured, now: datetime) -> tuple[MeasureView, ...]:
    """Judge each response measure at ``now``; maintenance windows have none."""
    if incident.is_maintenance:
        return ()
    return tuple(measure_view(m, incident, now) for m in measured.of(incident))


def measure_view(measure: Measure, incident: Incident, now: datetime) -> MeasureView:
    """Judge one measure at ``now``; while it runs on an open record, it has taken until now so far."""
    running = measure.start is not None and measure.end is None and not incident.is_closed
    took = now - measure.start if running else measure.took
    target = format_target(measure.target) if measure.target is not None else None
    return MeasureView(measure, measure.verdict(now), target, took, running)


def targets(severity: Severity | None) -> tuple[Target, ...]:
    """Describe a severity's targets in words."""
    if severity is None:
        return ()
    return (
        Target("Acknowledge within", format_target(severity.response)),
        Target("Resolve within", format_target(severity.resolve)),
        Target("Update at least every", format_target(severity.update_every)),
    )


def link_views(incident: Incident) -> tuple[LinkView, ...]:
    """List the record's links in their order, each named by its title or else its address."""
    return tuple(LinkView(LINK_LABELS.get(link.kind, link.kind), link.url, link.title or link.url) for link in incident.links)


def wrap_up_view(incident: Incident) -> WrapUpView | None:
    """Return what the resolving update says follows, if it says anything."""
    last = incident.updates[-1] if incident.updates else None
    if last is None or last.status != "resolved" or (last.postmortem_due is None and last.prevention is None):
        return None
    return WrapUpView(last.postmortem_due, last.prevention)


BUSINESS_IMPACT_LABELS = (("users", "Users affected"), ("revenue", "Revenue"), ("data_loss", "Data loss"))


def business_impact(incident: Incident) -> tuple[tuple[str, str], ...]:
    """List the recorded business impact as (label, text) pairs, in a fixed order."""
    impact = incident.business_impact
    if impact is None:
        return ()
    return tuple((label, getattr(impact, name)) for name, label in BUSINESS_IMPACT_LABELS if getattr(impact, name))


def comms_view(corpus: Corpus, incident: Incident) -> CommsView | None:
    """Say who the incident's severity tells and which comms templates that offers; None for maintenance."""
    if incident.is_maintenance:
        return None
    severity = corpus.site.severity(incident.severity)
    audiences = tuple(AUDIENCE_LABELS[a] for a in severity.audiences) if severity else ()
    return CommsView(audiences, offered_templates(severity))


def mitigation_label(kind: str | None) -> str | None:
    """Name a mitigation kind in words: fix_forward is fix forward."""
    return MITIGATION_LABELS.get(kind, kind) if kind else None


def decision_view(corpus: Corpus, decision: Decision) -> DecisionView:
    """Show one decision with the name of who took it, its mitigation and its outcome in words."""
    outcome = OUTCOME_LABELS.get(decision.outcome, decision.outcome) if decision.outcome else None
    return DecisionView(decision.at, name_of(corpus, decision.by), decision.decision, decision.why,
                        mitigation_label(decision.mitigation), outcome)


def escalation_view(corpus: Corpus, escalation: Escalation) -> EscalationView:
    """Show one escalation with the names of who escalated and to whom."""
    return EscalationView(escalation.at, name_of(corpus, escalation.by), name_of(corpus, escalation.to), escalation.reason)


def record_view(corpus: Corpus, incident: Incident, now: datetime, public: IncidentView | None = None,
                measured: Measured | None = None) -> RecordView:
    """Compute the internal view of one record as of ``now``, around its ``public`` view if that is already known, with
    the response measures ``measured`` holds."""
    if public is None:
        shown = {c.id for c in corpus.site.components}
        public = incident_view(incident, corpus.site, shown, corpus.postmortem_of(incident.id))
    chain = tuple(handoff_view(corpus, h) for h in incident.handoffs)
    notes = update_notes(corpus, incident)
    timeline = merged(
        milestone_items(incident), handoff_items(chain), keep_items(corpus, incident.keeps), update_items(public.updates, notes),
        entry_items(corpus, incident.timeline)
    )
    return RecordView(
        id=incident.id,
        incident=public,
        public=incident.public and shows_environment(corpus.site, incident.environment),
        commander=name_of(corpus, incident.commander),
        owner=name_of(corpus, owner_of(incident)),
        roles=roles(corpus, incident),
        handoffs=chain,
        pauses=pause_views(corpus, incident),
        update_notes=notes,
        links=link_views(incident),
        environment=ENVIRONMENT_LABELS.get(incident.environment, incident.environment),
        checked_with=tuple(name_of(corpus, person) for person in incident.severity_checked_with),
        wrap_up=wrap_up_view(incident),
        business_impact=business_impact(incident),
        comms=comms_view(corpus, incident),
        decisions=tuple(decision_view(corpus, d) for d in incident.decisions),
        escalations=tuple(escalation_view(corpus, e) for e in incident.escalations),
        default_decision=None if incident.is_maintenance else DEFAULT_DECISION,
        timeline=timeline,
        phases=phases(incident, now),
        measures=measure_views(incident, measured or Measured(corpus.site), now),
        mitigation=mitigation_label(incident.mitigation_kind),
        notes=incident.body,
        missed_commitments=missed_commitments(incident, now),
        next_update=next_update_due(incident),
        update_overdue=update_overdue(incident, now),
        targets=() if incident.is_maintenance else targets(public.severity),
        has_postmortem=corpus.postmortem_of(incident.id) is not None,
        now=now,
    )


def records_view(corpus: Corpus, now: datetime, public: Sequence[IncidentView] | None = None,
                 measured: Measured | None = None) -> dict[str, RecordView]:
    """Compute the internal view of every incident and maintenance record, internal ones included, keyed by id.

    ``public``, when given, holds the internal audience's view of each of ``corpus.incidents``, in their order, so that
    a build computes each record's view once for its pages and its full record; ``measured`` keeps the response
    measures for the metrics.
    """
    if public is not None and len(public) != len(corpus.incidents):
        raise ValueError("records_view needs one public view per incident of the corpus, in its order")
    views: dict[str, RecordView] = {}
    measured = measured or Measured(corpus.site)
    for index, incident in enumerate(corpus.incidents):
        if incident.id not in views:
            views[incident.id] = record_view(corpus, incident, now, None if public is None else public[index], measured)
    return views
