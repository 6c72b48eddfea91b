"""Plain wording: status updates and handoffs say what was verified, not what someone hopes."""

from __future__ import annotations

import re
from typing import Iterator

from generator.model.folding import ascii_stems, mentions_any
from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.problems import FieldPath, Level, Problem, field_name

RULES = RuleList()

ADVICE = 'state what was verified and by whom, such as "error rate below 0.1% for 30 minutes, checked by bruno"'


def vague_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """Return a pattern that finds any of the words as whole words, across any spacing, or None for no words."""
    phrases = [r"\s+".join(re.escape(part) for part in word.split()) for word in words if word.split()]
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


def status_texts(incident: Incident) -> Iterator[tuple[FieldPath, str]]:
    """Yield each update message and handoff status with its field."""
    for index, update in enumerate(incident.updates):
        yield ("updates", index, "message"), update.message
    for index, handoff in enumerate(incident.handoffs):
        yield ("handoffs", index, "status"), handoff.status


def found_words(pattern: re.Pattern, text: str) -> list[str]:
    """Return the distinct vague words in a text as first written, in the order they appear; case does not count."""
    words: dict[str, str] = {}
    for match in pattern.finditer(text):
        word = " ".join(match.group(0).split())
        words.setdefault(word.lower(), word)
    return list(words.values())


@RULES.rule("B703", "vague-wording", Level.WARNING)
def vague_wording(ctx: CheckContext) -> Iterator[Problem]:
    """An update message or a handoff status uses a vague status word: "seems", "should be fine", "probably", "looks better" or "hopefully" by default, or the list in `vague_words` in statusbook.yml. Readers and the next owner need facts: state what was verified and by whom, such as "error rate below 0.1% for 30 minutes, checked by bruno". Imported records are exempt."""
    pattern = vague_pattern(ctx.corpus.site.vague_words)
    if pattern is None:
        return
    stems = ascii_stems(ctx.corpus.site.vague_words)
    for incident in ctx.corpus.incidents:
        if incident.is_imported:
            continue
        for where, text in status_texts(incident):
            if stems is not None and not mentions_any(stems, text):
                continue
            words = found_words(pattern, text)
            if words:
                quoted = " and ".join(f"'{word}'" for word in words)
                yield Problem(incident.path, f"{field_name(where)} says {quoted}, which is vague; {ADVICE}", where)
