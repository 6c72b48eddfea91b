"""Tests of the pause rules: I313 (without cover, the next update says when the owner is back) and I314 (well formed)."""

from __future__ import annotations

from generator.model.incident import Pause
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, run


def paused(*pauses: Pause, **fields):
    """Build the handled incident (updates 10:12 committing 10:42, 10:40 committing 11:10, 11:00 resolved) with pauses."""
    return handled_incident(pauses=pauses, **fields)


def pause(start: str, until: str, cover: str | None = None) -> Pause:
    """Build a pause on 2026-06-01 from ``start`` until ``until`` (HH:MM UTC)."""
    return Pause(at(f"2026-06-01T{start}Z"), at(f"2026-06-01T{until}Z"), cover)


def judge(code: str, *incidents) -> list:
    """Run one pause rule over the given incidents."""
    return run(code, context(incidents=list(incidents)))


def test_an_update_during_an_uncovered_pause_must_commit_past_its_end() -> None:
    """The 10:40 update is posted during the 10:30-11:20 pause and commits to 11:10: reported at its next_update."""
    (problem,) = judge("I313", paused(pause("10:30", "11:20")))
    assert (problem.code, problem.level, problem.field) == ("I313", Level.WARNING, ("updates", 1, "next_update"))
    assert problem.message == ("posted while alice is paused without cover (2026-06-01T10:30Z to 2026-06-01T11:20Z) but commits "
                               "to the next update at 2026-06-01T11:10Z, before they are back; commit to 2026-06-01T11:20Z or later")


def test_a_commitment_falling_due_in_a_silent_pause_is_reported_at_the_pause() -> None:
    """No update during 10:20-10:50 while the 10:12 update's commitment of 10:42 falls due: reported at the pause."""
    first, _, last = handled_incident().updates
    (problem,) = judge("I313", paused(pause("10:20", "10:50"), updates=(first, last)))
    assert problem.field == ("pauses", 0)
    assert problem.message == ("alice paused without cover (2026-06-01T10:20Z to 2026-06-01T10:50Z) while updates[0] commits to "
                               "the next update at 2026-06-01T10:42Z; post an update that commits to 2026-06-01T10:50Z or later, "
                               "or name a cover")


def test_cover_a_long_enough_commitment_or_a_final_update_passes() -> None:
    """Cover, a commitment at the pause's end, an overdue commitment and a resolving update during the pause pass."""
    assert judge("I313", paused(pause("10:30", "11:20", cover="bob")), paused(pause("10:35", "11:10")),
                 paused(pause("10:50", "10:59")), paused(pause("10:59", "11:30"))) == []


def test_malformed_pauses_are_errors_at_their_field() -> None:
    """A pause that ends before it begins, begins after resolution, or is covered by the owner who pauses."""
    problems = judge("I314", paused(pause("10:30", "10:30"), pause("11:05", "11:30"), pause("10:20", "10:25", cover="alice")))
    assert [(p.level, p.field) for p in problems] == [
        (Level.ERROR, ("pauses", 0, "until")), (Level.ERROR, ("pauses", 1, "at")), (Level.ERROR, ("pauses", 2, "cover"))]
    assert judge("I314", paused(pause("10:30", "10:50", cover="bob"))) == []
