"""Postmortems with their deadlines, and every action item on one board, as of a moment.

The deadlines are the model's (model/followup.py), as the postmortem rules judge them: the draft is due 48 h after
resolution, the review within 7 days (a ``reviewed_on`` date is compared with the due date in the team zone), action
items are assigned within 14 days, and the action items of a required postmortem are done within 30 days (in team
zone dates). An action item is overdue when it is open and the team-zone date of ``now`` is past its due date (P606).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from generator.model import compact_pickling
from generator.model.corpus import Corpus
from generator.model.followup import FollowupDue, followup_due, local_date, requires_postmortem, resolved_at
from generator.model.incident import Incident
from generator.model.postmortem import POSTMORTEM_STATUSES, ActionItem, Postmortem, Section
from generator.model.site import Severity
from generator.views.audience import PUBLISHED_POSTMORTEM_STATUSES
from generator.views.measures import MET, MISSED, PENDING
from generator.views.people import name_of

NOT_APPLICABLE = "not_applicable"
MISSING = "missing"
# The index lists postmortems in this order of status: the most urgent first.
INDEX_ORDER = (MISSING, *POSTMORTEM_STATUSES)
STATUS_LABELS = {
    MISSING: "Missing",
    "draft": "Draft",
    "in_review": "In review",
    "reviewed": "Reviewed",
    "closed": "Closed",
}
DEADLINE_LABELS = {
    "draft": "Draft shared",
    "review": "Reviewed",
    "assign": "Action items assigned",
    "done": "Action items done",
}
DEADLINE_RULES = {
    "draft": "48 h after resolution",
    "review": "7 days after resolution",
    "assign": "14 days after resolution",
    "done": "30 days after resolution",
}
VERDICT_LABELS = {MET: "Met", MISSED: "Missed", PENDING: "Pending", NOT_APPLICABLE: "Not applicable"}
ACTION_TYPE_LABELS = {"mitigate": "Mitigate", "prevent": "Prevent", "process": "Process"}
ACTION_STATUS_LABELS = {"open": "Open", "done": "Done", "not_doing": "Not doing"}
# Deadlines whose miss puts a postmortem on the overdue list; late action items are listed one by one instead.
POSTMORTEM_DEADLINES = ("draft", "review", "assign")


@compact_pickling
@dataclass(frozen=True, slots=True)
class Deadline:
    """One postmortem deadline: when it is due, when it was met, and the verdict at the moment of judgement."""

    name: str
    due: datetime | None
    overdue_from: datetime | None
    verdict: str
    met_at: datetime | None = None
    met_on: date | None = None

    @property
    def label(self) -> str:
        """What must happen by the deadline, in words."""
        return DEADLINE_LABELS[self.name]

    @property
    def rule(self) -> str:
        """When the deadline falls, in words."""
        return DEADLINE_RULES[self.name]

    @property
    def verdict_label(self) -> str:
        """The verdict as a word."""
        return VERDICT_LABELS[self.verdict]

    @property
    def unmet(self) -> bool:
        """Whether the deadline has passed and what it asks for has still not happened."""
        return self.verdict == MISSED and self.met_at is None and self.met_on is None


@compact_pickling
@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action item on the board, with its incident and whether it is overdue."""

    incident_id: str
    incident_title: str
    index: int
    title: str
    type: str
    status: str
    owner_id: str | None
    owner: str | None
    due: date | None
    done_on: date | None
    ticket: str | None
    overdue: bool
    days_overdue: int
    overdue_from: datetime | None
    reason: str | None = None
    exception: str | None = None

    @property
    def type_label(self) -> str:
        """The type as a word."""
        return ACTION_TYPE_LABELS.get(self.type, self.type)

    @property
    def status_label(self) -> str:
        """The status as words."""
        return ACTION_STATUS_LABELS.get(self.status, self.status)

    @property
    def is_open(self) -> bool:
        """Whether the item still has to be done."""
        return self.status == "open"


