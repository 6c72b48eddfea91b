"""Every internal link and anchor of both built sites resolves, and every internal page is linked: LinkChecker says so.

LinkChecker (PyPI ``linkchecker``, in the ``test`` extra) crawls each built site from its home page with no depth
limit, over HTTP on 127.0.0.1. Run as root, LinkChecker switches its effective user to ``nobody`` before it loads its
plugins; in a checkout only root can read (a clone in ``mktemp -d``), ``nobody`` cannot list the plugin folder inside
the virtualenv and the anchor check silently never runs. So it is started with that switch turned off: it fetches
only the test's own server on 127.0.0.1. Its ``[AnchorCheck]`` plugin checks every ``#fragment``. The server
answers with a ``LinkChecker`` header, which lifts LinkChecker's per-host throttle (at most ten requests a second
otherwise).

The internal site asks robots not to follow its links (``<meta name="robots" content="noindex, nofollow">``), and
LinkChecker obeys that element with no switch to turn it off (linkchecker/linkchecker#374): it crawls a copy of
each site without that element, which changes no link and no anchor.

Nothing off the served site is fetched: the sites' configured absolute addresses (``url`` and ``internal_url`` in
statusbook.yml, used by canonical links, feeds and the API) are passed to ``--ignore-url``, so LinkChecker checks
only their syntax, and any other off-site link is left unchecked, as LinkChecker does without ``--check-extern``.
Instead, off-site links may only lead to those addresses or to Material's footer credit: a mistaken link such as
``//history.rss`` leaves the site for a host named ``history.rss`` and is caught that way.

404.html is linked from nowhere (servers answer with it for any missing page), so its own links are checked in a
crawl that starts there and goes one link deep. Locally a missing LinkChecker skips these tests; under CI (CI=true)
it fails them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import functools
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.loading.corpus import load_root
from generator.render import urls
from tests.site.browsing import require, serving
from tests.site.conftest import REPO

CONFIG = """\
[checking]
# Allowed because the test server sends a LinkChecker header; LinkChecker ignores it otherwise.
maxrequestspersecond=1000

[AnchorCheck]
"""
ANCHOR_NOT_FOUND = "Anchor `"
MISSING_PAGE = urls.served(urls.incident_page("no-such-incident"))
MISSING_ANCHOR = urls.served(urls.HISTORY) + "#no-such-anchor"
ORPHAN_PAGE = "orphan/"
LEAVING_LINK = "//" + urls.HISTORY_RSS
MATERIAL_CREDIT = "https://squidfunk.github.io/mkdocs-material/"
NOT_FOUND_PAGE = "404.html"
ROBOTS_META = re.compile(r'<meta name="robots" content="[^"]*">')


@dataclass(frozen=True, slots=True)
class Checked:
    """One URL as LinkChecker reports it: as written, where it was found, what it resolved to, what was wrong."""

    url: str
    found_on: str
    real_url: str
    valid: bool
    result: str
    warnings: tuple[str, ...]
    off_site: bool


@dataclass(frozen=True, slots=True)
class Crawl:
    """A built site, the address it was served at, and LinkChecker's report on every URL it met."""

    site_dir: Path
    base_url: str
    report: list[Checked]


# LinkChecker's own entry point, without its switch to user nobody (see the module docstring).
LAUNCH = (
    "import sys; import linkcheck.command.linkchecker as cli; "
    "assert callable(cli.drop_privileges); cli.drop_privileges = lambda: None; "
    "sys.argv[0] = 'linkchecker'; cli.linkchecker()"
)


@functools.cache
def published_addresses() -> tuple[str, ...]:
    """The absolute addresses the example portal's sites are published at (statusbook.yml ``url``, ``internal_url``)."""
    site = load_root(REPO).corpus.site
    return tuple(address for address in (site.url, site.internal_url) if address)


def linkchecker_command(config: Path, depth: int) -> list[str]:
    """The LinkChecker command line, run by this interpreter, following links ``depth`` deep (-1: no limit)."""
    require(importlib.util.find_spec("linkcheck") is not None,
            "LinkChecker is missing: pip install -e '.[test]' (it is in the test extra)")
    ignored = [arg for address in published_addresses() for arg in ("--ignore-url", "^" + re.escape(address))]
    return [sys.executable, "-c", LAUNCH, "--config", str(config), "--no-status", "--verbose",
            "--recursion-level", str(depth), "--output", "xml/utf-8", *ignored]


def checked(node: ElementTree.Element) -> Checked:
    """Read one ``urldata`` element of LinkChecker's XML report."""
    parent = node.find("parent")
    found_on = "" if parent is None else f"{parent.text} line {parent.get('line')}"
    valid = node.find("valid")
    return Checked(url=node.findtext("url", ""), found_on=found_on, real_url=node.findtext("realurl", ""),
                   valid=valid is not None and valid.text == "1",
                   result="" if valid is None else valid.get("result", ""),
                   warnings=tuple(warning.text or "" for warning in node.iter("warning")),
                   off_site=node.findtext("extern") == "1")


