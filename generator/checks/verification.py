"""Verification rules: a major incident is watched in monitoring before it is called resolved."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.problems import Level, Problem

RULES = RuleList()


def resolving_index(incident: Incident) -> int | None:
    """Return the index of the first update that says resolved, if any."""
    return next((index for index, update in enumerate(incident.updates) if update.status == "resolved"), None)


@RULES.incident_rule("I310", "verify-before-resolving", Level.WARNING, kinds=("incident",))
def verify_before_resolving(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 incident (one of the two most severe configured severities) is resolved by an update that does not follow a `monitoring` update. Verify a fix before resolving: post a monitoring update, watch the signals that showed the impact, then resolve. A return to investigating or identified after monitoring needs monitoring again. Imported records are exempt."""
    index = resolving_index(incident)
    if index is None or incident.is_imported or not ctx.corpus.site.is_major(incident.severity):
        return
    before = incident.updates[index - 1].status if index else None
    if before != "monitoring":
        came_from = f"from {before}" if before else "in its first update"
        message = (f"{incident.severity} incident resolved {came_from} without monitoring first; post a monitoring update "
                   "and verify the fix (the signals that showed the impact are back to normal) before resolving")
        yield Problem(incident.path, message, ("updates", index, "status"))