@compact_pickling
@dataclass(frozen=True, slots=True)
class PostmortemRecord:
    """A postmortem, or the lack of a required one, with its deadlines and action items."""

    incident_id: str
    incident_title: str
    severity: Severity | None
    status: str
    public: bool
    authors: tuple[str, ...]
    drafted: datetime | None
    reviewed_on: date | None
    resolved: datetime | None
    deadlines: tuple[Deadline, ...]
    actions: tuple[ActionRow, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def status_label(self) -> str:
        """The status as words."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def published(self) -> bool:
        """Whether the status site publishes it: public, and reviewed or closed."""
        return self.public and self.status in PUBLISHED_POSTMORTEM_STATUSES

    @property
    def is_missing(self) -> bool:
        """Whether this stands for a required postmortem that does not exist."""
        return self.status == MISSING

    @property
    def overdue_deadlines(self) -> tuple[Deadline, ...]:
        """The draft, review and assignment deadlines that have passed unmet."""
        return tuple(d for d in self.deadlines if d.name in POSTMORTEM_DEADLINES and d.unmet)

    @property
    def open_deadlines(self) -> tuple[Deadline, ...]:
        """The draft, review and assignment deadlines not met: passed unmet, or pending; each overdue from a moment."""
        return tuple(
            d for d in self.deadlines
            if d.name in POSTMORTEM_DEADLINES and d.overdue_from is not None and (d.unmet or d.verdict == PENDING)
        )

    @property
    def overdue_from(self) -> datetime | None:
        """When the postmortem is, or becomes, overdue: its earliest open deadline; None with none open."""
        return min((d.overdue_from for d in self.open_deadlines), default=None)

    def deadline(self, name: str) -> Deadline | None:
        """Return the deadline with this name, if the record has one."""
        return next((d for d in self.deadlines if d.name == name), None)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Followups:
    """Every postmortem (and every missing required one) and every action item, as of ``now``."""

    now: datetime
    postmortems: tuple[PostmortemRecord, ...]
    by_status: tuple[tuple[str, tuple[PostmortemRecord, ...]], ...]
    actions: tuple[ActionRow, ...]

    @property
    def overdue_postmortems(self) -> tuple[PostmortemRecord, ...]:
        """The postmortems with a deadline passed unmet; see ``overdue_postmortems``."""
        return overdue_postmortems(self)

    @property
    def overdue_actions(self) -> tuple[ActionRow, ...]:
        """The overdue action items; see ``overdue_actions``."""
        return overdue_actions(self)

    @property
    def watched_postmortems(self) -> tuple[PostmortemRecord, ...]:
        """The postmortems overdue now or later unless a deadline is met, soonest overdue first; for the page script."""
        return watched_postmortems(self)

    @property
    def dated_open_actions(self) -> tuple[ActionRow, ...]:
        """The open action items with a due date, soonest overdue first: overdue now or later; for the page script."""
        return dated_open_actions(self)

    def record(self, incident_id: str) -> PostmortemRecord | None:
        """Return the record of an incident's postmortem, or of its missing one."""
        return next((r for r in self.postmortems if r.incident_id == incident_id), None)


def followups_view(corpus: Corpus, now: datetime) -> Followups:
    """Compute every postmortem's deadlines and the action board of ``corpus`` as of ``now``."""
    incidents = {incident.id: incident for incident in corpus.incidents}
    records = [postmortem_record(p, incidents.get(p.incident_id), corpus, now) for p in corpus.postmortems]
    records += [missing_record(i, corpus, now) for i in missing_postmortems(corpus)]
    ordered = tuple(sorted(records, key=lambda r: r.incident_id, reverse=True))
    actions = tuple(sorted((row for r in ordered for row in r.actions), key=board_key))
    return Followups(now, ordered, group_by_status(ordered), actions)


def overdue_postmortems(followups: Followups) -> tuple[PostmortemRecord, ...]:
    """List the postmortems missing or late (draft, review or action items unassigned), longest overdue first."""
    late = [r for r in followups.postmortems if r.overdue_deadlines]
    return tuple(sorted(late, key=lambda r: (min(d.overdue_from for d in r.overdue_deadlines), r.incident_id)))


def watched_postmortems(followups: Followups) -> tuple[PostmortemRecord, ...]:
    """List the postmortems with an open draft, review or assignment deadline, by when they are overdue from."""
    watched = [r for r in followups.postmortems if r.open_deadlines]
    return tuple(sorted(watched, key=lambda r: (r.overdue_from, r.incident_id)))


def dated_open_actions(followups: Followups) -> tuple[ActionRow, ...]:
    """List the open action items with a due date, by when they are overdue from, then in board order."""
    dated = [row for row in followups.actions if row.overdue_from is not None]
    return tuple(sorted(dated, key=lambda row: row.overdue_from))


def overdue_actions(followups: Followups) -> tuple[ActionRow, ...]:
    """List the overdue action items, most overdue first."""
    return tuple(row for row in followups.actions if row.overdue)



def missing_postmortems(corpus: Corpus) -> list[Incident]:
    """List the resolved incidents whose severity requires a postmortem that does not exist."""
    return [
        i
        for i in corpus.incidents
        if resolved_at(i) is not None
        and requires_postmortem(i, corpus.site)
        and corpus.postmortem_of(i.id) is None
        and i.id not in corpus.unloaded_postmortems
    ]


def missing_record(incident: Incident, corpus: Corpus, now: datetime) -> PostmortemRecord:
    """Stand for the missing postmortem of a resolved incident: only its draft deadline applies."""
    due = followup_due(incident, corpus.site)
    draft = timed_deadline("draft", None, due.draft, now)
    severity = corpus.site.severity(incident.severity)
    return PostmortemRecord(incident.id, incident.title, severity, MISSING, False, (), None, None, due.resolved, (draft,))


def postmortem_record(postmortem: Postmortem, incident: Incident | None, corpus: Corpus, now: datetime) -> PostmortemRecord:
    """Describe one postmortem with its deadlines and action items."""
    title = incident.title if incident else postmortem.incident_id
    return PostmortemRecord(
        incident_id=postmortem.incident_id,
        incident_title=title,
        severity=corpus.site.severity(incident.severity) if incident else None,
        status=postmortem.status,
        public=postmortem.public,
        authors=tuple(name_of(corpus, a) for a in postmortem.authors),
        drafted=postmortem.drafted,
        reviewed_on=postmortem.reviewed_on,
        resolved=resolved_at(incident),
        deadlines=deadlines(postmortem, incident, corpus, now),
        actions=tuple(action_row(postmortem, title, n, item, corpus, now) for n, item in enumerate(postmortem.action_items)),
        sections=postmortem.sections,
    )


def deadlines(postmortem: Postmortem, incident: Incident | None, corpus: Corpus, now: datetime) -> tuple[Deadline, ...]:
    """Judge the four deadlines of a postmortem; none applies before its incident is resolved."""
    due = followup_due(incident, corpus.site)
    if due is None:
        return tuple(Deadline(name, None, None, NOT_APPLICABLE) for name in DEADLINE_LABELS)
    return (
        timed_deadline("draft", postmortem.drafted, due.draft, now),
        review_deadline(postmortem.reviewed_on, due, now),
        assign_deadline(postmortem.action_items, due.assign, now),
        done_deadline(postmortem.action_items, due, requires_postmortem(incident, corpus.site), corpus, now),
    )


def timed_deadline(name: str, met_at: datetime | None, due: datetime, now: datetime) -> Deadline:
    """Judge a deadline met at a moment: on time, late, or not yet met (missed once ``now`` is past it)."""
    if met_at is not None:
        return Deadline(name, due, due, MET if met_at <= due else MISSED, met_at=met_at)
    return Deadline(name, due, due, MISSED if now > due else PENDING)


def review_deadline(reviewed_on: date | None, due: FollowupDue, now: datetime) -> Deadline:
    """Judge the review: its date against the due date in the team zone, or missed once ``now`` is past due (P603)."""
    if reviewed_on is not None:
        verdict = MET if reviewed_on <= due.review_day else MISSED
        return Deadline("review", due.review, due.review, verdict, met_on=reviewed_on)
    return Deadline("review", due.review, due.review, MISSED if now > due.review else PENDING)


def assign_deadline(items: tuple[ActionItem, ...], due: datetime, now: datetime) -> Deadline:
    """Judge the assignment of action items: met once the postmortem lists any (P605); the date is not recorded."""
    if items:
        return Deadline("assign", due, due, MET)
    return Deadline("assign", due, due, MISSED if now > due else PENDING)


def done_deadline(items: tuple[ActionItem, ...], due: FollowupDue, required: bool, corpus: Corpus, now: datetime) -> Deadline:
    """Judge whether a required postmortem's action items were all done or dropped by the team-zone due date (P607)."""
    limit = due.done_day
    overdue_from = day_start(limit + timedelta(days=1), corpus)
    if not required or not items:
        return Deadline("done", due.done if required else None, None, NOT_APPLICABLE)
    if any(item.status == "open" for item in items):
        verdict = MISSED if local_date(now, corpus.site.timezone) > limit else PENDING
        return Deadline("done", due.done, overdue_from, verdict)
    last = max((item.done_on for item in items if item.status == "done" and item.done_on), default=None)
    verdict = MISSED if last is not None and last > limit else MET
    return Deadline("done", due.done, overdue_from, verdict, met_on=last)


def day_start(day: date, corpus: Corpus) -> datetime:
    """Return the first instant of a date in the team time zone."""
    return datetime.combine(day, time(0), corpus.site.timezone)


def action_row(postmortem: Postmortem, title: str, index: int, item: ActionItem, corpus: Corpus, now: datetime) -> ActionRow:
    """Put one action item on the board; overdue when open and the team-zone date is past its due date (P606)."""
    today = local_date(now, corpus.site.timezone)
    overdue = item.status == "open" and item.due is not None and today > item.due
    tracked = item.status == "open" and item.due is not None
    return ActionRow(
        incident_id=postmortem.incident_id,
        incident_title=title,
        index=index,
        title=item.title,
        type=item.type,
        status=item.status,
        owner_id=item.owner,
        owner=name_of(corpus, item.owner),
        due=item.due,
        done_on=item.done_on,
        ticket=item.ticket,
        overdue=overdue,
        days_overdue=(today - item.due).days if overdue else 0,
        overdue_from=day_start(item.due + timedelta(days=1), corpus) if tracked else None,
        reason=item.reason,
        exception=exception_text(item, corpus),
    )


def exception_text(item: ActionItem, corpus: Corpus) -> str | None:
    """Who accepted that the item stays open past 30 days, and why, in words."""
    if item.exception is None:
        return None
    return f"Kept open past 30 days, accepted by {name_of(corpus, item.exception.accepted_by)}: {item.exception.note}"


def board_key(row: ActionRow) -> tuple:
    """Order the board: overdue (most first), then open by due date (undated last), then done and not doing."""
    if row.overdue:
        return (0, -row.days_overdue, row.incident_id, row.index)
    if row.is_open:
        return (1, row.due is None, row.due or date.min, row.incident_id, row.index)
    return (2, row.incident_id, row.index)


def group_by_status(records: tuple[PostmortemRecord, ...]) -> tuple[tuple[str, tuple[PostmortemRecord, ...]], ...]:
    """Group records by status in index order, every known status present; unknown statuses follow."""
    statuses = list(INDEX_ORDER) + sorted({r.status for r in records} - set(INDEX_ORDER))
    return tuple((s, tuple(r for r in records if r.status == s)) for s in statuses)
