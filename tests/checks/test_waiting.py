"""Tests of the waiting rule I312: an update that says it is blocked names who it waits on."""

from __future__ import annotations

from generator.model.incident import Imported, Update, WaitingOn
from generator.problems import Level
from tests.checks.factories import context, handled_incident, run


def saying(message: str, waiting: WaitingOn | None = None, **fields):
    """Build the handled incident whose first update says ``message``."""
    first, *rest = handled_incident().updates
    said = Update(first.at, first.status, message, first.next_update, "alice", waiting)
    return handled_incident(updates=(said, *rest), **fields)


def judge(*incidents) -> list:
    """Run I312 over the given incidents."""
    return run("I312", context(incidents=list(incidents)))


def test_a_blocked_update_without_waiting_on_is_a_warning_at_its_message() -> None:
    """Each waiting word is named once, in order, whatever its case and spacing."""
    (problem,) = judge(saying("We are Blocked: waiting  for the provider, still waiting for them."))
    assert (problem.code, problem.level, problem.field) == ("I312", Level.WARNING, ("updates", 0, "message"))
    assert problem.message.startswith("message says 'blocked' and 'waiting for' but the update does not name who in 'waiting_on'")


def test_naming_who_or_not_being_blocked_passes() -> None:
    """waiting_on names the party; unblocked and 'waiting' alone are not the listed words; imported records are exempt."""
    assert judge(
        saying("Waiting on our cloud provider.", WaitingOn("our cloud provider")),
        saying("The queue is unblocked; we keep waiting."),
        saying("Blocked by the provider.", imported=Imported("statuspage", "abc")),
    ) == []
