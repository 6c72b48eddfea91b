"""Checking a large corpus in several processes finds exactly what one process finds."""

from __future__ import annotations

import sys
from pathlib import Path

import generator.validate
from generator.clock import parse_now
from generator.validate import validate

REPO = Path(__file__).resolve().parents[2]


def test_forked_checkers_and_one_process_agree(tmp_path: Path, monkeypatch) -> None:
    """The rules claimed by forked checkers report the same problems at the same positions as run in one process."""
    monkeypatch.setattr(generator.validate, "CHECK_SHARES_FROM", 400)
    dealt: list[int] = []
    shares = generator.validate.shares
    monkeypatch.setattr(generator.validate, "shares", lambda loaded, workers: dealt.append(shares(loaded, workers)) or dealt[-1])
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import NOW, generate

    generate(tmp_path / "root", 450, warned=True)
    now = parse_now(NOW)
    one = validate(tmp_path / "root", now, workers=1)
    shared = validate(tmp_path / "root", now, workers=2)
    assert shared.warnings == 450
    assert dealt == [1, 2]
    assert shared.problems == one.problems
