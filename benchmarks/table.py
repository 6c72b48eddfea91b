"""Measure in fresh processes and print figures beside their floors, as a Markdown table with ratios and goals."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

COLUMNS = ("figure", "seconds", "floor", "ratio", "goal")

# Run a command as a child of a fresh interpreter and print its wall seconds and its peak memory in MB: the peak of the
# proportional set sizes of all its processes summed (sampled ten times a second from /proc, so a checker or worker
# running beside the main process counts), or where /proc is missing (or the command ended before the first sample)
# the resident set of its largest process.
WRAP = """
import json, os, resource, subprocess, sys, threading, time

def tree(pid):
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as listed:
                    todo.extend(int(child) for child in listed.read().split())
        except OSError:
            pass
    return found

def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0

peak, stop = [0], threading.Event()
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

def sample():
    while not stop.wait(0.1):
        peak[0] = max(peak[0], sum(pss_kb(pid) for pid in tree(child.pid)))

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
_, errors = child.communicate()
seconds = time.perf_counter() - start
stop.set()
sampler.join()
if child.returncode not in (0, 1):
    sys.exit(errors or f"exit {child.returncode}")
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": (peak[0] or largest) / 1024}))
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
