"""Authorship rules: every status update says who posted it, and that is the owner or the communications lead."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident, Update
from generator.model.ownership import may_post, owner_at
from generator.model.timing import format_time
from generator.problems import Level, Problem

RULES = RuleList()


def unauthored(incident: Incident, index: int, update: Update) -> Problem:
    """Report an update of an open record that does not say who posted it."""
    who = " or ".join(may_post(incident, update.at)) or "the owner or the communications lead"
    message = f"update at {format_time(update.at)} does not say who posted it; name them in 'by' ({who})"
    return Problem(incident.path, message, ("updates", index))


def wrong_author(incident: Incident, index: int, update: Update) -> Problem:
    """Report an update posted by someone who was neither the owner then nor the communications lead."""
    owner, lead = owner_at(incident, update.at), incident.roles.comms_lead
    lead_said = f"the communications lead is {lead}" if lead else "no communications lead is named"
    message = (f"posted by {update.by}, but at {format_time(update.at)} {owner} owned the incident and {lead_said}; "
               "status updates come from the owner or the communications lead")
    return Problem(incident.path, message, ("updates", index, "by"))


@RULES.incident_rule("I311", "update-author", Level.WARNING)
def update_author(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A status update is posted by someone who, at the update's `at`, neither owned the record (the commander, passed on by acknowledged handoffs) nor is its communications lead (`roles.comms_lead`): readers hear one voice, and the owner knows what was said. On an open record, an update without `by` is reported too: say who posted it (`statusbook incident update` fills it from `--as`). Closed records may lack `by`, so older history stays as it was written; imported records are exempt, and a record without a commander is not judged by author."""
    if incident.is_imported:
        return
    for index, update in enumerate(incident.updates):
        if update.by is None:
            if not incident.is_closed:
                yield unauthored(incident, index, update)
        elif owner_at(incident, update.at) is not None and update.by not in may_post(incident, update.at):
            yield wrong_author(incident, index, update)
