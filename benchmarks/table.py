"""Measure in fresh processes and print figures beside their floors, as a Markdown table with ratios and goals."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

COLUMNS = ("figure", "seconds", "floor", "ratio", "goal")

# Run a command as a child of a fresh interpreter, so that RUSAGE_CHILDREN covers this one command and its worker
# processes; print its wall seconds and the peak resident set of its largest process, in MB.
WRAP = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
if done.returncode not in (0, 1):
    sys.exit(done.stderr or f"exit {done.returncode}")
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


@dataclass(frozen=True, slots=True)
class Row:
    """One figure: its value, the floor it is judged against (if any) and the goal for their ratio or value."""

    figure: str
    value: str
    floor: str = "-"
    ratio: float | None = None
    goal: str = "-"


def timed(command: list[str], repeat: int = 1, env: dict | None = None) -> dict:
    """Run a command ``repeat`` times in fresh processes; return its fastest seconds and its largest peak MB."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", WRAP, *command], capture_output=True, text=True, env=env)
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
        runs.append(json.loads(done.stdout))
    return {"seconds": min(r["seconds"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs)}


def reported(command: list[str], repeat: int = 1) -> dict:
    """Run a measuring script ``repeat`` times in fresh processes; keep the run with the fewest seconds it reports."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", *command], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"measurement failed: {done.stderr.strip()}")
        runs.append(json.loads(done.stdout))
    return min(runs, key=lambda r: r["seconds"])


def compared(figure: str, seconds: float, floor: float, goal: str = "-") -> Row:
    """A timed figure beside its floor."""
    return Row(figure, f"{seconds:.2f}", f"{floor:.2f}", seconds / floor if floor else None, goal)


def render(rows: list[Row]) -> str:
    """Render rows as a Markdown table: figure | seconds | floor | ratio | goal."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|---|---:|---:|---:|---|"]
    for row in rows:
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
        lines.append(f"| {row.figure} | {row.value} | {row.floor} | {ratio} | {row.goal} |")
    return "\n".join(lines)
