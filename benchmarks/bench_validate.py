"""Time `statusbook validate` on synthetic roots of growing size; print records per second and peak memory."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NOW, generate  # noqa: E402

MEASURE = """
import json, resource, sys, time
from pathlib import Path
from generator.checks import run_checks
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.validate import check_loaded
now = parse_now(sys.argv[2])
t0 = time.perf_counter()
loaded = load_root(Path(sys.argv[1]))
t1 = time.perf_counter()
report = check_loaded(loaded, now)
t2 = time.perf_counter()
print(json.dumps({"files": report.file_count, "load": t1 - t0, "check": t2 - t1,
                  "errors": report.errors, "warnings": report.warnings,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(root: Path) -> dict:
    """Validate a root in a fresh interpreter and return its figures."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(root), NOW], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    """Generate each size, validate it, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated incident counts")
    args = parser.parse_args()
    print(f"{'incidents':>9} {'files':>6} {'load s':>7} {'check s':>7} {'total s':>7} {'incidents/s':>11} {'peak MB':>8} {'problems':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "root"
            generate(root, size)
            row = measure(root)
        total = row["load"] + row["check"]
        problems = row["errors"] + row["warnings"]
        print(f"{size:>9} {row['files']:>6} {row['load']:>7.2f} {row['check']:>7.2f} {total:>7.2f} {size / total:>11.0f} {row['peak_mb']:>8.0f} {problems:>8}")


if __name__ == "__main__":
    main()
