"""The rota behind the commander: the incident manager on duty commands, and hands over open incidents at each shift change."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.ownership import first_owner
from generator.model.rota import (
    HANDOVER_WINDOW,
    Handover,
    RotaIndex,
    commander_on_rota,
    commander_rotation,
    taken_moments,
    unanswered_handovers,
)
from generator.model.timing import format_duration, format_time
from generator.problems import Level, Problem

RULES = RuleList()


def rota_of(ctx: CheckContext) -> RotaIndex | None:
    """The rotation whose person on duty commands incidents, indexed once per validation for every rota rule."""
    return ctx.once("commander rota", commander_rota)


def commander_rota(ctx: CheckContext) -> RotaIndex | None:
    """The rotation whose person on duty commands incidents (statusbook.yml's commander_rotation), indexed, if the portal has it."""
    rotation = commander_rotation(ctx.corpus.rotations, ctx.corpus.site.commander_rotation)
    return RotaIndex(rotation) if rotation is not None else None


def judged(ctx: CheckContext) -> Iterator[Incident]:
    """The records the rota rules judge: live incidents, not maintenance windows or imports."""
    return (i for i in ctx.corpus.incidents if i.type == "incident" and not i.is_imported)


def commander_field(incident: Incident) -> tuple:
    """The field that names the first commander: the first handoff's from, else commander."""
    return ("handoffs", 0, "from") if incident.handoffs else ("commander",)


def who(people: tuple[str, ...]) -> str:
    """Name the person on duty and their backup, such as "julia on duty, bruno backup"."""
    return ", ".join(f"{person} {role}" for person, role in zip(people, ("on duty", "backup")))


@RULES.rule("O410", "commander-off-rota", Level.WARNING)
def commander_off_rota(ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 whose first commander was neither the incident manager on duty (nor their backup) when it started, was detected or was acknowledged, and was not handed to whoever was on duty then. The incident manager commands every major incident and is paged for it: hand it to them (`statusbook incident handoff`); `statusbook incident new` names them commander by default. The rotation is `commander_rotation` in statusbook.yml (default `incident-managers`); incidents outside its shifts and imported records are not judged."""
    rota = rota_of(ctx)
    if rota is None:
        return
    for incident in judged(ctx):
        if ctx.corpus.site.is_major(incident.severity) and commander_on_rota(rota, incident) is False:
            yield off_rota(rota, incident)


def off_rota(rota: RotaIndex, incident: Incident) -> Problem:
    """Report a major incident whose first commander was off the rota, naming who was on duty when it began (or was first covered)."""
    moment = next(m for m in sorted(taken_moments(incident)) if rota.duty_people(m))
    on_duty = rota.duty_people(moment)
    message = (f"first commander {first_owner(incident)} was not on duty in {rota.rotation.id} when the incident began "
               f"({format_time(moment)}: {who(on_duty)}) nor when it was taken; the incident manager on duty commands "
               f"a {incident.severity}" + ("; page them next time" if incident.is_closed else
                                           f": hand it over (statusbook incident handoff {incident.id} --to {on_duty[0]})"))
    return Problem(incident.path, message, commander_field(incident))


@RULES.rule("O411", "rota-handover-unanswered", Level.WARNING)
def rota_handover_unanswered(ctx: CheckContext) -> Iterator[Problem]:
    """At a handover of the incident-manager rotation (`commander_rotation` in statusbook.yml), the outgoing incident manager still owned this open incident and neither handed it over nor kept it. Within 2 hours of the handover, either hand it to the incoming incident manager (`statusbook incident handoff`) or record that you keep it (`statusbook incident keep ID --note ...`, a `keeps` entry), so the new shift knows whose it is. Imported records are not judged."""
    rota = rota_of(ctx)
    if rota is None:
        return
    for incident in judged(ctx):
        for handover in unanswered_handovers(rota, incident, ctx.now):
            yield unanswered(rota, incident, handover)


def unanswered(rota: RotaIndex, incident: Incident, handover: Handover) -> Problem:
    """Report a handover the outgoing owner let pass, with the two commands that answer it."""
    message = (f"{handover.outgoing} still owned this open incident at the {rota.rotation.id} handover to "
               f"{handover.incoming} ({format_time(handover.at)}); within {format_duration(HANDOVER_WINDOW)} of it, "
               f"hand it over (statusbook incident handoff {incident.id} --to {handover.incoming}) or keep it "
               f"(statusbook incident keep {incident.id} --note ...)")
    return Problem(incident.path, message, ("commander",))
