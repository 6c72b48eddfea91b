"""Postmortem rules: required postmortems, their deadlines, action items and body sections."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Iterator

from generator.checks import CheckContext, Finding, rule
from generator.checks.timing import format_duration, format_time
from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.model.postmortem import REQUIRED_SECTIONS, ActionItem, Postmortem
from generator.problems import Level

DRAFT_WITHIN = timedelta(hours=48)
REVIEW_WITHIN = timedelta(days=7)
ASSIGN_WITHIN = timedelta(days=14)
DONE_WITHIN = timedelta(days=30)
MAX_SUMMARY_SENTENCES = 5

_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|a\.m|p\.m|Mr|Mrs|Ms|Dr)\.", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]*_]*(?=\s|$)|\n\s*\n")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def incidents_by_id(corpus: Corpus) -> dict[str, Incident]:
    """Index the loaded incidents by id."""
    return {incident.id: incident for incident in corpus.incidents}


def requires_postmortem(incident: Incident, corpus: Corpus) -> bool:
    """Whether the incident's severity requires a postmortem."""
    severity = corpus.site.severity(incident.severity)
    return not incident.is_maintenance and severity is not None and severity.postmortem


def resolved_at(incident: Incident | None) -> datetime | None:
    """Return when a resolved incident was resolved; None for anything else."""
    if incident is None or incident.is_maintenance or incident.status != "resolved":
        return None
    return incident.resolved


def with_resolution(ctx: CheckContext) -> Iterator[tuple[Postmortem, Incident, datetime]]:
    """Yield each postmortem whose incident is resolved, with the incident and its resolution time."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        resolved = resolved_at(incident)
        if resolved is not None:
            yield postmortem, incident, resolved


def local_date(moment: datetime, ctx: CheckContext) -> date:
    """Return the date of a moment in the site time zone."""
    return moment.astimezone(ctx.corpus.site.timezone).date()


def days(count: int) -> str:
    """Render a day count as "1 day" or "3 days"."""
    return f"{count} day" if count == 1 else f"{count} days"


def items(postmortem: Postmortem) -> Iterator[tuple[int, ActionItem]]:
    """Yield each action item with its index."""
    yield from enumerate(postmortem.action_items)


@rule("P601", "postmortem-missing", Level.WARNING)
def postmortem_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A resolved incident whose severity requires a postmortem (`postmortem: true` in statusbook.yml) has none 48 hours after resolution. Write `<incident id>.postmortem.md` beside the incident file. An imported record (`imported`) is exempt: its history was kept elsewhere, and a postmortem of it is added by choice, not on a deadline."""
    for incident in ctx.corpus.incidents:
        resolved = resolved_at(incident)
        if resolved is None or incident.is_imported or incident.id in ctx.corpus.unloaded_postmortems or not requires_postmortem(incident, ctx.corpus):
            continue
        due = resolved + DRAFT_WITHIN
        if ctx.corpus.postmortem_of(incident.id) is None and ctx.now > due:
            message = (
                f"severity {incident.severity} requires a postmortem; none exists, and its draft was due by "
                f"{format_time(due)} (48 h after resolution at {format_time(resolved)}); "
                f"add {incident.id}.postmortem.md"
            )
            yield Finding(incident.path, message, ("severity",))


@rule("P602", "draft-late", Level.WARNING)
def draft_late(ctx: CheckContext) -> Iterator[Finding]:
    """The postmortem draft was shared more than 48 hours after the incident was resolved. Draft postmortems while memories are fresh: within 48 hours of resolution."""
    for postmortem, _, resolved in with_resolution(ctx):
        due = resolved + DRAFT_WITHIN
        if postmortem.drafted is not None and postmortem.drafted > due:
            message = (
                f"drafted {format_time(postmortem.drafted)}, {format_duration(postmortem.drafted - resolved)} after "
                f"resolution at {format_time(resolved)}; drafts are due within 48 h (by {format_time(due)})"
            )
            yield Finding(postmortem.path, message, ("drafted",))


