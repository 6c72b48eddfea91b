"""Blameless wording: postmortems and incident notes describe systems, not who erred."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from generator.model.folding import ascii_stems, mentions_any
from generator.checks.rules import CheckContext, RuleList
from generator.model.postmortem import Postmortem
from generator.model.site import Person
from generator.problems import Level, Problem

RULES = RuleList()

BLAME_PHRASES = (
    r"human\s+error",
    r"careless(?:ness)?",
    r"should\s+have\s+known",
    r"forgot\s+to",
    r"negligen(?:t|ce)",
    r"fault\s+of",
    r"blam(?:e[ds]?|ing)",
    r"incompetent",
    r"sloppy",
)
BLAME = re.compile(r"\b(?:" + "|".join(BLAME_PHRASES) + r")\b", re.IGNORECASE)
# A word each blaming phrase begins with: a text holding none of them (folded) cannot match BLAME.
BLAME_STEMS = ("human", "careless", "should", "forgot", "negligen", "fault", "blam", "incompetent", "sloppy")
ADVICE = "use blameless wording: describe what the system allowed, not who erred"


def position(body: str, offset: int, body_line: int) -> tuple[int, int]:
    """Return the file line and 1-based column of an offset into a body that starts at ``body_line``."""
    before = body[:offset]
    return body_line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1


def blame_in_body(path: str, body: str, body_line: int) -> Iterator[Problem]:
    """Yield a finding for each blaming phrase in a Markdown body."""
    if not mentions_any(BLAME_STEMS, body):
        return
    for match in BLAME.finditer(body):
        line, column = position(body, match.start(), body_line)
        phrase = " ".join(match.group(0).split())
        yield Problem(path, f"'{phrase}' assigns blame; {ADVICE}", line=line, column=column)


def blame_in_items(postmortem: Postmortem) -> Iterator[Problem]:
    """Yield a finding for each blaming phrase in an action item title."""
    for index, item in enumerate(postmortem.action_items):
        for match in BLAME.finditer(item.title):
            phrase = " ".join(match.group(0).split())
            message = f"action item title says '{phrase}', which assigns blame; {ADVICE}"
            yield Problem(postmortem.path, message, ("action_items", index, "title"))


@RULES.rule("B701", "blame-wording", Level.WARNING)
def blame_wording(ctx: CheckContext) -> Iterator[Problem]:
    """Postmortems, incident notes and action item titles use blaming words such as "human error", "careless", "should have known" or "forgot to". Postmortems are blameless: describe what the system allowed to happen and how to make it safer, not who erred."""
    for incident in ctx.corpus.incidents:
        yield from blame_in_body(incident.path, incident.body, incident.body_line)
    for postmortem in ctx.corpus.postmortems:
        yield from blame_in_body(postmortem.path, postmortem.body, postmortem.body_line)
        yield from blame_in_items(postmortem)


def first_name(person: Person) -> str:
    """Return the first word of a person's name."""
    words = person.name.split()
    return words[0] if words else ""


def person_patterns(people: tuple[Person, ...]) -> list[tuple[re.Pattern, Person]]:
    """Return patterns for each person's id, full name and, when unique, first name."""
    firsts = Counter(first_name(person) for person in people)
    patterns = []
    for person in people:
        patterns.append((re.compile(rf"(?<![\w-]){re.escape(person.id)}(?![\w-])"), person))
        words = person.name.split()
        if len(words) > 1:
            full = r"\s+".join(re.escape(word) for word in words)
            patterns.append((re.compile(rf"(?<!\w){full}(?!\w)", re.IGNORECASE), person))
        if words and firsts[words[0]] == 1:
            patterns.append((re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)"), person))
    return patterns


def name_matches(text: str, patterns: list[tuple[re.Pattern, Person]]) -> list[tuple[int, int, Person]]:
    """Return non-overlapping mentions of people in text, longest first at each position."""
    found = sorted(
        ((m.start(), -m.end(), person) for pattern, person in patterns for m in pattern.finditer(text)),
        key=lambda hit: hit[:2],
    )
    kept: list[tuple[int, int, Person]] = []
    for start, negative_end, person in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, -negative_end, person))
    return kept


def section_lines(postmortem: Postmortem, title: str) -> range | None:
    """Return the file lines of a section's text, after its heading and before the next one."""
    section = postmortem.section(title)
    if section is None:
        return None
    later = [other.line for other in postmortem.sections if other.line > section.line]
    return range(section.line + 1, min(later, default=section.line + postmortem.body.count("\n") + 2))


def section_text(postmortem: Postmortem, title: str) -> tuple[str, int] | None:
    """Return a section's text below its heading and the file line it starts on."""
    lines = section_lines(postmortem, title)
    if lines is None:
        return None
    body_lines = postmortem.body.split("\n")
    first = lines.start - postmortem.body_line
    return "\n".join(body_lines[first : lines.stop - postmortem.body_line]), lines.start


@RULES.rule("B702", "person-as-root-cause", Level.WARNING)
def person_as_root_cause(ctx: CheckContext) -> Iterator[Problem]:
    """The Root cause section names a person (by id, full name or unique first name). A root cause is a condition of the system or process, never a person: describe what allowed the failure."""
    patterns = person_patterns(ctx.corpus.people)
    if not patterns:
        return
    anyone = re.compile("|".join(pattern.pattern for pattern, _ in patterns), re.IGNORECASE)
    stems = ascii_stems(tuple(name for person in ctx.corpus.people for name in (person.id, person.name)))
    for postmortem in ctx.corpus.postmortems:
        section = postmortem.section("Root cause")  # its text is stripped, and mentions the same people
        if section is None or stems is not None and not mentions_any(stems, section.text) or not anyone.search(section.text):
            continue
        text, first_line = section_text(postmortem, "Root cause")
        for start, end, person in name_matches(text, patterns):
            line, column = position(text, start, first_line)
            message = f"Root cause names a person: '{text[start:end]}' ({person.id}); describe the conditions that allowed the failure, not who erred"
            yield Problem(postmortem.path, message, line=line, column=column)
