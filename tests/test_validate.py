"""Checkers that share one counter claim every rule exactly once."""

from __future__ import annotations

import multiprocessing

from generator.validate import claimed


def test_checkers_sharing_a_counter_claim_each_rule_once() -> None:
    """Two checkers taking turns get disjoint rules, in order, that together are all of them."""
    counter = multiprocessing.get_context("fork").Value("i", 0)
    rules = list("abcdefg")
    first, second = claimed(rules, counter), claimed(rules, counter)
    taken: dict[str, list[str]] = {"first": [], "second": []}
    for turn in range(len(rules)):
        taken["first" if turn % 3 else "second"].append(next(first if turn % 3 else second))
    assert next(first, None) is None and next(second, None) is None
    assert sorted(taken["first"] + taken["second"]) == rules
    assert taken == {"first": ["b", "c", "e", "f"], "second": ["a", "d", "g"]}
