"""Tests of the rule registry: every rule module is registered, and every code is declared once."""

from __future__ import annotations

import importlib
import pkgutil

import generator.checks
from generator.checks.registry import RULE_MODULES, all_rules
from generator.checks.rules import RuleList


def rule_modules_in_package() -> set[str]:
    """Name every module of generator.checks that declares rules in a RuleList."""
    names = set()
    for info in pkgutil.iter_modules(generator.checks.__path__):
        module = importlib.import_module(f"generator.checks.{info.name}")
        if isinstance(getattr(module, "RULES", None), RuleList):
            names.add(module.__name__)
    return names


def test_every_rule_module_is_registered() -> None:
    """A module that declares rules but is missing from the registry would never run."""
    assert rule_modules_in_package() == {module.__name__ for module in RULE_MODULES}


def test_codes_are_unique_and_sorted() -> None:
    """Each code names one rule, and the rules come sorted by code."""
    codes = [rule.code for rule in all_rules()]
    assert codes == sorted(set(codes))


def test_every_rule_is_documented() -> None:
    """The docstring of each rule becomes its reference entry."""
    assert all(rule.doc and rule.name for rule in all_rules())
