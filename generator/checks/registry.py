"""Every rule module, registered explicitly: the validator runs the rules they declare, at the portal's levels."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from generator.checks import (
    action_items,
    addresses,
    authorship,
    blameless,
    burden,
    decisions,
    escalations,
    identity,
    links,
    milestones,
    moments,
    ownership,
    parallel,
    pauses,
    plain_wording,
    postmortems,
    references,
    rota,
    rotations,
    targets,
    theme,
    triage,
    updates,
    verification,
    waiting,
    wrap_up,
)
from generator.checks.rules import CheckContext, Rule
from generator.checks.settings import OFF, rule_levels
from generator.model.corpus import Corpus
from generator.problems import Problem

RULE_MODULES = (
    identity,
    addresses,
    references,
    milestones,
    moments,
    links,
    triage,
    updates,
    authorship,
    waiting,
    verification,
    wrap_up,
    decisions,
    escalations,
    ownership,
    pauses,
    parallel,
    rota,
    targets,
    postmortems,
    action_items,
    blameless,
    plain_wording,
    rotations,
    burden,
    theme,
)


def all_rules() -> list[Rule]:
    """Return the rules of every registered module, sorted by code."""
    return sorted((rule for module in RULE_MODULES for rule in module.RULES), key=lambda r: r.code)


def run_checks(corpus: Corpus, now: datetime) -> list[Problem]:
    """Run every rule over the corpus at the level the portal sets for it, and report the portal's invalid settings."""
    return settings_problems(corpus) + checked(corpus, now, all_rules())


def settings_problems(corpus: Corpus) -> list[Problem]:
    """What is wrong with the portal's `checks:` settings (S013)."""
    return rule_levels(all_rules(), corpus)[1]


def checked(corpus: Corpus, now: datetime, rules: Iterable[Rule]) -> list[Problem]:
    """Run the given rules over the corpus at the level the portal sets for each, skipping those it turns off."""
    levels, _ = rule_levels(all_rules(), corpus)
    ctx = CheckContext(corpus, now)
    problems: list[Problem] = []
    for rule in rules:
        level = levels.get(rule.code, rule.level)
        if level != OFF:
            problems.extend(rule.run(ctx, level))
    return problems
