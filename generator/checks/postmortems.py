"""Postmortem rules: required postmortems, their deadlines, action items and body sections."""

from __future__ import annotations

import re
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.corpus import Corpus
from generator.model.followup import FollowupDue, followup_due, local_date, requires_postmortem
from generator.model.incident import Incident
from generator.model.postmortem import REQUIRED_SECTIONS, ActionItem, Postmortem
from generator.model.timing import format_duration, format_time
from generator.problems import Level, Problem

RULES = RuleList()

MAX_SUMMARY_SENTENCES = 5

_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|a\.m|p\.m|Mr|Mrs|Ms|Dr)\.", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]*_]*(?=\s|$)|\n\s*\n")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def incidents_by_id(corpus: Corpus) -> dict[str, Incident]:
    """Index the loaded incidents by id."""
    return {incident.id: incident for incident in corpus.incidents}


def with_resolution(ctx: CheckContext) -> Iterator[tuple[Postmortem, Incident, FollowupDue]]:
    """Yield each postmortem whose incident is resolved, with the incident and when its follow-ups are due."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        due = followup_due(incident, ctx.corpus.site)
        if due is not None:
            yield postmortem, incident, due


def days(count: int) -> str:
    """Render a day count as "1 day" or "3 days"."""
    return f"{count} day" if count == 1 else f"{count} days"


def items(postmortem: Postmortem) -> Iterator[tuple[int, ActionItem]]:
    """Yield each action item with its index."""
    yield from enumerate(postmortem.action_items)


@RULES.rule("P601", "postmortem-missing", Level.WARNING)
def postmortem_missing(ctx: CheckContext) -> Iterator[Problem]:
    """A resolved incident whose severity requires a postmortem (`postmortem: true` in statusbook.yml) has none 48 hours after resolution. Write `<incident id>.postmortem.md` beside the incident file. An imported record (`imported`) is exempt: its history was kept elsewhere, and a postmortem of it is added by choice, not on a deadline."""
    for incident in ctx.corpus.incidents:
        due = followup_due(incident, ctx.corpus.site)
        if due is None or incident.is_imported or incident.id in ctx.corpus.unloaded_postmortems or not requires_postmortem(incident, ctx.corpus.site):
            continue
        if ctx.corpus.postmortem_of(incident.id) is None and ctx.now > due.draft:
            message = (
                f"severity {incident.severity} requires a postmortem; none exists, and its draft was due by "
                f"{format_time(due.draft)} (48 h after resolution at {format_time(due.resolved)}); "
                f"add {incident.id}.postmortem.md"
            )
            yield Problem(incident.path, message, ("severity",))


@RULES.rule("P602", "draft-late", Level.WARNING)
def draft_late(ctx: CheckContext) -> Iterator[Problem]:
    """The postmortem draft was shared more than 48 hours after the incident was resolved. Draft postmortems while memories are fresh: within 48 hours of resolution."""
    for postmortem, _, due in with_resolution(ctx):
        if postmortem.drafted is not None and postmortem.drafted > due.draft:
            message = (
                f"drafted {format_time(postmortem.drafted)}, {format_duration(postmortem.drafted - due.resolved)} after "
                f"resolution at {format_time(due.resolved)}; drafts are due within 48 h (by {format_time(due.draft)})"
            )
            yield Problem(postmortem.path, message, ("drafted",))


@RULES.rule("P603", "review-late", Level.WARNING)
def review_late(ctx: CheckContext) -> Iterator[Problem]:
    """The postmortem was not reviewed within one week of resolution: either it is still unreviewed after the week, or `reviewed_on` is later than the deadline. Hold the review meeting and record its date."""
    for postmortem, _, due in with_resolution(ctx):
        if postmortem.reviewed_on is None and ctx.now > due.review:
            message = f"not reviewed yet; the review was due by {format_time(due.review)} (7 days after resolution); set reviewed_on once reviewed"
            yield Problem(postmortem.path, message, ("status",))
        elif postmortem.reviewed_on is not None and postmortem.reviewed_on > due.review_day:
            late = days((postmortem.reviewed_on - due.review_day).days)
            message = f"reviewed_on {postmortem.reviewed_on} is {late} late; reviews are due within 7 days of resolution (by {due.review_day})"
            yield Problem(postmortem.path, message, ("reviewed_on",))


@RULES.rule("P604", "review-date-required", Level.ERROR)
def review_date_required(ctx: CheckContext) -> Iterator[Problem]:
    """A reviewed or closed postmortem must record `reviewed_on`, and a draft must not have one. Set the date of the review meeting, or correct the status."""
    for postmortem in ctx.corpus.postmortems:
        if postmortem.status in ("reviewed", "closed") and postmortem.reviewed_on is None:
            message = f"status is {postmortem.status} but reviewed_on is missing; add the date of the review meeting"
            yield Problem(postmortem.path, message, ("status",))
        elif postmortem.status == "draft" and postmortem.reviewed_on is not None:
            message = f"reviewed_on is {postmortem.reviewed_on} but status is draft; set status to reviewed or remove reviewed_on"
            yield Problem(postmortem.path, message, ("reviewed_on",))


@RULES.rule("P605", "action-items-unassigned", Level.WARNING)
def action_items_unassigned(ctx: CheckContext) -> Iterator[Problem]:
    """Two weeks after resolution the postmortem still lists no action items. Assign follow-ups with owners and due dates within two weeks."""
    for postmortem, _, due in with_resolution(ctx):
        if not postmortem.action_items and ctx.now > due.assign:
            message = (
                f"no action_items; action items with owners and due dates were due by {format_time(due.assign)} "
                f"(14 days after resolution at {format_time(due.resolved)})"
            )
            yield Problem(postmortem.path, message, ("action_items",), at_key=True)


@RULES.rule("P606", "action-item-overdue", Level.WARNING)
def action_item_overdue(ctx: CheckContext) -> Iterator[Problem]:
    """An open action item is past its due date (in the site time zone). Finish it, move the due date with a reason, or set its status to `done` or `not_doing`."""
    today = local_date(ctx.now, ctx.corpus.site.timezone)
    for postmortem in ctx.corpus.postmortems:
        for index, item in items(postmortem):
            if item.status == "open" and item.due is not None and today > item.due:
                late = days((today - item.due).days)
                message = f"action item '{item.title}' is open and was due {item.due} ({late} ago); finish it or update its status"
                yield Problem(postmortem.path, message, ("action_items", index, "due"))


@RULES.rule("P607", "action-item-due-late", Level.WARNING)
def action_item_due_late(ctx: CheckContext) -> Iterator[Problem]:
    """An action item of a required postmortem is due more than 30 days after the incident was resolved. Plan action items to be done within 30 days; split longer work into a first step that fits, or record an `exception` naming who accepted the longer wait."""
    for postmortem, incident, due in with_resolution(ctx):
        if not requires_postmortem(incident, ctx.corpus.site):
            continue
        for index, item in items(postmortem):
            if item.due is not None and item.due > due.done_day and item.exception is None:
                after = days((item.due - due.resolved_day).days)
                message = f"due {item.due}, {after} after resolution; action items are to be done within 30 days (by {due.done_day})"
                yield Problem(postmortem.path, message, ("action_items", index, "due"))


@RULES.rule("P608", "action-item-done-date", Level.ERROR)
def action_item_done_date(ctx: CheckContext) -> Iterator[Problem]:
    """A done action item must record `done_on`, and an open one must not. Add the date it was done, or correct its status."""
    for postmortem in ctx.corpus.postmortems:
        for index, item in items(postmortem):
            if item.status == "done" and item.done_on is None:
                message = f"action item '{item.title}' is done but done_on is missing; add the date it was done"
                yield Problem(postmortem.path, message, ("action_items", index, "status"))
            elif item.status == "open" and item.done_on is not None:
                message = f"action item '{item.title}' has done_on {item.done_on} but status is open; set status to done or remove done_on"
                yield Problem(postmortem.path, message, ("action_items", index, "done_on"))


@RULES.rule("P609", "sections-required", Level.ERROR)
def sections_required(ctx: CheckContext) -> Iterator[Problem]:
    """Every postmortem body has the sections Summary, Impact, Timeline, Root cause, What went well, What could be improved and Action items, as `##` headings, each with text. Add the missing heading or fill in the section."""
    for postmortem in ctx.corpus.postmortems:
        for title in REQUIRED_SECTIONS:
            section = postmortem.section(title)
            if section is None:
                message = f"section '## {title}' is missing; a postmortem has the sections {', '.join(REQUIRED_SECTIONS)}"
                yield Problem(postmortem.path, message, line=postmortem.body_line, column=1)
            elif not _COMMENT.sub("", section.text).strip():
                message = f"section '## {section.title}' is empty; write its text under the heading"
                yield Problem(postmortem.path, message, line=section.line, column=1)


def count_sentences(text: str) -> int:
    """Count sentences, ignoring abbreviations such as e.g., decimals and times such as 10.30."""
    plain = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), _COMMENT.sub("", text))
    return sum(1 for part in _SENTENCE_END.split(plain) if re.search(r"\w", part))


@RULES.rule("P610", "summary-length", Level.ERROR)
def summary_length(ctx: CheckContext) -> Iterator[Problem]:
    """The Summary section has more than five sentences. Keep the summary short enough to read at a glance; move details to Impact, Timeline and Root cause."""
    for postmortem in ctx.corpus.postmortems:
        summary = postmortem.section("Summary")
        count = count_sentences(summary.text) if summary else 0
        if count > MAX_SUMMARY_SENTENCES:
            message = f"Summary has {count} sentences; keep it to {MAX_SUMMARY_SENTENCES} or fewer and move details to later sections"
            yield Problem(postmortem.path, message, line=summary.line, column=1)


@RULES.rule("P611", "public-postmortem-of-internal-incident", Level.ERROR)
def public_postmortem_of_internal_incident(ctx: CheckContext) -> Iterator[Problem]:
    """A public postmortem of an internal incident would publish an incident that is not on the status page. Set the postmortem's `public: false`, or make the incident public."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        if postmortem.public and incident is not None and not incident.public:
            message = f"postmortem is public but incident {incident.id} is not; set public: false to keep it internal"
            yield Problem(postmortem.path, message, ("public",))


