"""Reference rules: people, components and severities named in records must be configured."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.corpus import Corpus
from generator.model.incident import ROLES, Incident
from generator.model.postmortem import Postmortem
from generator.model.rotation import Rotation
from generator.problems import FieldPath, Level, Problem, did_you_mean, field_name

RULES = RuleList()

PersonRef = tuple[str, FieldPath, str | None]


def incident_people(incident: Incident) -> Iterator[PersonRef]:
    """Yield every person reference of an incident with its field path."""
    yield incident.path, ("commander",), incident.commander
    for role in ROLES:
        yield incident.path, ("roles", role), getattr(incident.roles, role)
    for index, person in enumerate(incident.severity_checked_with):
        yield incident.path, ("severity_checked_with", index), person
    for index, handoff in enumerate(incident.handoffs):
        yield incident.path, ("handoffs", index, "from"), handoff.from_person
        yield incident.path, ("handoffs", index, "to"), handoff.to_person
    for index, pause in enumerate(incident.pauses):
        yield incident.path, ("pauses", index, "cover"), pause.cover
    for index, update in enumerate(incident.updates):
        yield incident.path, ("updates", index, "by"), update.by
    for index, keep in enumerate(incident.keeps):
        yield incident.path, ("keeps", index, "by"), keep.by
    for index, entry in enumerate(incident.timeline):
        yield incident.path, ("timeline", index, "by"), entry.by
    for index, decision in enumerate(incident.decisions):
        yield incident.path, ("decisions", index, "by"), decision.by
    for index, escalation in enumerate(incident.escalations):
        yield incident.path, ("escalations", index, "by"), escalation.by
        yield incident.path, ("escalations", index, "to"), escalation.to


def postmortem_people(postmortem: Postmortem) -> Iterator[PersonRef]:
    """Yield every person reference of a postmortem with its field path."""
    for index, author in enumerate(postmortem.authors):
        yield postmortem.path, ("authors", index), author
    for index, item in enumerate(postmortem.action_items):
        yield postmortem.path, ("action_items", index, "owner"), item.owner
        if item.exception is not None:
            yield postmortem.path, ("action_items", index, "exception", "accepted_by"), item.exception.accepted_by


def rotation_people(rotation: Rotation) -> Iterator[PersonRef]:
    """Yield every person reference of a rotation with its field path."""
    for index, shift in enumerate(rotation.shifts):
        yield rotation.path, ("shifts", index, "person"), shift.person
        yield rotation.path, ("shifts", index, "backup"), shift.backup
    for index, override in enumerate(rotation.overrides):
        yield rotation.path, ("overrides", index, "person"), override.person


def person_references(corpus: Corpus) -> Iterator[PersonRef]:
    """Yield every person reference in every record."""
    yield corpus.config_path, ("escalation_contact",), corpus.site.escalation_contact
    for incident in corpus.incidents:
        yield from incident_people(incident)
    for postmortem in corpus.postmortems:
        yield from postmortem_people(postmortem)
    for rotation in corpus.rotations:
        yield from rotation_people(rotation)


@RULES.rule("R201", "unknown-person", Level.ERROR)
def unknown_person(ctx: CheckContext) -> Iterator[Problem]:
    """Every person named in a record (commander, roles, who the severity was checked with, handoffs, keeps, pause covers, update and timeline authors, decisions, escalations, postmortem authors, action item owners and who accepted their exceptions, rotation shifts and overrides) must be listed by id in `people.yml`, so that people can be reached and renamed in one place. Fix the id or add the person."""
    corpus = ctx.corpus
    if not corpus.people_loaded:
        return
    known = [person.id for person in corpus.people]
    for path, field, person_id in person_references(corpus):
        if person_id and corpus.person(person_id) is None:
            hint = did_you_mean(person_id, known)
            message = f"{field_name(field)}: unknown person '{person_id}'{hint}; people are listed in {corpus.people_path}"
            yield Problem(path, message, field)


@RULES.incident_rule("R202", "unknown-component", Level.ERROR)
def unknown_component(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """Every component an incident affects must be configured in `statusbook.yml`, or it cannot be shown on the status page. Fix the id or add the component."""
    site = ctx.corpus.site
    known = [component.id for component in site.components]
    for component_id in incident.components:
        if site.component(component_id) is None:
            hint = did_you_mean(component_id, known)
            message = f"unknown component '{component_id}'{hint}; components are configured in {ctx.corpus.config_path}"
            yield Problem(incident.path, message, ("components", component_id), at_key=True)


@RULES.incident_rule("R203", "unknown-severity", Level.ERROR)
def unknown_severity(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The severity of a record must be one configured in `statusbook.yml`, because its targets (response, resolution, update cadence) come from there."""
    site = ctx.corpus.site
    if incident.severity is not None and site.severity(incident.severity) is None:
        configured = ", ".join(severity.id for severity in site.severities) or "none"
        message = f"unknown severity '{incident.severity}'; configured severities: {configured}"
        yield Problem(incident.path, message, ("severity",))


@RULES.incident_rule("R204", "severity-required", Level.ERROR, kinds=("incident",))
def severity_required(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An incident must have a severity: it sets the response and resolution targets and the update cadence. Maintenance windows may omit it."""
    if incident.severity is None:
        configured = ", ".join(severity.id for severity in ctx.corpus.site.severities)
        yield Problem(incident.path, f"missing 'severity' for an incident; expected one of: {configured}")
