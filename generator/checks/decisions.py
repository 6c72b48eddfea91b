"""Decision rules: a major incident fixed forward instead of rolled back says why."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.problems import Level, Problem

RULES = RuleList()
FIX_FORWARD = "fix_forward"
ADVICE = "say in its why that the fix is minor, understood and faster than a rollback"


@RULES.incident_rule("I212", "fix-forward-why", Level.WARNING, kinds=("incident",))
def fix_forward_why(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 incident (one of the two most severe configured severities) was fixed forward without saying why. Rollback is the default; a fix forward is the exception when the fix is minor, understood and faster than a rollback, and the decision says so: a decision in `decisions` with `mitigation: fix_forward` needs a `why`, and a record whose `mitigation` is fix_forward needs such a decision with a `why`. The rule only asks that a reason is given; reviewers judge it. Imported records are exempt."""
    if incident.is_imported or not ctx.corpus.site.is_major(incident.severity):
        return
    forward = [(index, d) for index, d in enumerate(incident.decisions) if d.mitigation == FIX_FORWARD]
    for index, decision in forward:
        if not decision.why:
            message = f"{incident.severity} incident decided to fix forward without a why; {ADVICE}"
            yield Problem(incident.path, message, ("decisions", index, "mitigation"))
    if incident.mitigation == FIX_FORWARD and not forward:
        message = (f"{incident.severity} incident was fixed forward, but no decision says why; record one with statusbook "
                   f"incident decide {incident.id} --mitigation fix_forward --decision TEXT --why TEXT and {ADVICE}")
        yield Problem(incident.path, message, ("mitigation",))
