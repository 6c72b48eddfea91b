"""Tests of the rota rules O410 (first commander off the rota) and O411 (rota handover unanswered)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.checks import rota
from generator.checks.registry import checked
from generator.model.incident import Handoff, Imported, Keep, Update
from generator.model.rotation import Shift
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, rotation, run, site

# Handovers are Mondays at 09:00 Berlin: 07:00 UTC on 1 June 2026, from bob to alice.
ROTA = rotation(shifts=(Shift(date(2026, 5, 25), "bob"), Shift(date(2026, 6, 1), "alice", "carol")))


def judged(code: str, *incidents, **fields) -> list:
    """Run one rota rule over the incidents with the incident-manager rotation."""
    return run(code, context(incidents=list(incidents), rotations=[fields.pop("rota", ROTA)], **fields))


def handoff(at_text: str, from_person: str, to_person: str, acknowledged: str | None = None) -> Handoff:
    """Build a handoff with the given people and times."""
    acknowledged_at = at(acknowledged) if acknowledged else None
    return Handoff(at(at_text), from_person, to_person, "Status.", "Steps.", at("2026-06-01T12:00Z"), acknowledged_at)


def test_the_incident_manager_on_duty_or_their_backup_commands_without_warning() -> None:
    """Alice is on duty at 10:00 UTC on 1 June and carol is her backup: neither is off the rota."""
    assert judged("O410", handled_incident(), handled_incident("2026-06-01-db-errors", commander="carol")) == []


def test_a_major_incident_commanded_off_the_rota_is_a_warning_at_the_commander() -> None:
    """Bob commands a SEV2 while alice is on duty: a warning at commander naming who was on duty."""
    (problem,) = judged("O410", handled_incident(commander="bob"))
    assert (problem.code, problem.level, problem.field) == ("O410", Level.WARNING, ("commander",))
    assert "first commander bob was not on duty in incident-managers" in problem.message
    assert "(2026-06-01T10:00Z: alice on duty, carol backup)" in problem.message


def test_the_first_commander_is_the_first_handoff_giver() -> None:
    """After a handoff, the warning is about its giver, at handoffs[0].from."""
    record = handled_incident(commander="dave", handoffs=(handoff("2026-06-01T10:30Z", "bob", "dave", "2026-06-01T10:31Z"),))
    (problem,) = judged("O410", record)
    assert problem.field == ("handoffs", 0, "from")


def test_a_handoff_to_the_person_on_duty_explains_the_first_commander() -> None:
    """Bob took it and handed it to alice, on duty: nothing to report."""
    record = handled_incident(commander="alice", handoffs=(handoff("2026-06-01T10:30Z", "bob", "alice", "2026-06-01T10:31Z"),))
    assert judged("O410", record) == []


def test_a_commander_on_duty_when_the_incident_started_passes() -> None:
    """Started under bob's shift, acknowledged after the handover: bob was on duty when it began."""
    record = handled_incident(commander="bob", started=at("2026-06-01T06:30Z"), detected=at("2026-06-01T06:40Z"),
                              acknowledged=at("2026-06-01T07:10Z"))
    assert judged("O410", record) == []


def test_minor_imported_and_uncovered_incidents_are_not_judged() -> None:
    """A SEV3, an import, a time no shift covers and a portal without the rotation produce nothing."""
    records = (handled_incident(commander="bob", severity="SEV3"),
               handled_incident("2026-06-01-db-errors", commander="bob", imported=Imported("statuspage", "x")))
    early = handled_incident("2026-05-01-api-errors", commander="bob", started=at("2026-05-01T10:00Z"),
                             detected=at("2026-05-01T10:05Z"), acknowledged=at("2026-05-01T10:10Z"))
    assert judged("O410", *records, early) == []
    assert judged("O410", handled_incident(commander="bob"), rota=rotation("platform", shifts=ROTA.shifts)) == []


