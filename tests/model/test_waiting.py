"""Tests of the words that say an update waits on someone."""

from __future__ import annotations

from generator.model.incident import Update, WaitingOn
from generator.model.waiting import BLOCKED_WORDS, blocked_words, unnamed_wait
from tests.checks.factories import at


def test_blocked_words_are_whole_words_in_any_case_and_spacing() -> None:
    """Each listed word is found once, lower-cased, in order; parts of other words are not."""
    assert BLOCKED_WORDS == ("blocked", "waiting on", "waiting for")
    assert blocked_words("BLOCKED. Waiting\non them, waiting on them, waiting for us.") == ["blocked", "waiting on", "waiting for"]
    assert blocked_words("Unblocked, waitingfor, awaiting, we are waiting.") == []


def test_naming_who_clears_the_wait() -> None:
    """An update with waiting_on is not an unnamed wait."""
    update = Update(at("2026-06-01T10:00Z"), "identified", "Blocked on the provider.")
    assert unnamed_wait(update) == ["blocked"]
    assert unnamed_wait(Update(update.at, update.status, update.message, waiting_on=WaitingOn("the provider"))) == []
