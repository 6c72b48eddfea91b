"""The portal's rule levels from the checks: section of statusbook.yml; an unknown code or level is problem S013."""

from __future__ import annotations

from typing import Iterable

from generator.checks.rules import Rule
from generator.model.corpus import Corpus
from generator.model.site import RULE_LEVELS
from generator.problems import Level, Problem, did_you_mean, error

OFF = "off"
LEVELS: dict[str, Level | str] = {"error": Level.ERROR, "warning": Level.WARNING, OFF: OFF}
CHOICES = f"{', '.join(RULE_LEVELS[:-1])} or {RULE_LEVELS[-1]}"


def rule_levels(rules: Iterable[Rule], corpus: Corpus) -> tuple[dict[str, Level | str], list[Problem]]:
    """Return the level the portal sets for each rule code it names, and a problem for every entry that cannot be used."""
    known = {rule.code: rule for rule in rules}
    levels: dict[str, Level | str] = {}
    problems = []
    for code, word in corpus.site.rule_levels:
        problem = entry_problem(code, word, known, corpus.config_path)
        if problem is None:
            levels[code] = LEVELS[word]
        else:
            problems.append(problem)
    return levels, problems


def entry_problem(code: str, word: str, known: dict[str, Rule], path: str) -> Problem | None:
    """Say what is wrong with one entry of checks:, or None when it can be used."""
    where = ("checks", code)
    if code not in known:
        message = f"checks: '{code}' is not a rule code{did_you_mean(code, known)}; the rules are listed in the rules reference"
        return error(path, "S013", message, where, at_key=True)
    if word not in LEVELS:
        return error(path, "S013", f"checks.{code}: '{word}' is not a level; expected {CHOICES}{did_you_mean(word, LEVELS)}", where)
    if known[code].level is Level.ERROR and word != "error":
        message = (f"checks.{code}: {code} ({known[code].name}) is an error rule, which stays an error: records that break "
                   f"it are not built; only a warning rule can be raised to error or turned off")
        return error(path, "S013", message, where)
    return None
