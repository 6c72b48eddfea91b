"""Raw HTML, script and dangerous links in any record field never become live markup in the built site."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.site.conftest import build_site, copy_portal

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(2)) <iframe src="//evil"></iframe>'
OPEN = "incidents/2026/2026-11-23-api-increased-latency.md"


class LiveMarkup(HTMLParser):
    """Collects every element or attribute that would run code or load a hostile frame."""

    def __init__(self) -> None:
        """Start with no findings."""
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        """Flag iframes, inline handlers and javascript: URLs; remember script elements."""
        self.in_script = tag == "script"
        if tag in ("iframe", "img") and any(v and "evil" in v or (k == "src" and v == "x") for k, v in attrs):
            self.found.append(f"<{tag} {attrs}>")
        for key, value in attrs:
            if key.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {key}={value}>")

    def handle_endtag(self, tag):
        """Leave a script element."""
        self.in_script = False

    def handle_data(self, data):
        """Flag script elements that carry the planted code."""
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def live_markup(document: str) -> list[str]:
    """Return the live hostile markup in an HTML document."""
    parser = LiveMarkup()
    parser.feed(document)
    return parser.found


def plant(root: Path) -> None:
    """Put the hostile text into the site name, a component name, and an open incident's title and messages."""
    config = root / "statusbook.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("name: Acme Cloud Status", "name: 'Acme <script>alert(\"site\")</script> Status'")
    text = text.replace("name: Public API", "name: 'Public <img src=x onerror=alert(1)> API'")
    config.write_text(text, encoding="utf-8")
    record = root / OPEN
    text = record.read_text(encoding="utf-8")
    text = text.replace("title: Increased latency on the Public API and webhooks", f"title: '{HOSTILE}'")
    text = text.replace("      Response times remain normal.", f"      {HOSTILE}\n\n      Response times remain normal.")
    record.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """Build the example portal with hostile text planted in it."""
    base = tmp_path_factory.mktemp("hostile")
    root = copy_portal(base / "portal")
    plant(root)
    site_dir = base / "site"
    result = build_site(root, site_dir)
    assert result.built, [p.message for p in result.report.problems if p.level.name == "ERROR"]
    return site_dir


def feed_contents(document: str) -> list[str]:
    """Return the HTML held in every content, summary and description element of a feed."""
    tree = ET.fromstring(document)
    return [element.text or "" for element in tree.iter() if element.tag.split("}")[-1] in ("description", "content", "summary")]


def test_pages_show_the_text_but_run_nothing(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert pages
    for page in pages:
        assert live_markup(page.read_text(encoding="utf-8")) == [], page
    incident = (hostile_site / "incidents/2026-11-23-api-increased-latency/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in incident


def test_feeds_carry_the_text_but_no_live_markup(hostile_site):
    feeds = [p for p in hostile_site.rglob("*") if p.suffix in (".rss", ".atom")]
    assert feeds
    seen = False
    for feed in feeds:
        for content in feed_contents(feed.read_text(encoding="utf-8")):
            assert live_markup(content) == [], feed
            seen = seen or "alert(" in html.unescape(content)
    assert seen


def test_search_index_and_sitemap_hold_no_live_markup(hostile_site):
    index = (hostile_site / "search/search_index.json").read_text(encoding="utf-8")
    assert not re.search(r"<script>alert|<img[^>]*onerror|href=\\?\"javascript:", index)
    assert "&lt;script&gt;alert" in index
