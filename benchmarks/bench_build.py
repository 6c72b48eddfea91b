"""Time `statusbook build` of the public site and the internal portal on synthetic roots, against a bare `mkdocs build`.

For each size and audience it builds the site from nothing (no site, build cache or record memo) in a fresh process
and, as its floor, MkDocs with Material and its search plugin building as many plain pages (a title and a few
paragraphs each, none in the navigation) as the site has; then it edits one record and builds again into the same
folder, against the full build (the record memo makes that build parse only the edited file, and the build cache
beside the site makes it render and write only the pages whose inputs or content changed), and then once more after
another edit, as an author's next build: that one starts from the spare tree the first rebuild kept of the site it
replaced (a first rebuild has none yet, so it links every unchanged file into new folders). It prints peak memory
(the proportional set sizes of all the build's processes summed: the build, its loading worker and the checker it
forks) and the size of the site. With --growth it also builds twice the largest size,
to show whether build time grows linearly."""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NOW, generate  # noqa: E402
from table import Row, compared, render, timed  # noqa: E402

from generator.publish.cache import CACHE_FOLDER  # noqa: E402

BIN = Path(sys.executable).parent
EDITS = itertools.count(1)
GOALS = {"public": "≤ 1.2×", "internal": "≤ 1.5×"}
PARAGRAPH = (
    "We are investigating reports of **elevated error rates** on the API. Some requests fail with HTTP 503 and "
    "webhook deliveries are delayed. The next update follows within the hour."
)
BARE_CONFIG = """site_name: Bare
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /pages/
"""


def size_mb(folder: Path) -> float:
    """Total size of the files under a folder, in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def bare_site(folder: Path, pages: int) -> Path:
    """Write a plain MkDocs project of ``pages`` pages; return its config file."""
    docs = folder / "docs" / "pages"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n\nPlain pages.\n")
    body = "\n\n".join(f"## Update {n}\n\n{PARAGRAPH}" for n in range(1, 5))
    for index in range(pages):
        (docs / f"page-{index}.md").write_text(f"# Page {index}\n\n{body}\n")
    config = folder / "mkdocs.yml"
    config.write_text(BARE_CONFIG)
    return config


def build(root: Path, site: Path, audience: str, account: Path) -> dict:
    """Build one audience's site of a root in a fresh process, with ``account`` as the account's cache folder."""
    command = [str(BIN / "statusbook"), "build", "--root", str(root), "--audience", audience, "--site-dir", str(site)]
    return timed(command + ["--now", NOW], env={**os.environ, "XDG_CACHE_HOME": str(account)})


def cold_build(root: Path, site: Path, audience: str, repeat: int) -> dict:
    """Build from nothing ``repeat`` times (no site, build cache or record memo); keep the fastest run."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(site.parent / CACHE_FOLDER, ignore_errors=True)
        shutil.rmtree(account_of(site), ignore_errors=True)
        runs.append(build(root, site, audience, account_of(site)))
    return {"seconds": min(r["seconds"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs)}


def account_of(site: Path) -> Path:
    """The account cache folder the builds of one site use (its record memo), beside the site."""
    return site.parent / f"account-{site.name}"


def bare(work: Path, pages: int, repeat: int) -> dict:
    """Build ``pages`` plain pages with Material and search in a fresh process."""
    config = bare_site(work, pages)
    command = [str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(work / "site")]
    return timed(command, repeat, env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)})


def edit_one(root: Path) -> None:
    """Change the title of one public incident (shown on both sites), as an author editing a record would; each call
    gives it a new title, so every rebuild has a change to build."""
    record = min((root / "incidents").rglob("*-synthetic-1.md"))
    text = record.read_text(encoding="utf-8")
    assert "\npublic: true\n" in text, f"{record} is not public"
    edited = re.sub(r"^title: (Edited \d+ )?", f"title: Edited {next(EDITS)} ", text, count=1, flags=re.MULTILINE)
    assert edited != text, f"{record} has no title"
    record.write_text(edited, encoding="utf-8")


def measure(size: int, audience: str, work: Path, repeat: int) -> tuple[list[Row], dict]:
    """Build one audience at one size, its bare floor and a rebuild after one edit; return rows and the build."""
    root, site = work / "root", work / f"site-{audience}"
    if not root.exists():
        generate(root, size)
    full = cold_build(root, site, audience, repeat)
    pages = sum(1 for _ in site.rglob("index.html"))
    floor = bare(work / f"bare-{audience}", pages, repeat)
    megabytes = size_mb(site)
    edit_one(root)
    again = build(root, site, audience, account_of(site))
    edit_one(root)
    next_again = build(root, site, audience, account_of(site))
    name = f"{audience} build {size:,} ({pages:,} pages)"
    rows = [
        compared(f"{name} vs bare Material + search", full["seconds"], floor["seconds"], GOALS[audience]),
        compared(f"{audience} rebuild {size:,} after one edit vs full build", again["seconds"], full["seconds"],
                 "≤ 0.2× at 1,000"),
        compared(f"{audience} next rebuild {size:,} after another edit (from the spare tree) vs full build",
                 next_again["seconds"], full["seconds"], "≤ 0.2× at 1,000"),
        Row(f"peak memory MB, {audience} build {size:,}", f"{full['peak_mb']:.0f}", goal="≤ 500 MB at 10,000"),
        Row(f"site MB, {audience} {size:,}", f"{megabytes:.1f}", f"{floor_size(work, audience):.1f}"),
    ]
    return rows, full


def floor_size(work: Path, audience: str) -> float:
    """Size of the bare site built for an audience, in MB."""
    return size_mb(work / f"bare-{audience}" / "site")


def growth(size: int, audience: str, previous: dict, work: Path) -> Row:
    """Compare a build at twice ``size`` with one at ``size``."""
    root = work / "root"
    generate(root, 2 * size)
    double = cold_build(root, work / f"site-{audience}", audience, 1)
    return compared(f"growth: {audience} build {2 * size:,} / {size:,} (floor: {size:,})",
                    double["seconds"], previous["seconds"], "≤ 2.2×")


def main() -> None:
    """Build each size and audience and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated incident counts (default 1000,10000)")
    parser.add_argument("--audience", choices=("public", "internal", "both"), default="both", help="which sites to build")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each full build; the fastest counts (default 1)")
    parser.add_argument("--growth", action="store_true", help="also build twice the largest size (takes minutes)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    audiences = ("public", "internal") if args.audience == "both" else (args.audience,)
    rows: list[Row] = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            for audience in audiences:
                found, full = measure(size, audience, Path(tmp), args.repeat)
                rows.extend(found)
                if args.growth and size == sizes[-1]:
                    rows.append(growth(size, audience, full, Path(tmp)))
                    generate(Path(tmp) / "root", size)
        print(f"measured {size:,}", file=sys.stderr)
    print("floor of a build: `mkdocs build` with Material and search of as many plain pages, none in the navigation;"
          " of a rebuild: the full build; site MB floor: the bare site")
    print(render(rows))


if __name__ == "__main__":
    main()
