"""Escalation rules: a major incident that makes no progress is escalated, and so is a failed rollback."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.progress import STALL_AFTER, Stall, escalated_to, failed_rollbacks, stalls
from generator.model.timing import format_duration, format_time
from generator.problems import Level, Problem

RULES = RuleList()


def stall_words(stall: Stall) -> str:
    """Say when a stall ran: from when to when (or until now), and for how long."""
    end = "now" if stall.ongoing else format_time(stall.until)
    return f"from {format_time(stall.since)} until {end} ({format_duration(stall.until - stall.since)})"


@RULES.incident_rule("I211", "stalled-investigation", Level.WARNING, kinds=("incident",))
def stalled_investigation(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 incident (one of the two most severe configured severities) stayed `investigating` for 30 minutes or more without progress, that is without a status change in its updates and without a decision in `decisions`, and no escalation was recorded in that stretch. An open incident is judged until now, so the warning appears once 30 minutes pass and goes away when an escalation, a decision or a status change is recorded: `statusbook incident escalate ID --to PERSON --reason TEXT`. The warning points at the update or decision that made the last progress. Imported records are exempt."""
    if incident.is_imported or not ctx.corpus.site.is_major(incident.severity):
        return
    for stall in stalls(incident, ctx.now):
        message = (f"{incident.severity} incident was investigating without a status change or a decision "
                   f"{stall_words(stall)}, {format_duration(STALL_AFTER)} or more, and was not escalated; "
                   f"record the escalation with statusbook incident escalate {incident.id} --to PERSON --reason TEXT")
        yield Problem(incident.path, message, stall.after)


@RULES.incident_rule("I213", "failed-rollback-escalated", Level.WARNING, kinds=("incident",))
def failed_rollback_escalated(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A rollback decision in `decisions` is marked `outcome: failed`, and no escalation to the head of engineering (`escalation_contact` in statusbook.yml) is recorded at or after it. When the default way back fails, the head of engineering decides what comes next: record it with `statusbook incident escalate ID --to PERSON --reason TEXT`. Without an `escalation_contact`, an escalation to anyone counts. Imported records are exempt."""
    if incident.is_imported:
        return
    contact = ctx.corpus.site.escalation_contact
    for index, decision in failed_rollbacks(incident):
        if not escalated_to(incident, contact, decision.at):
            whom = f"to {contact} (escalation_contact in {ctx.corpus.config_path})" if contact else "to anyone"
            message = (f"the rollback decided at {format_time(decision.at)} failed, and no escalation {whom} is recorded "
                       f"since; record it with statusbook incident escalate {incident.id} --to {contact or 'PERSON'} --reason TEXT")
            yield Problem(incident.path, message, ("decisions", index, "outcome"))
