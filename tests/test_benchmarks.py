"""The benchmark scripts run on a tiny root and print their table of figures, floors, ratios and goals.

Timings are never judged here: the machine may be busy. Only the shape of the table is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
HEADER = ["figure", "seconds", "floor", "ratio", "goal"]


def table(script: str, *args: str) -> dict[str, list[str]]:
    """Run a benchmark script and return its table rows by figure."""
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          timeout=900, check=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert cells[0] == HEADER
    assert set("".join(cells[1])) <= set("-:")
    return {row[0]: row[1:] for row in cells[2:]}


def assert_compared(row: list[str]) -> None:
    """A compared figure has numeric seconds, floor and ratio."""
    seconds, floor, ratio, _ = row
    assert float(seconds) >= 0 and float(floor) >= 0 and float(ratio) >= 0


def test_bench_validate_prints_each_figure_beside_its_floor() -> None:
    """Validation, clean and with warnings, on the pool and one worker, peak memory and growth are all reported."""
    rows = table("bench_validate.py", "--sizes", "20")
    compared = [
        "validate 20, clean, pool",
        "validate 20, one warning per incident, pool",
        "validate 20, one warning per incident, 1 worker",
        "pool vs 1 worker at 20 (floor: 1 worker)",
        "growth: validate 40 / 20 with warnings (floor: 20)",
    ]
    assert sorted(rows) == sorted(compared + ["peak memory MB, validate 20 with warnings"])
    for figure in compared:
        assert_compared(rows[figure])
    assert rows["validate 20, one warning per incident, pool"][3] == "≤ 1.0×"
    assert rows["growth: validate 40 / 20 with warnings (floor: 20)"][3] == "≤ 2.2×"
    assert float(rows["peak memory MB, validate 20 with warnings"][0]) > 0


def test_bench_build_prints_each_figure_beside_its_floor() -> None:
    """Public and internal builds against a bare build, rebuilds after one edit, memory and site size are reported."""
    rows = table("bench_build.py", "--sizes", "10")
    for audience, goal in (("public", "≤ 1.2×"), ("internal", "≤ 1.5×")):
        build = next(figure for figure in rows if figure.startswith(f"{audience} build 10 ("))
        assert build.endswith("pages) vs bare Material + search")
        assert_compared(rows[build])
        assert rows[build][3] == goal
        for label in ("rebuild 10 after one edit", "next rebuild 10 after another edit (from the spare tree)"):
            rebuild = rows[f"{audience} {label} vs full build"]
            assert_compared(rebuild)
            assert rebuild[3] == "≤ 0.2× at 1,000"
        assert float(rows[f"peak memory MB, {audience} build 10"][0]) > 0
        assert float(rows[f"site MB, {audience} 10"][0]) > 0
    assert len(rows) == 10
