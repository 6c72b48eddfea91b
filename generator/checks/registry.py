"""Every rule module, registered explicitly: the validator runs the rules they declare."""

from __future__ import annotations

from datetime import datetime

from generator.checks import (
    addresses,
    blameless,
    identity,
    milestones,
    moments,
    ownership,
    postmortems,
    references,
    rotations,
    targets,
    theme,
    updates,
)
from generator.checks.rules import CheckContext, Rule
from generator.model.corpus import Corpus
from generator.problems import Problem

RULE_MODULES = (
    identity,
    addresses,
    references,
    milestones,
    moments,
    updates,
    ownership,
    targets,
    postmortems,
    blameless,
    rotations,
    theme,
)


def all_rules() -> list[Rule]:
    """Return the rules of every registered module, sorted by code."""
    return sorted((rule for module in RULE_MODULES for rule in module.RULES), key=lambda r: r.code)


def run_checks(corpus: Corpus, now: datetime) -> list[Problem]:
    """Run every rule over the corpus and collect all problems."""
    ctx = CheckContext(corpus, now)
    return [problem for rule in all_rules() for problem in rule.run(ctx)]
