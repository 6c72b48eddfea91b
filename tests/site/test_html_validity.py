"""Every page of both built sites is valid HTML, and every SVG valid SVG, by the Nu HTML Checker (vnu).

One java run checks them all (HTML by the .html name, SVG with --also-check-svg), so the JVM starts once. Locally a
missing java or vnu.jar skips the test; under CI (CI=true) it fails it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from generator.render import urls
from tests.site.browsing import INSTALL_HINT, require
from tests.site.conftest import REPO

VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"

# Stock Material puts autocomplete="off" on its drawer and search checkboxes; this exact message and nothing else.
MATERIAL_AUTOCOMPLETE = ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
                         "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
                         "“tel”, “text”, “time”, “url”, or “week”.")


def vnu_problems(files: list[Path], root: Path) -> list[str]:
    """Check HTML and SVG files in one run of the Nu HTML Checker; return its errors and warnings, less Material's.

    Each problem reads ``path:line: message``, the path relative to ``root``.
    """
    require(VNU.is_file(), f"the Nu HTML Checker is missing at {VNU}: {INSTALL_HINT}")
    require(shutil.which("java") is not None, "no java for the Nu HTML Checker: apt-get install default-jre-headless")
    command = ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", "--also-check-svg",
               "--filterpattern", rf"\Q{MATERIAL_AUTOCOMPLETE}\E", *map(str, files)]
    report = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stderr)
    return [f"{where(m, root)}:{m.get('lastLine')}: {m['message']}"
            for m in report["messages"] if m["type"] != "info" or m.get("subType") == "warning"]


def where(message: dict, root: Path) -> str:
    """The file a checker message is about, relative to ``root``; the checker itself when it names none."""
    url = message.get("url")
    return Path(url.removeprefix("file:")).relative_to(root).as_posix() if url else "vnu"


def site_documents(site_dir: Path, pattern: str) -> list[Path]:
    """The site's files matching ``pattern``, in a stable order."""
    return sorted(site_dir.rglob(pattern))


def plant_invalid(folder: Path) -> list[Path]:
    """Write an invalid page and an invalid picture, so the run shows that it reports both kinds."""
    folder.mkdir()
    page = folder / "page.html"
    page.write_text('<!DOCTYPE html><html lang="en"><title>t</title><p><div></p>', encoding="utf-8")
    picture = folder / "picture.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect widht="1"/></svg>', encoding="utf-8")
    return [page, picture]


def test_every_page_and_picture_of_both_sites_is_valid(public_site, internal_site, tmp_path):
    pages = site_documents(public_site, "*.html") + site_documents(internal_site, "*.html")
    pictures = site_documents(public_site, "*.svg") + site_documents(internal_site, "*.svg")
    kinds = {p.relative_to(internal_site).parts[0] for p in pictures if p.is_relative_to(internal_site)}
    assert {urls.BADGE, "badges", "timelines", "metrics"} <= kinds
    assert internal_site / urls.served(urls.NOW) / "index.html" in pages
    planted = plant_invalid(tmp_path / "planted")
    files = pages + pictures + planted
    root = Path(os.path.commonpath(files))
    problems = vnu_problems(files, root)
    assert {p.split(":")[0] for p in problems} == {path.relative_to(root).as_posix() for path in planted}, problems