@rule("P603", "review-late", Level.WARNING)
def review_late(ctx: CheckContext) -> Iterator[Finding]:
    """The postmortem was not reviewed within one week of resolution: either it is still unreviewed after the week, or `reviewed_on` is later than the deadline. Hold the review meeting and record its date."""
    for postmortem, _, resolved in with_resolution(ctx):
        due = resolved + REVIEW_WITHIN
        due_day = local_date(due, ctx)
        if postmortem.reviewed_on is None and ctx.now > due:
            message = f"not reviewed yet; the review was due by {format_time(due)} (7 days after resolution); set reviewed_on once reviewed"
            yield Finding(postmortem.path, message, ("status",))
        elif postmortem.reviewed_on is not None and postmortem.reviewed_on > due_day:
            late = days((postmortem.reviewed_on - due_day).days)
            message = f"reviewed_on {postmortem.reviewed_on} is {late} late; reviews are due within 7 days of resolution (by {due_day})"
            yield Finding(postmortem.path, message, ("reviewed_on",))


@rule("P604", "review-date-required", Level.ERROR)
def review_date_required(ctx: CheckContext) -> Iterator[Finding]:
    """A reviewed or closed postmortem must record `reviewed_on`, and a draft must not have one. Set the date of the review meeting, or correct the status."""
    for postmortem in ctx.corpus.postmortems:
        if postmortem.status in ("reviewed", "closed") and postmortem.reviewed_on is None:
            message = f"status is {postmortem.status} but reviewed_on is missing; add the date of the review meeting"
            yield Finding(postmortem.path, message, ("status",))
        elif postmortem.status == "draft" and postmortem.reviewed_on is not None:
            message = f"reviewed_on is {postmortem.reviewed_on} but status is draft; set status to reviewed or remove reviewed_on"
            yield Finding(postmortem.path, message, ("reviewed_on",))


@rule("P605", "action-items-unassigned", Level.WARNING)
def action_items_unassigned(ctx: CheckContext) -> Iterator[Finding]:
    """Two weeks after resolution the postmortem still lists no action items. Assign follow-ups with owners and due dates within two weeks."""
    for postmortem, _, resolved in with_resolution(ctx):
        due = resolved + ASSIGN_WITHIN
        if not postmortem.action_items and ctx.now > due:
            message = (
                f"no action_items; action items with owners and due dates were due by {format_time(due)} "
                f"(14 days after resolution at {format_time(resolved)})"
            )
            yield Finding(postmortem.path, message, ("action_items",), at_key=True)


@rule("P606", "action-item-overdue", Level.WARNING)
def action_item_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """An open action item is past its due date (in the site time zone). Finish it, move the due date with a reason, or set its status to `done` or `not_doing`."""
    today = local_date(ctx.now, ctx)
    for postmortem in ctx.corpus.postmortems:
        for index, item in items(postmortem):
            if item.status == "open" and item.due is not None and today > item.due:
                late = days((today - item.due).days)
                message = f"action item '{item.title}' is open and was due {item.due} ({late} ago); finish it or update its status"
                yield Finding(postmortem.path, message, ("action_items", index, "due"))


@rule("P607", "action-item-due-late", Level.WARNING)
def action_item_due_late(ctx: CheckContext) -> Iterator[Finding]:
    """An action item of a required postmortem is due more than 30 days after the incident was resolved. Plan action items to be done within 30 days; split longer work into a first step that fits."""
    for postmortem, incident, resolved in with_resolution(ctx):
        if not requires_postmortem(incident, ctx.corpus):
            continue
        resolved_day = local_date(resolved, ctx)
        limit = local_date(resolved + DONE_WITHIN, ctx)
        for index, item in items(postmortem):
            if item.due is not None and item.due > limit:
                after = days((item.due - resolved_day).days)
                message = f"due {item.due}, {after} after resolution; action items are to be done within 30 days (by {limit})"
                yield Finding(postmortem.path, message, ("action_items", index, "due"))


