"""Triage rules: a major incident's severity is checked with someone, and its roles are filled by the end of triage."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident, Roles
from generator.model.timing import format_time
from generator.model.triage import end_of_triage, missing_roles, triage_over
from generator.problems import Level, Problem

RULES = RuleList()


def judged(incident: Incident, ctx: CheckContext) -> bool:
    """Whether the triage rules apply: a SEV1 or SEV2 incident of our own (imported records are exempt)."""
    return not incident.is_imported and ctx.corpus.site.is_major(incident.severity)


@RULES.incident_rule("I215", "severity-consult", Level.WARNING, kinds=("incident",))
def severity_consult(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 incident (one of the two most severe configured severities) names nobody in `severity_checked_with`. The commander checks a major severity with someone else (another incident manager, the tech lead or the service owner) before the organisation is mobilised around it: list who, by person id (`statusbook incident new --checked-with PERSON`, or `statusbook incident consult ID PERSON` later). Imported records are exempt."""
    if judged(incident, ctx) and not incident.severity_checked_with:
        message = (f"{incident.severity} incident names nobody in severity_checked_with; check the severity with someone "
                   f"and record who (statusbook incident consult {incident.id} PERSON)")
        yield Problem(incident.path, message, ("severity",))


@RULES.incident_rule("I216", "roles-by-end-of-triage", Level.WARNING, kinds=("incident",))
def roles_by_end_of_triage(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Triage of a SEV1 or SEV2 incident is over and a supporting role (tech_lead, comms_lead, scribe) is still empty. Triage ends at the first update beyond investigating (identified, monitoring or resolved), and at the latest 30 minutes after acknowledgement. By then the commander has handed out the roles, so that the commander coordinates instead of debugging, writing updates and taking notes: `statusbook incident role ID ROLE PERSON`. Imported records are exempt."""
    if not judged(incident, ctx) or not triage_over(incident, ctx.now):
        return
    missing = missing_roles(incident.roles)
    if missing:
        names = " or ".join(filter(None, (", ".join(missing[:-1]), missing[-1])))
        message = (f"{incident.severity} incident has no {names} although triage ended at {format_time(end_of_triage(incident))}; "
                   f"assign each (statusbook incident role {incident.id} {missing[0]} PERSON)")
        some = incident.roles != Roles()
        yield Problem(incident.path, message, ("roles",) if some else ("commander",), at_key=some)
