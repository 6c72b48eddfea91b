"""Action items that are not done: a reason for not doing one, and an accepted exception for one kept open past 30 days."""

from __future__ import annotations

from typing import Iterator

from generator.checks.postmortems import days, items, with_resolution
from generator.checks.rules import CheckContext, RuleList
from generator.model.followup import local_date, requires_postmortem
from generator.problems import Level, Problem

RULES = RuleList()


@RULES.rule("P614", "not-doing-without-reason", Level.WARNING)
def not_doing_without_reason(ctx: CheckContext) -> Iterator[Problem]:
    """An action item set to `not_doing` gives no `reason`. Say why it will not be done (superseded by another item, too costly for the risk it removes, the system is being retired), so the decision can be reviewed later."""
    for postmortem in ctx.corpus.postmortems:
        for index, item in items(postmortem):
            if item.status == "not_doing" and not (item.reason or "").strip():
                message = f"action item '{item.title}' is not_doing without a reason; add reason: saying why it will not be done"
                yield Problem(postmortem.path, message, ("action_items", index, "status"))


@RULES.rule("P615", "open-past-30-days", Level.WARNING)
def open_past_30_days(ctx: CheckContext) -> Iterator[Problem]:
    """An action item of a required postmortem is still open more than 30 days after the incident was resolved, and no exception is recorded. Finish it, or add `exception` with who accepted the longer wait (`accepted_by`, a person id) and why (`note`)."""
    today = local_date(ctx.now, ctx.corpus.site.timezone)
    for postmortem, incident, due in with_resolution(ctx):
        if not requires_postmortem(incident, ctx.corpus.site) or today <= due.done_day:
            continue
        for index, item in items(postmortem):
            if item.status == "open" and item.exception is None:
                after = days((today - due.resolved_day).days)
                message = (f"action item '{item.title}' is open {after} after resolution; items are done within 30 days "
                           f"(by {due.done_day}), or add exception: with accepted_by and note")
                yield Problem(postmortem.path, message, ("action_items", index, "status"))
