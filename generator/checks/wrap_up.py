"""Wrap-up rules: the resolving update of an incident that needs a postmortem says when it is due and how recurrence is prevented."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.followup import postmortem_due, wrap_up_gaps
from generator.model.incident import Incident
from generator.model.timing import format_time
from generator.problems import Level, Problem

RULES = RuleList()
SAYS = {"postmortem_due": "when the postmortem is due (postmortem_due)", "prevention": "how recurrence is prevented (prevention)"}


def wrap_up_index(incident: Incident) -> int | None:
    """Return the index of the resolving update (the wrap-up): the last update, once the incident is resolved."""
    if incident.status != "resolved" or not incident.updates or incident.updates[-1].status != "resolved":
        return None
    return len(incident.updates) - 1


@RULES.incident_rule("I316", "wrap-up", Level.WARNING, kinds=("incident",))
def wrap_up(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The resolving update (the wrap-up) of a resolved incident whose severity requires a postmortem does not say when the postmortem is due or how recurrence is prevented. The wrap-up records both as fields: `postmortem_due` (the draft deadline, 48 hours after resolution) and `prevention` (what stops it happening again, or what the postmortem will decide). `statusbook incident resolve --prevention TEXT` writes both and adds them to the message. Only these fields are read, not the message's words. Imported records are exempt."""
    index = wrap_up_index(incident)
    due = postmortem_due(incident, ctx.corpus.site)
    if index is None or due is None or incident.is_imported:
        return
    gaps = wrap_up_gaps(incident.updates[index])
    if gaps:
        said = " or ".join(SAYS[gap] for gap in gaps)
        message = (f"the wrap-up of this {incident.severity} incident does not say {said}; the postmortem is due by "
                   f"{format_time(due)} (48 h after resolution)")
        yield Problem(incident.path, message, ("updates", index, "status"))
