"""Tests of I316 wrap-up: the resolving update of an incident that needs a postmortem names its due time and the prevention."""

from __future__ import annotations

from generator.model.incident import Imported, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, maintenance, run

INVESTIGATING = Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z"))
MONITORING = Update(at("2026-06-01T10:40Z"), "monitoring", "Rolled back.", at("2026-06-01T11:10Z"))


def wrapped(postmortem_due: str | None = "2026-06-03T11:00Z", prevention: str | None = "A canary stage.", **fields):
    """A resolved SEV2 whose wrap-up says what is given."""
    due = at(postmortem_due) if postmortem_due else None
    wrap = Update(at("2026-06-01T11:00Z"), "resolved", "Fixed.", postmortem_due=due, prevention=prevention)
    return handled_incident(updates=(INVESTIGATING, MONITORING, wrap), **fields)


def wrap_up(*incidents) -> list:
    """Run I316 over the given incidents."""
    return run("I316", context(incidents=list(incidents)))


def test_a_full_wrap_up_and_severities_without_postmortem_pass() -> None:
    """Both fields named, a SEV3 (no postmortem required) without them, maintenance and an open incident pass."""
    open_one = handled_incident(status="monitoring", resolved=None, updates=(INVESTIGATING, MONITORING))
    assert wrap_up(wrapped(), handled_incident(severity="SEV3"), maintenance(), open_one) == []


def test_a_missing_prevention_is_a_warning_at_the_resolving_status() -> None:
    """The warning sits at the wrap-up's status and says the postmortem's due time."""
    (problem,) = wrap_up(wrapped(prevention=None))
    assert (problem.code, problem.level, problem.field) == ("I316", Level.WARNING, ("updates", 2, "status"))
    assert "does not say how recurrence is prevented (prevention)" in problem.message
    assert "the postmortem is due by 2026-06-03T11:00Z" in problem.message


def test_a_wrap_up_with_neither_names_both() -> None:
    """Neither field: both are named, the due date first."""
    (problem,) = wrap_up(handled_incident())
    assert "when the postmortem is due (postmortem_due) or how recurrence is prevented (prevention)" in problem.message


def test_imported_records_are_exempt() -> None:
    """A record imported from Statuspage kept its wrap-up elsewhere."""
    assert wrap_up(handled_incident(imported=Imported("statuspage", "abc"))) == []
