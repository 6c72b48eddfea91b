"""Tests of the plain wording rule B703: vague status words in updates and handoffs."""

from __future__ import annotations

import pytest

from generator.checks.plain_wording import vague_pattern
from generator.model.incident import Handoff, Imported, Update
from generator.problems import Level
from tests.checks.factories import at, context, handled_incident, maintenance, run, site


def said(*messages: str, **fields):
    """Build an incident whose updates say ``messages``, the last one resolving it."""
    updates = [Update(at(f"2026-06-01T10:{10 + i:02d}Z"), "monitoring", text, at("2026-06-01T11:00Z")) for i, text in enumerate(messages)]
    updates.append(Update(at("2026-06-01T11:00Z"), "resolved", "Resolved."))
    return handled_incident(updates=tuple(updates), **fields)


def vague(*incidents, **site_fields) -> list:
    """Run B703 over the given incidents, with a site built from ``site_fields``."""
    return run("B703", context(incidents=list(incidents), site=site(**site_fields)))


def test_plain_records_pass() -> None:
    """Updates that state facts produce nothing."""
    assert vague(handled_incident(), maintenance(), said("Error rate below 0.1% for 30 minutes, checked by bob.")) == []


@pytest.mark.parametrize("text", ["It seems fixed.", "Should  be\nfine now.", "Probably the cache.", "Looks better.", "HOPEFULLY done."])
def test_each_default_word_is_a_warning_at_the_message(text: str) -> None:
    """Each default word, in any case and spacing, is reported at the update's message."""
    (problem,) = vague(said(text))
    assert (problem.code, problem.level, problem.field) == ("B703", Level.WARNING, ("updates", 0, "message"))
    assert "state what was verified and by whom" in problem.message


def test_one_warning_per_text_names_every_word_once() -> None:
    """A message with several vague words gets one warning that names each once."""
    (problem,) = vague(said("It seems fixed and probably stays fixed; Seems so."))
    assert "says 'seems' and 'probably', which is vague" in problem.message


def test_words_inside_other_words_are_not_vague() -> None:
    """Only whole words count: "seemsless" and "improbably" are not "seems" and "probably"."""
    assert vague(said("A seemsless switch, improbably fast.")) == []


def test_handoff_status_is_checked() -> None:
    """A handoff's status is reported at its field."""
    handoff = Handoff(at("2026-06-01T10:30Z"), "alice", "bob", "Probably the load balancer.", "Watch it.", at("2026-06-01T11:00Z"),
                      at("2026-06-01T10:31Z"))
    (problem,) = vague(handled_incident(handoffs=(handoff,)))
    assert problem.field == ("handoffs", 0, "status") and "handoffs[0].status says 'Probably'" in problem.message


def test_portal_word_list_replaces_the_default() -> None:
    """vague_words in statusbook.yml replaces the list; an empty list finds nothing."""
    record = said("It seems fixed, fingers crossed.")
    (problem,) = vague(record, vague_words=("fingers crossed",))
    assert "'fingers crossed'" in problem.message and "seems" not in problem.message.split(",")[0]
    assert vague(record, vague_words=()) == []


def test_imported_records_are_exempt() -> None:
    """Words written in another system are not judged."""
    assert vague(said("It seems fixed.", imported=Imported("statuspage", "abc"))) == []


def test_pattern_prefers_the_longest_phrase() -> None:
    """Of overlapping words, the longer phrase is the one named."""
    pattern = vague_pattern(("should", "should be fine"))
    assert pattern.search("It should be fine.").group(0) == "should be fine"
    assert vague_pattern(("  ",)) is None