@rule("P608", "action-item-done-date", Level.ERROR)
def action_item_done_date(ctx: CheckContext) -> Iterator[Finding]:
    """A done action item must record `done_on`, and an open one must not. Add the date it was done, or correct its status."""
    for postmortem in ctx.corpus.postmortems:
        for index, item in items(postmortem):
            if item.status == "done" and item.done_on is None:
                message = f"action item '{item.title}' is done but done_on is missing; add the date it was done"
                yield Finding(postmortem.path, message, ("action_items", index, "status"))
            elif item.status == "open" and item.done_on is not None:
                message = f"action item '{item.title}' has done_on {item.done_on} but status is open; set status to done or remove done_on"
                yield Finding(postmortem.path, message, ("action_items", index, "done_on"))


@rule("P609", "sections-required", Level.ERROR)
def sections_required(ctx: CheckContext) -> Iterator[Finding]:
    """Every postmortem body has the sections Summary, Impact, Timeline, Root cause, What went well, What could be improved and Action items, as `##` headings, each with text. Add the missing heading or fill in the section."""
    for postmortem in ctx.corpus.postmortems:
        for title in REQUIRED_SECTIONS:
            section = postmortem.section(title)
            if section is None:
                message = f"section '## {title}' is missing; a postmortem has the sections {', '.join(REQUIRED_SECTIONS)}"
                yield Finding(postmortem.path, message, line=postmortem.body_line, column=1)
            elif not _COMMENT.sub("", section.text).strip():
                message = f"section '## {section.title}' is empty; write its text under the heading"
                yield Finding(postmortem.path, message, line=section.line, column=1)


def count_sentences(text: str) -> int:
    """Count sentences, ignoring abbreviations such as e.g., decimals and times such as 10.30."""
    plain = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), _COMMENT.sub("", text))
    return sum(1 for part in _SENTENCE_END.split(plain) if re.search(r"\w", part))


@rule("P610", "summary-length", Level.ERROR)
def summary_length(ctx: CheckContext) -> Iterator[Finding]:
    """The Summary section has more than five sentences. Keep the summary short enough to read at a glance; move details to Impact, Timeline and Root cause."""
    for postmortem in ctx.corpus.postmortems:
        summary = postmortem.section("Summary")
        count = count_sentences(summary.text) if summary else 0
        if count > MAX_SUMMARY_SENTENCES:
            message = f"Summary has {count} sentences; keep it to {MAX_SUMMARY_SENTENCES} or fewer and move details to later sections"
            yield Finding(postmortem.path, message, line=summary.line, column=1)


@rule("P611", "public-postmortem-of-internal-incident", Level.ERROR)
def public_postmortem_of_internal_incident(ctx: CheckContext) -> Iterator[Finding]:
    """A public postmortem of an internal incident would publish an incident that is not on the status page. Set the postmortem's `public: false`, or make the incident public."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        if postmortem.public and incident is not None and not incident.public:
            message = f"postmortem is public but incident {incident.id} is not; set public: false to keep it internal"
            yield Finding(postmortem.path, message, ("public",))


@rule("P612", "postmortem-of-open-incident", Level.WARNING)
def postmortem_of_open_incident(ctx: CheckContext) -> Iterator[Finding]:
    """A postmortem exists while its incident is not yet resolved. Resolve the incident first (or correct its status); the postmortem's deadlines run from the resolution."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        if incident is not None and not incident.is_maintenance and incident.status != "resolved":
            message = f"incident {incident.id} is still {incident.status}; a postmortem follows the resolution"
            yield Finding(postmortem.path, message, ("status",))


@rule("P613", "closed-with-open-items", Level.ERROR)
def closed_with_open_items(ctx: CheckContext) -> Iterator[Finding]:
    """A closed postmortem still has open action items. Finish them (status `done` with `done_on`), set them to `not_doing`, or keep the postmortem `reviewed` until they are done."""
    for postmortem in ctx.corpus.postmortems:
        if postmortem.status != "closed":
            continue
        for index, item in items(postmortem):
            if item.status == "open":
                message = f"postmortem is closed but action item '{item.title}' is still open; finish it or reopen the postmortem as reviewed"
                yield Finding(postmortem.path, message, ("action_items", index, "status"))