def test_the_commander_rotation_is_configurable() -> None:
    """With commander_rotation naming the platform rotation, its person on duty is the one judged against."""
    platform = rotation("platform", shifts=ROTA.shifts)
    (problem,) = judged("O410", handled_incident(commander="bob"), rota=platform, site=site(commander_rotation="platform"))
    assert "not on duty in platform" in problem.message


def held_over(**fields):
    """A SEV3 bob took at 06:00 UTC on 1 June, on duty, and resolved at 08:00, after the 07:00 handover to alice."""
    values = dict(severity="SEV3", commander="bob", started=at("2026-06-01T05:55Z"), detected=at("2026-06-01T06:00Z"),
                  acknowledged=at("2026-06-01T06:05Z"), mitigated=None, resolved=at("2026-06-01T08:00Z"),
                  updates=(Update(at("2026-06-01T06:10Z"), "investigating", "Investigating.", at("2026-06-01T08:10Z")),
                           Update(at("2026-06-01T08:00Z"), "resolved", "Fixed.")))
    values.update(fields)
    return handled_incident(**values)


def test_an_incident_held_over_a_handover_without_handoff_or_keep_is_a_warning() -> None:
    """Bob still owned it at the handover: a warning at commander naming both people and the time."""
    (problem,) = judged("O411", held_over())
    assert (problem.code, problem.level, problem.field) == ("O411", Level.WARNING, ("commander",))
    assert "bob still owned this open incident at the incident-managers handover to alice (2026-06-01T07:00Z)" in problem.message
    assert "statusbook incident keep 2026-06-01-api-errors" in problem.message


def test_a_keep_or_a_handoff_near_the_handover_answers_it() -> None:
    """A keep by bob 30 minutes after, or a handoff from him acknowledged after the handover, answers it."""
    kept = held_over(keeps=(Keep(at("2026-06-01T07:30Z"), "bob", "Resolving within the hour."),))
    handed = held_over(commander="alice", handoffs=(handoff("2026-06-01T06:55Z", "bob", "alice", "2026-06-01T07:05Z"),))
    assert judged("O411", kept, handed) == []


def test_a_keep_too_far_from_the_handover_or_by_someone_else_does_not_answer_it() -> None:
    """A keep 3 hours before, or one by alice, leaves the handover unanswered."""
    early = held_over(started=at("2026-06-01T03:00Z"), keeps=(Keep(at("2026-06-01T04:00Z"), "bob"),))
    other = held_over(incident_id="x", keeps=(Keep(at("2026-06-01T07:10Z"), "alice"),))
    assert [p.code for p in judged("O411", early, other)] == ["O411", "O411"]


def test_incidents_closed_before_owned_by_others_or_imported_are_not_judged() -> None:
    """Resolved before the handover, owned by alice (incoming), or imported: nothing to report."""
    closed = held_over(resolved=at("2026-06-01T06:50Z"), updates=(Update(at("2026-06-01T06:50Z"), "resolved", "Fixed."),))
    incoming = held_over(commander="alice")
    imported = held_over(imported=Imported("statuspage", "x"))
    assert judged("O411", closed, incoming, imported) == []


def test_an_open_incident_is_judged_at_handovers_up_to_now() -> None:
    """Still open at now, the incident is judged at the handover it has passed but not the next one."""
    still_open = held_over(status="investigating", resolved=None,
                           updates=(Update(at("2026-06-01T06:10Z"), "investigating", "Investigating.", at("2026-06-10T13:00Z")),))
    assert [p.code for p in judged("O411", still_open)] == ["O411"]


def test_the_rota_is_indexed_once_for_both_rota_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """O410 and O411 share one index of the commander rotation per validation."""
    indexed, index = [], rota.RotaIndex
    monkeypatch.setattr(rota, "RotaIndex", lambda rotation: indexed.append(rotation) or index(rotation))
    ctx = context(incidents=[handled_incident(commander="bob")], rotations=[ROTA])
    problems = checked(ctx.corpus, ctx.now, list(rota.RULES))
    assert [p.code for p in problems] == ["O410"] and indexed == [ROTA]
