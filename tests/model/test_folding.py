"""Folding lets through every text a case-insensitive pattern of ASCII words matches, so a rule may skip the rest."""

from __future__ import annotations

import re
import string
import sys

import pytest

from generator.checks.blameless import BLAME, BLAME_STEMS
from generator.model.folding import ascii_stems, folded, mentions_any
from generator.checks.plain_wording import vague_pattern
from generator.model.waiting import _BLOCKED, blocked_words

EVERY_CHARACTER = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def test_every_character_ignorecase_matches_to_an_ascii_letter_folds_to_that_letter():
    matching = {match.group() for match in re.finditer("(?i)[a-z]", EVERY_CHARACTER)}
    assert matching - set(string.ascii_letters) == {"\u0130", "\u0131", "\u017f", "\u212a"}  # İ ı ſ K
    for character in matching:
        letter = next(x for x in string.ascii_lowercase if re.fullmatch(x, character, re.IGNORECASE))
        assert folded(character) == letter, hex(ord(character))


@pytest.mark.parametrize("text", [
    "It was HUMAN\u00a0ERROR.", "Human\n  error", "ſloppy work", "İncompetent", "blamıng the team", "Negligence",
    "FORGOT TO renew", "the fault of the deploy", "ſhould have known", "\u212aeine Ahnung, blamed", "Strasse careless",
])
def test_a_text_the_blame_pattern_matches_mentions_a_stem(text):
    assert BLAME.search(text)
    assert mentions_any(BLAME_STEMS, text)


def test_every_blaming_phrase_begins_with_a_stem():
    for phrase in ("human error", "carelessness", "should have known", "forgot to", "negligent", "fault of",
                   "blamed", "blaming", "incompetent", "sloppy"):
        assert BLAME.fullmatch(phrase) and any(phrase.startswith(stem) for stem in BLAME_STEMS)


@pytest.mark.parametrize("text", ["It SEEMS fine", "should\tbe FINE", "Hopefully ſoon", "Probably", "LOOKS  better"])
def test_a_text_with_a_vague_word_mentions_its_first_word(text):
    words = ("seems", "should be fine", "probably", "looks better", "hopefully")
    assert vague_pattern(words).search(text) and mentions_any(ascii_stems(words), text)


def test_words_that_are_not_ascii_are_always_matched_by_their_pattern():
    assert ascii_stems(("vermutlich", "größtenteils")) is None
    assert ascii_stems(("should be fine", " ", "seems")) == ("should", "seems")


def test_a_text_without_any_stem_is_skipped():
    assert not mentions_any(BLAME_STEMS, "Rolled back the deploy; error rate below 0.1% for 30 minutes, checked by bruno.")


@pytest.mark.parametrize("text", ["BLOCKED by the vendor", "Waiting\u00a0on AWS", "waıting for DNS", "ſtill blocked"])
def test_a_message_that_says_it_waits_is_found(text):
    assert _BLOCKED.search(text) and blocked_words(text)
