"""Run every record case under tests/cases: each must produce exactly its expected problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.validate import validate

CASES = Path(__file__).parent / "cases"
NOW = parse_now("2026-06-10T12:00:00Z")


def case_dirs(kind: str) -> list[Path]:
    """List the case folders of one kind."""
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def build_root(case: Path, tmp_path: Path) -> Path:
    """Lay a case's files over the shared base into a fresh root."""
    root = tmp_path / "root"
    shutil.copytree(CASES / "base", root)
    shutil.copytree(case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return root


def expected_lines(case: Path) -> list[str]:
    """Read a case's expected ``path:line:col: CODE`` lines."""
    path = case / "expected.txt"
    if not path.exists():
        return []
    return sorted(line.strip() for line in path.read_text().splitlines() if line.strip())


def actual_lines(root: Path) -> list[str]:
    """Validate a root and describe each problem as ``path:line:col: CODE``."""
    report = validate(root, NOW)
    return sorted(f"{p.path}:{p.line}:{p.column}: {p.code}" for p in report.problems)


@pytest.mark.parametrize("case", case_dirs("invalid"), ids=lambda p: p.name)
def test_invalid_case_reports_exactly_its_problems(case: Path, tmp_path: Path) -> None:
    """An invalid case produces its expected problems and no others."""
    expected = expected_lines(case)
    assert expected, f"{case.name} has no expected.txt"
    assert actual_lines(build_root(case, tmp_path)) == expected


@pytest.mark.parametrize("case", case_dirs("valid"), ids=lambda p: p.name)
def test_valid_case_loads_clean(case: Path, tmp_path: Path) -> None:
    """A valid case produces no problem at all."""
    assert actual_lines(build_root(case, tmp_path)) == []
