"""Ownership rules: every incident has one Incident Commander, and handoffs pass ownership explicitly."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.ownership import current_owner, is_pending
from generator.model.timing import first_out_of_order, format_time
from generator.problems import Level, Problem

RULES = RuleList()


@RULES.incident_rule("O401", "commander-required", Level.ERROR, kinds=("incident",))
def commander_required(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident must name its Incident Commander in `commander`: the one person who owns it now. Without an owner, nobody is sure who decides. An imported record (`imported`) may have none: Statuspage does not say who owned it, and the import does not invent an owner."""
    if incident.commander is None and not incident.is_imported:
        yield Problem(incident.path, "missing 'commander': name the person id of the Incident Commander who owns the incident")


@RULES.incident_rule("O402", "handoff-chain", Level.ERROR, kinds=("incident",))
def handoff_chain(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Handoffs must form one chain, oldest first: each handoff comes from the owner at that moment (the previous handoff's `to`) and goes to someone else, and `commander` names the current owner: the last acknowledged handoff's `to`, or its `from` while the last handoff awaits acknowledgement."""
    handoffs = incident.handoffs
    index = first_out_of_order([handoff.at for handoff in handoffs])
    if index is not None:
        message = f"handoff at {format_time(handoffs[index].at)} is listed after one at {format_time(handoffs[index - 1].at)}; list handoffs oldest first"
        yield Problem(incident.path, message, ("handoffs", index, "at"))
        return
    for index in range(len(handoffs)):
        yield from _chain_link(incident, index)
    if handoffs and incident.commander is not None and incident.commander != current_owner(handoffs):
        message = f"commander is {incident.commander} but after the handoffs the owner is {current_owner(handoffs)}"
        yield Problem(incident.path, message, ("commander",))


def _chain_link(incident: Incident, index: int) -> Iterator[Problem]:
    """Check that one handoff continues from the previous owner and passes to someone else."""
    handoff = incident.handoffs[index]
    if index > 0 and handoff.from_person != incident.handoffs[index - 1].to_person:
        owner = incident.handoffs[index - 1].to_person
        message = f"handoff comes from {handoff.from_person}, but the owner at that moment was {owner} (handoffs[{index - 1}].to)"
        yield Problem(incident.path, message, ("handoffs", index, "from"))
    if handoff.to_person == handoff.from_person:
        yield Problem(incident.path, f"handoff from {handoff.from_person} to themself; 'to' must name the new owner", ("handoffs", index, "to"))


@RULES.incident_rule("O403", "handoff-unacknowledged", Level.ERROR, kinds=("incident",))
def handoff_unacknowledged(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A handoff passes ownership only when the new owner acknowledges it in `acknowledged_at`, no earlier than the handoff itself. Only the last handoff of an open incident may still be waiting; record when the others were acknowledged."""
    for index, handoff in enumerate(incident.handoffs):
        when = format_time(handoff.at)
        if handoff.acknowledged_at is None and not is_pending(incident, index):
            message = f"handoff of {when} to {handoff.to_person} has no 'acknowledged_at'; record when {handoff.to_person} took over"
            yield Problem(incident.path, message, ("handoffs", index))
        elif handoff.acknowledged_at is not None and handoff.acknowledged_at < handoff.at:
            message = f"acknowledged_at {format_time(handoff.acknowledged_at)} is before the handoff itself at {when}"
            yield Problem(incident.path, message, ("handoffs", index, "acknowledged_at"))


@RULES.incident_rule("O404", "handoff-pending", Level.WARNING, kinds=("incident",))
def handoff_pending(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The last handoff of an open incident has not been acknowledged yet, so ownership has not passed: the previous commander still owns the incident until the new one confirms."""
    last = len(incident.handoffs) - 1
    if last < 0 or not is_pending(incident, last) or incident.handoffs[last].acknowledged_at is not None:
        return
    handoff = incident.handoffs[last]
    message = (
        f"{handoff.to_person} has not acknowledged the handoff of {format_time(handoff.at)}; "
        f"{handoff.from_person} remains the owner"
    )
    yield Problem(incident.path, message, ("handoffs", last))


@RULES.incident_rule("O405", "handoff-window", Level.ERROR, kinds=("incident",))
def handoff_window(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A handoff must happen while the incident is being handled: not before it was `detected` and not after it was `resolved`. Check the date and the UTC offset."""
    for index, handoff in enumerate(incident.handoffs):
        if incident.detected is not None and handoff.at < incident.detected:
            message = f"handoff at {format_time(handoff.at)} is before detection at {format_time(incident.detected)}"
            yield Problem(incident.path, message, ("handoffs", index, "at"))
        elif incident.resolved is not None and handoff.at > incident.resolved:
            message = f"handoff at {format_time(handoff.at)} is after resolution at {format_time(incident.resolved)}"
            yield Problem(incident.path, message, ("handoffs", index, "at"))
