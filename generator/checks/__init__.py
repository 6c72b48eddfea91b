"""Process checks: each rule is a documented function that yields findings about the corpus."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable, Iterator

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.problems import FieldPath, Level, Problem

RULE_MODULES = (
    "identity",
    "addresses",
    "references",
    "milestones",
    "moments",
    "updates",
    "ownership",
    "targets",
    "postmortems",
    "blameless",
    "rotations",
    "theme",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: which file, which field, and what is wrong."""

    path: str
    message: str
    field: FieldPath = ()
    at_key: bool = False
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What every rule may read: the corpus and the moment of judgement."""

    corpus: Corpus
    now: datetime


RuleFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented check with a stable code and a level."""

    code: str
    name: str
    level: Level
    function: RuleFunction

    @property
    def doc(self) -> str:
        """The rule's documentation: its function's docstring."""
        return (self.function.__doc__ or "").strip()

    def run(self, ctx: CheckContext) -> Iterator[Problem]:
        """Run the rule and turn its findings into problems."""
        for found in self.function(ctx):
            yield Problem(
                found.path, self.code, self.level, found.message, found.field, found.at_key, found.line, found.column
            )


RULES: list[Rule] = []


def rule(code: str, name: str, level: Level) -> Callable[[RuleFunction], RuleFunction]:
    """Register a corpus-wide rule."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(code, name, level, function))
        return function

    return register


def incident_rule(code: str, name: str, level: Level, kinds: tuple[str, ...] = ("incident", "maintenance")):
    """Register a rule that looks at one incident record at a time."""

    def register(function: Callable[[Incident, CheckContext], Iterable[Finding]]):
        def each(ctx: CheckContext) -> Iterator[Finding]:
            for incident in ctx.corpus.incidents:
                if incident.type in kinds:
                    yield from function(incident, ctx)

        each.__doc__ = function.__doc__
        RULES.append(Rule(code, name, level, each))
        return function

    return register


def all_rules() -> list[Rule]:
    """Import every rule module and return the rules sorted by code."""
    for module in RULE_MODULES:
        importlib.import_module(f"generator.checks.{module}")
    return sorted(RULES, key=lambda r: r.code)


def run_checks(corpus: Corpus, now: datetime) -> list[Problem]:
    """Run every rule over the corpus and collect all problems."""
    return checked(corpus, now, all_rules())


def checked(corpus: Corpus, now: datetime, rules: list[Rule]) -> list[Problem]:
    """Run the given rules over the corpus and collect their problems."""
    ctx = CheckContext(corpus, now)
    return [problem for check in rules for problem in check.run(ctx)]
