"""What a rule is: a documented check with a stable code and a level, declared in its module's rule list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Hashable, Iterable, Iterator

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.problems import Level, Problem

RECORD_KINDS = ("incident", "maintenance")


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What every rule may read: the corpus and the moment of judgement, and what rules derive from them once."""

    corpus: Corpus
    now: datetime
    derived: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: Hashable, make: Callable[[CheckContext], Any]) -> Any:
        """Return ``make(self)``, computed by the first rule that asks for ``key`` and kept for the others."""
        if key not in self.derived:
            self.derived[key] = make(self)
        return self.derived[key]


RuleFunction = Callable[[CheckContext], Iterable[Problem]]
IncidentFunction = Callable[[Incident, CheckContext], Iterable[Problem]]


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

    def run(self, ctx: CheckContext, level: Level | None = None) -> Iterator[Problem]:
        """Run the rule and stamp its code and level (or the portal's ``level`` for it) on what it finds."""
        for found in self.function(ctx):
            yield found.stamped(self.code, level or self.level)


class RuleList:
    """The rules one module declares, in the order it declares them."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def __iter__(self) -> Iterator[Rule]:
        """Iterate over the rules in declaration order."""
        return iter(self.rules)

    def rule(self, code: str, name: str, level: Level) -> Callable[[RuleFunction], RuleFunction]:
        """Declare a corpus-wide rule."""

        def declare(function: RuleFunction) -> RuleFunction:
            self.rules.append(Rule(code, name, level, function))
            return function

        return declare

    def incident_rule(self, code: str, name: str, level: Level, kinds: tuple[str, ...] = RECORD_KINDS):
        """Declare a rule that looks at one incident or maintenance record of the given ``kinds`` at a time."""

        def declare(function: IncidentFunction) -> IncidentFunction:
            self.rules.append(Rule(code, name, level, each_record(function, kinds)))
            return function

        return declare


def each_record(function: IncidentFunction, kinds: tuple[str, ...]) -> RuleFunction:
    """Run a one-record rule over every incident record of the given kinds."""

    def each(ctx: CheckContext) -> Iterator[Problem]:
        for incident in ctx.corpus.incidents:
            if incident.type in kinds:
                yield from function(incident, ctx)

    each.__doc__ = function.__doc__
    return each