def followable_copy(site_dir: Path, target: Path) -> Path:
    """Copy a built site to ``target`` without the robots element that tells crawlers not to follow links."""
    shutil.copytree(site_dir, target)
    for page in target.rglob("*.html"):
        page.write_text(ROBOTS_META.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def crawl(site_dir: Path, work_dir: Path, start: str = "", depth: int = -1) -> Crawl:
    """Serve a followable copy of a built site and crawl it with LinkChecker from ``start`` (the home page)."""
    config = work_dir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    command = linkchecker_command(config, depth)
    served_dir = followable_copy(site_dir, work_dir / "followable")
    with serving(served_dir, headers={"LinkChecker": "statusbook tests"}) as base_url:
        # LANGUAGE=C keeps LinkChecker's messages untranslated, as the anchor check below reads them.
        done = subprocess.run([*command, base_url + start], capture_output=True, timeout=300,
                              env={**os.environ, "LANGUAGE": "C"})
    # 0: nothing found, 1: broken links or warnings found, anything else: LinkChecker itself failed.
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")
    report = [checked(node) for node in ElementTree.fromstring(done.stdout).iter("urldata")]
    return Crawl(served_dir, base_url, report)


def broken_links(report: list[Checked]) -> list[str]:
    """Each URL that did not resolve, with the page and line linking to it and LinkChecker's result."""
    return [f"{item.url} ({item.result}) on {item.found_on}" for item in report if not item.valid]


def broken_anchors(report: list[Checked]) -> list[str]:
    """Each link whose page exists but has no element with the linked id."""
    return [f"{item.url} on {item.found_on}: {warning}" for item in report for warning in item.warnings
            if warning.startswith(ANCHOR_NOT_FOUND)]


def other_warnings(report: list[Checked]) -> list[str]:
    """Each LinkChecker warning that is not about a missing anchor."""
    return [f"{item.url} on {item.found_on}: {warning}" for item in report for warning in item.warnings
            if not warning.startswith(ANCHOR_NOT_FOUND)]


def record_links() -> set[str]:
    """The addresses the example's records link to (ticket, chat channel, bridge call...), which the portal lists."""
    return {link.url for incident in load_root(REPO).corpus.incidents for link in incident.links}


def unexpected_off_site_links(report: list[Checked]) -> list[str]:
    """Each web link leaving the site for anywhere but its published addresses, a record's own links or Material's credit."""
    expected, named = (*published_addresses(), MATERIAL_CREDIT), record_links()
    return [f"{item.url} -> {item.real_url} on {item.found_on}" for item in report
            if item.off_site and urlsplit(item.real_url).scheme in ("http", "https")
            and not item.real_url.startswith(expected) and item.url not in named]


def link_problems(report: list[Checked]) -> list[str]:
    """Every broken link, broken anchor, other LinkChecker warning and unexpected off-site link in a report."""
    return broken_links(report) + broken_anchors(report) + other_warnings(report) + unexpected_off_site_links(report)


def built_pages(site_dir: Path) -> set[str]:
    """The address of every built page relative to the site root ("" for home); 404.html is no index page."""
    return {"" if page.parent == site_dir else page.parent.relative_to(site_dir).as_posix() + "/"
            for page in site_dir.rglob("index.html")}


def reached_pages(crawled: Crawl) -> set[str]:
    """The address, relative to the site root, of every URL on the served site that LinkChecker fetched."""
    return {unquote(urlsplit(item.real_url).path).removeprefix("/").removesuffix("index.html")
            for item in crawled.report if item.valid and item.real_url.startswith(crawled.base_url)}


@pytest.fixture(scope="module", params=["public_site", "internal_site"], ids=["public", "internal"])
def crawled(request, tmp_path_factory) -> Crawl:
    """Each built site of the example portal, crawled once."""
    return crawl(request.getfixturevalue(request.param), tmp_path_factory.mktemp("linkchecker"))


def test_site_has_no_broken_links_or_anchors(crawled):
    assert broken_links(crawled.report) == []
    assert broken_anchors(crawled.report) == []
    assert other_warnings(crawled.report) == []


def test_site_links_off_site_only_to_its_published_addresses(crawled):
    assert unexpected_off_site_links(crawled.report) == []


@pytest.mark.parametrize("site", ["public_site", "internal_site"], ids=["public", "internal"])
def test_not_found_page_links_resolve(request, site, tmp_path):
    crawled = crawl(request.getfixturevalue(site), tmp_path, start=NOT_FOUND_PAGE, depth=1)
    assert len(crawled.report) > 1
    assert link_problems(crawled.report) == []


def test_every_page_is_reachable_from_the_home_page(crawled):
    assert built_pages(crawled.site_dir) - reached_pages(crawled) == set()


def plant_mistakes(site_dir: Path) -> None:
    """Link the home page to a missing page, a missing anchor and off the site; add a page nothing links to."""
    home = site_dir / "index.html"
    mistakes = (f'<a href="{MISSING_PAGE}">missing page</a> <a href="{MISSING_ANCHOR}">missing anchor</a> '
                f'<a href="{LEAVING_LINK}">leaving link</a>')
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", mistakes + "</body>", 1), encoding="utf-8")
    orphan = site_dir / ORPHAN_PAGE / "index.html"
    orphan.parent.mkdir()
    orphan.write_text("<!doctype html><title>Orphan</title><p>Nothing links here.</p>", encoding="utf-8")


def test_planted_mistakes_are_reported(internal_site, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(internal_site, site_dir)
    plant_mistakes(site_dir)
    crawled = crawl(site_dir, tmp_path)
    assert [(item.url, item.result.split()[0]) for item in crawled.report if not item.valid] == [(MISSING_PAGE, "404")]
    assert [item.url for item in crawled.report if any(w.startswith(ANCHOR_NOT_FOUND) for w in item.warnings)] == [
        MISSING_ANCHOR]
    assert [item.url for item in crawled.report if unexpected_off_site_links([item])] == [LEAVING_LINK]
    assert built_pages(site_dir) - reached_pages(crawled) == {ORPHAN_PAGE}
