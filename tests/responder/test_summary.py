"""The words a responder command prints: due times, distances and the next commitment."""

from __future__ import annotations

from generator.clock import parse_now
from generator.responder.summary import due_text, next_commitment

NOW = parse_now("2026-11-23T18:00:00Z")


def test_due_text_names_the_day_only_when_it_is_not_today() -> None:
    """Today's hour alone, another day with its date, both with the distance from now."""
    assert due_text(parse_now("2026-11-23T19:30:00+01:00"), NOW) == "18:30 UTC (in 30 min)"
    assert due_text(parse_now("2026-11-24T09:00:00Z"), NOW) == "2026-11-24 09:00 UTC (in 15 h)"


def test_due_text_says_when_the_commitment_has_passed() -> None:
    """A time before now is overdue."""
    assert due_text(parse_now("2026-11-23T17:50:00Z"), NOW) == "17:50 UTC (10 min ago, overdue)"


def test_next_commitment_of_closed_open_and_uncommitted_records() -> None:
    """Closed: nothing due; open: the last update's next_update and a pending handoff; none committed: said so."""
    update = {"next_update": "2026-11-23T18:30:00Z"}
    handoff = {"to": "bruno"}
    assert next_commitment({"status": "resolved", "updates": [update]}, NOW) == "no further update due"
    assert next_commitment({"status": "identified", "updates": [update], "handoffs": [handoff]}, NOW) == (
        "next update due 18:30 UTC (in 30 min); handoff to bruno awaits 'incident ack'")
    assert next_commitment({"status": "identified", "updates": [{}]}, NOW) == "no next update committed"
