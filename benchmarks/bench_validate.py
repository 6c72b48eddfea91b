"""Time validation on synthetic roots against a single-thread PyYAML C-loader parse of the same front matter.

For each size it builds two roots of as many incidents (plus their postmortems and two rotations): a clean one and
one where every incident carries one warning that a check finds after loading and places by field path. Each is
validated in a fresh process on every core (the "pool": worker processes load the records, then forked processes
share the rules) and on one worker (one process does all); the floor is, in a fresh process
too, reading every record file of the same root, splitting off its front matter and composing it with
``yaml.compose(text, Loader=yaml.CSafeLoader)`` on one thread: nodes with their start marks, which is the least
validation must do to place problems. The table prints each figure beside that floor, with the ratio and the goal.
Growth is validation with warnings at twice the largest size against the largest size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NOW, generate  # noqa: E402
from table import Row, compared, render, reported  # noqa: E402

FLOOR = """
import json, resource, sys, time
from pathlib import Path
import yaml
root = Path(sys.argv[1])
paths = sorted(p for folder in ("incidents", "rotations") for p in (root / folder).rglob("*.md")
               if p.name not in ("README.md", "index.md"))
start = time.perf_counter()
for path in paths:
    lines = path.read_text(encoding="utf-8").split("\\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    yaml.compose("\\n".join(lines[1:end]) + "\\n", Loader=yaml.CSafeLoader)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "files": len(paths),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

VALIDATE = """
import json, resource, sys, time
from pathlib import Path
from generator.clock import parse_now
from generator.reporting import render
from generator.validate import validate
now = parse_now(sys.argv[2])
start = time.perf_counter()
report = validate(Path(sys.argv[1]), now, int(sys.argv[3]) or None)
text = render(report, "text")
seconds = time.perf_counter() - start
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
print(json.dumps({"seconds": seconds, "files": report.file_count, "warnings": report.warnings,
                  "errors": report.errors, "peak_mb": peak}))
"""


def floor(root: Path, repeat: int) -> dict:
    """Parse the front matter of every record under ``root`` on one thread."""
    return reported([FLOOR, str(root)], repeat)


def validated(root: Path, workers: int, repeat: int) -> dict:
    """Validate ``root`` on ``workers`` processes (0: the default pool)."""
    row = reported([VALIDATE, str(root), NOW, str(workers)], repeat)
    if row["errors"]:
        raise SystemExit(f"the synthetic root {root} has {row['errors']} errors")
    return row


def measure(size: int, work: Path, repeat: int) -> tuple[list[Row], dict]:
    """Measure one size; return its rows and the seconds of validation with warnings on the pool."""
    rows = []
    for warned in (False, True):
        root = work / f"{size}-{'warned' if warned else 'clean'}"
        generate(root, size, warned=warned)
        base = floor(root, repeat)
        pool = validated(root, 0, repeat)
        label = f"validate {size:,}, {'one warning per incident' if warned else 'clean'}"
        rows.append(compared(f"{label}, pool", pool["seconds"], base["seconds"], "≤ 1.0×" if warned else "-"))
        if warned:
            one = validated(root, 1, repeat)
            rows.append(compared(f"{label}, 1 worker", one["seconds"], base["seconds"]))
            rows.append(compared(f"pool vs 1 worker at {size:,} (floor: 1 worker)", pool["seconds"], one["seconds"]))
            rows.append(Row(f"peak memory MB, validate {size:,} with warnings", f"{pool['peak_mb']:.0f}",
                            goal="≤ 500 MB at 10,000"))
    return rows, pool


def growth(size: int, previous: dict, work: Path, repeat: int) -> Row:
    """Compare validation with warnings at twice ``size`` with ``size``."""
    root = work / f"{2 * size}-warned"
    generate(root, 2 * size, warned=True)
    double = validated(root, 0, repeat)
    return compared(f"growth: validate {2 * size:,} / {size:,} with warnings (floor: {size:,})",
                    double["seconds"], previous["seconds"], "≤ 2.2×")


def main() -> None:
    """Generate each size, measure it and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated incident counts (default 1000,10000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each figure; the fastest counts (default 1)")
    parser.add_argument("--no-growth", action="store_true", help="skip validating twice the largest size")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            found, largest = measure(size, Path(tmp), args.repeat)
            rows.extend(found)
            print(f"measured {size:,}", file=sys.stderr)
        if not args.no_growth:
            rows.append(growth(sizes[-1], largest, Path(tmp), args.repeat))
    print("floor: one thread reads each record file, splits off its front matter and runs "
          "yaml.compose(Loader=yaml.CSafeLoader) (nodes with marks)")
    print(render(rows))


if __name__ == "__main__":
    main()
