"""Tests of how process rules treat records imported from another system."""

from __future__ import annotations

from datetime import timedelta

from generator.model.incident import Imported, Update
from tests.checks.factories import at, context, handled_incident, run

ORIGIN = Imported("statuspage", "p31zjtct2jer", "https://stspg.io/p31zjtct2jer")


def historic(**fields):
    """Build an imported SEV1 incident without commander or next-update commitments."""
    updates = (Update(at("2026-06-01T10:12Z"), "investigating", "Looking."), Update(at("2026-06-01T10:30Z"), "resolved", "Fixed."))
    values = dict(severity="SEV1", commander=None, acknowledged=None, mitigated=None, mitigation=None,
                  resolved=at("2026-06-01T10:30Z"), updates=updates, imported=ORIGIN)
    return handled_incident(**{**values, **fields})


def test_imported_records_skip_live_process_rules() -> None:
    """An imported record needs no commander, next-update commitments or postmortem."""
    ctx = context(incidents=[historic()])
    assert [p for code in ("O401", "I305", "P601") for p in run(code, ctx)] == []


def test_the_same_record_not_imported_is_judged() -> None:
    """Without the imported marker the same record breaks each of those rules."""
    ctx = context(incidents=[historic(imported=None)])
    assert [code for code in ("O401", "I305", "P601") if run(code, ctx)] == ["O401", "I305", "P601"]


def test_a_given_next_update_must_still_follow_its_update() -> None:
    """A commitment an imported record does make is still judged."""
    updates = (Update(at("2026-06-01T10:12Z"), "investigating", "Looking.", at("2026-06-01T10:12Z") - timedelta(minutes=1)),
               Update(at("2026-06-01T10:30Z"), "resolved", "Fixed."))
    (problem,) = run("I305", context(incidents=[historic(updates=updates)]))
    assert problem.field == ("updates", 0, "next_update")
