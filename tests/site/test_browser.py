"""The public site in a real browser: no accessibility violations, fits a phone, local times, valid HTML.

Debian's chromium is driven through Playwright; axe-core and the Nu HTML Checker come from the npm packages that
.ci/run installs into node_modules. Locally a missing tool skips these tests; under CI (CI=true) it fails them.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.render import urls
from tests.site.conftest import REPO, build_site, copy_portal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = REPO / "node_modules/axe-core/axe.min.js"
VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_HINT = "install it with `bash .ci/run` or `npm ci` in the repository root"
# Stock Material puts autocomplete="off" on its drawer and search checkboxes; this exact message and nothing else.
MATERIAL_AUTOCOMPLETE = ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
                         "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
                         "“tel”, “text”, “time”, “url”, or “week”.")

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
OPEN_ID = "2026-11-23-api-increased-latency"
AS_OF_UTC = "2026-11-23 18:00 UTC"
# Each page, with an element that says a status in words and the words it must show.
PAGES = {
    "status": (urls.HOME, ".sb-indicator strong", "Minor Service Outage"),
    "incident": (urls.incident_page(OPEN_ID), ".sb-facts dd >> nth=0", "Monitoring"),
    "component": (urls.component_page("api"), ".sb-component-status .sb-status", "Operational"),
    "month": (urls.month_page("2026-11"), f"tr:has(a[href*='{OPEN_ID}']) td >> nth=-1", "Monitoring"),
    "postmortem": (urls.postmortem_page("2026-09-16-checkout-payments-failing"), ".sb-actions .sb-label >> nth=0",
                   "done"),
}


def require(present: bool, reason: str) -> None:
    """Fail under CI, skip elsewhere, when a tool these tests need is missing."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format, *args):
        """Log nothing."""


@contextmanager
def serving(site_dir: Path):
    """Serve a built site on 127.0.0.1 for the duration; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def site_url(public_site: Path):
    """The example portal's public site, served."""
    with serving(public_site) as url:
        yield url


def plant_outage(root: Path) -> None:
    """Make the open incident an unmitigated outage: major, partial and degraded components, critical overall."""
    record = root / "incidents/2026" / f"{OPEN_ID}.md"
    text = record.read_text(encoding="utf-8")
    text = text.replace("  api: degraded_performance\n  webhooks: degraded_performance\n",
                        "  api: major_outage\n  webhooks: partial_outage\n  dashboard: degraded_performance\n")
    text = text.replace("mitigated: 2026-11-23T16:40:00Z\nmitigation: failover\n", "")
    record.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def outage_url(tmp_path_factory):
    """A copy of the example portal during an outage, built and served, so every outage colour is on show."""
    base = tmp_path_factory.mktemp("outage")
    root = copy_portal(base / "portal")
    plant_outage(root)
    result = build_site(root, base / "site")
    assert result.built, [p.message for p in result.report.problems if p.level.name == "ERROR"]
    with serving(base / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, launched headless through Playwright."""
    require(CHROMIUM.is_file(), f"no browser at {CHROMIUM}: apt-get install -y --no-install-recommends chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the Python package playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_url):
    """Return a function that opens a page source in a fresh context; off-site requests are refused."""
    contexts = []

    def opener(source: str, viewport: dict = DESKTOP, base: str = site_url, **options):
        """Open ``source`` of the site at ``base`` and return the loaded page and the script errors seen on it."""
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + urls.served(source))
        return page, errors

    yield opener
    for context in contexts:
        context.close()


def axe_violations(page) -> list[str]:
    """Run axe-core on the page and describe each violation with the elements it names."""
    require(AXE.is_file(), f"axe-core is missing at {AXE}: {INSTALL_HINT}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]]


def wait_for_local_times(page) -> None:
    """Wait until the page script has rewritten every time element."""
    page.wait_for_function("document.querySelectorAll('time.sb-time:not([data-sb-local])').length === 0")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_accessibility_violations(open_page, name, viewport):
    page, errors = open_page(PAGES[name][0], viewport)
    wait_for_local_times(page)
    assert axe_violations(page) == []
    assert errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_outage_colours_have_no_accessibility_violations(open_page, outage_url, viewport):
    for source in (urls.HOME, urls.component_page("api"), urls.component_page("webhooks")):
        page, _ = open_page(source, viewport, base=outage_url)
        wait_for_local_times(page)
        assert axe_violations(page) == [], source


def test_outage_status_page_fits_a_phone_and_names_every_status(open_page, outage_url):
    page, _ = open_page(urls.HOME, PHONE, base=outage_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator(".sb-indicator strong").inner_text() == "Major Service Outage"
    for words in ("Major outage", "Partial outage", "Degraded performance"):
        assert page.locator(".sb-components .sb-status", has_text=words).is_visible(), words


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_shows_the_status_words_without_horizontal_scrolling(open_page, name):
    source, selector, words = PAGES[name]
    page, _ = open_page(source, PHONE)
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner == PHONE["width"]
    status = page.locator(selector)
    assert status.is_visible() and words in status.inner_text()
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= inner


def test_script_shows_times_in_the_readers_zone_and_keeps_utc(open_page):
    page, _ = open_page(urls.HOME, timezone_id="Europe/Berlin", locale="en-US")
    wait_for_local_times(page)
    as_of = page.locator(".sb-asof time")
    assert as_of.get_attribute("data-sb-local") == ""
    assert " ".join(as_of.inner_text().split()) == f"Nov 23, 2026, 07:00 PM GMT+1 ({AS_OF_UTC})"
    times = page.locator("time.sb-time")
    assert times.count() == page.locator("time.sb-time[data-sb-local]").count() > 0


def test_without_javascript_times_are_in_utc(open_page):
    page, _ = open_page(urls.HOME, java_script_enabled=False)
    as_of = page.locator(".sb-asof time")
    assert as_of.get_attribute("datetime") == "2026-11-23T18:00:00Z"
    assert as_of.inner_text() == AS_OF_UTC
    assert page.locator("time.sb-time[data-sb-local]").count() == 0
    assert page.locator(".sb-indicator strong").inner_text() == "Minor Service Outage"


def built_file(site_dir: Path, source: str) -> Path:
    """The HTML file MkDocs built for a page source."""
    return site_dir / urls.served(source) / "index.html"


def vnu_problems(files: list[Path]) -> list[str]:
    """Check HTML files with the Nu HTML Checker; return its errors and warnings, less Material's known one."""
    require(VNU.is_file(), f"the Nu HTML Checker is missing at {VNU}: {INSTALL_HINT}")
    require(shutil.which("java") is not None, "no java for the Nu HTML Checker: apt-get install default-jre-headless")
    command = ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
               "--filterpattern", rf"\Q{MATERIAL_AUTOCOMPLETE}\E", *map(str, files)]
    report = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stderr)
    return [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in report["messages"] if m["type"] != "info" or m.get("subType") == "warning"]


def test_pages_are_valid_html(public_site):
    files = [built_file(public_site, source) for source, _, _ in PAGES.values()]
    files += [public_site / "404.html", built_file(public_site, urls.HISTORY)]
    assert all(f.is_file() for f in files)
    assert vnu_problems(files) == []
