"""The rota behind the commander: the incident manager on duty commands, and hands over open incidents at each shift change."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.rota import (
    HANDOVER_WINDOW,
    commander_on_rota,
    commander_rotation,
    duty_people,
    first_commander,
    taken_moments,
    unanswered_handovers,
)
from generator.model.rotation import Rotation
from generator.model.timing import format_duration, format_time
from generator.problems import Level, Problem

RULES = RuleList()


def rota_of(ctx: CheckContext) -> Rotation | None:
    """The rotation whose person on duty commands incidents (statusbook.yml's commander_rotation), if the portal has it."""
    return commander_rotation(ctx.corpus.rotations, ctx.corpus.site.commander_rotation)


def judged(incident: Incident) -> bool:
    """Whether the rota rules judge a record: a live incident, not a maintenance window or an import."""
    return incident.type == "incident" and not incident.is_imported


def commander_field(incident: Incident) -> tuple:
    """The field that names the first commander: the first handoff's from, else commander."""
    return ("handoffs", 0, "from") if incident.handoffs else ("commander",)


def who(people: tuple[str, ...]) -> str:
    """Name the person on duty and their backup, such as "julia on duty, bruno backup"."""
    return ", ".join(f"{person} {role}" for person, role in zip(people, ("on duty", "backup")))


@RULES.incident_rule("O410", "commander-off-rota", Level.WARNING, kinds=("incident",))
def commander_off_rota(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 whose first commander was neither the incident manager on duty (nor their backup) when it started, was detected or was acknowledged, and was not handed to whoever was on duty then. The incident manager commands every major incident and is paged for it: hand it to them (`statusbook incident handoff`); `statusbook incident new` names them commander by default. The rotation is `commander_rotation` in statusbook.yml (default `incident-managers`); incidents outside its shifts and imported records are not judged."""
    rotation = rota_of(ctx)
    if rotation is None or not judged(incident) or not ctx.corpus.site.is_major(incident.severity):
        return
    if commander_on_rota(rotation, incident) is not False:
        return
    moment = min(taken_moments(incident))
    on_duty = duty_people(rotation, moment)
    message = (f"first commander {first_commander(incident)} was not on duty in {rotation.id} when the incident began "
               f"({format_time(moment)}: {who(on_duty)}) nor when it was taken; the incident manager on duty commands "
               f"a {incident.severity}" + ("; page them next time" if incident.is_closed else
                                           f": hand it over (statusbook incident handoff {incident.id} --to {on_duty[0]})"))
    yield Problem(incident.path, message, commander_field(incident))


@RULES.incident_rule("O411", "rota-handover-unanswered", Level.WARNING, kinds=("incident",))
def rota_handover_unanswered(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """At a handover of the incident-manager rotation (`commander_rotation` in statusbook.yml), the outgoing incident manager still owned this open incident and neither handed it over nor kept it. Within 2 hours of the handover, either hand it to the incoming incident manager (`statusbook incident handoff`) or record that you keep it (`statusbook incident keep ID --note ...`, a `keeps` entry), so the new shift knows whose it is. Imported records are not judged."""
    rotation = rota_of(ctx)
    if rotation is None or not judged(incident):
        return
    for handover in unanswered_handovers(rotation, incident, ctx.now):
        message = (f"{handover.outgoing} still owned this open incident at the {rotation.id} handover to "
                   f"{handover.incoming} ({format_time(handover.at)}); within {format_duration(HANDOVER_WINDOW)} of it, "
                   f"hand it over (statusbook incident handoff {incident.id} --to {handover.incoming}) or keep it "
                   f"(statusbook incident keep {incident.id} --note ...)")
        yield Problem(incident.path, message, ("commander",))