@RULES.rule("P612", "postmortem-of-open-incident", Level.WARNING)
def postmortem_of_open_incident(ctx: CheckContext) -> Iterator[Problem]:
    """A postmortem exists while its incident is not yet resolved. Resolve the incident first (or correct its status); the postmortem's deadlines run from the resolution."""
    incidents = incidents_by_id(ctx.corpus)
    for postmortem in ctx.corpus.postmortems:
        incident = incidents.get(postmortem.incident_id)
        if incident is not None and not incident.is_maintenance and incident.status != "resolved":
            message = f"incident {incident.id} is still {incident.status}; a postmortem follows the resolution"
            yield Problem(postmortem.path, message, ("status",))


@RULES.rule("P613", "closed-with-open-items", Level.ERROR)
def closed_with_open_items(ctx: CheckContext) -> Iterator[Problem]:
    """A closed postmortem still has open action items. Finish them (status `done` with `done_on`), set them to `not_doing`, or keep the postmortem `reviewed` until they are done."""
    for postmortem in ctx.corpus.postmortems:
        if postmortem.status != "closed":
            continue
        for index, item in items(postmortem):
            if item.status == "open":
                message = f"postmortem is closed but action item '{item.title}' is still open; finish it or reopen the postmortem as reviewed"
                yield Problem(postmortem.path, message, ("action_items", index, "status"))
