"""Tools for checking built sites in a real browser: serve a site, drive Debian's chromium, run axe-core.

Debian's chromium is driven through Playwright; axe-core (like the Nu HTML Checker of test_html_validity.py) comes
from the npm packages that .ci/run installs into node_modules. Locally a missing tool skips the tests that need it;
under CI (CI=true) it fails them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from generator.render import urls
from tests.site.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = REPO / "node_modules/axe-core/axe.min.js"
INSTALL_HINT = "install it with `bash .ci/run` or `npm ci` in the repository root"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
# The reader's system setting (playwright's color_scheme) and the Material scheme the page must then be in.
SCHEMES = {"light": "default", "dark": "slate"}


def require(present: bool, reason: str) -> None:
    """Fail under CI, skip elsewhere, when a tool these tests need is missing."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request, adding the given response headers to each answer."""

    def __init__(self, *args, headers: Mapping[str, str] | None = None, **kwargs):
        """Keep the extra headers; the base class answers the request as it initialises."""
        self.extra_headers = dict(headers or {})
        super().__init__(*args, **kwargs)

    def end_headers(self):
        """Send the extra headers, then end the header block."""
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        """Log nothing."""


@contextmanager
def serving(site_dir: Path, headers: Mapping[str, str] | None = None):
    """Serve a built site on 127.0.0.1 for the duration, adding ``headers`` to each answer; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site_dir), headers=headers)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium():
    """Launch Debian's chromium headless through Playwright; yield the browser."""
    require(CHROMIUM.is_file(), f"no browser at {CHROMIUM}: apt-get install -y --no-install-recommends chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the Python package playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def watch_errors(page) -> list[str]:
    """Collect the page's uncaught script errors, console errors, failed requests and answers of 400 or more."""
    errors: list[str] = []

    def console(message) -> None:
        """Keep a console error."""
        if message.type == "error":
            errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def response(answer) -> None:
        """Keep an answer that says the request failed."""
        if answer.status >= 400:
            errors.append(f"HTTP {answer.status}: {answer.url}")

    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("console", console)
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url} ({request.failure})"))
    page.on("response", response)
    return errors


@contextmanager
def page_opener(browser, site_url: str):
    """Yield a function that opens a page source in a fresh context; off-site requests are refused.

    The function takes the page source, a viewport, the base URL of another served site, a moment to fix the page's
    clock at (before anything on the page runs), and further browser-context options; it returns the loaded page
    and the list of script errors seen on it so far.
    """
    contexts = []

    def opener(source: str, viewport: dict = DESKTOP, base: str = site_url, clock: datetime | None = None,
               **options):
        """Open ``source`` of the site at ``base`` and return the loaded page and the script errors seen on it."""
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        if clock is not None:
            context.clock.set_fixed_time(clock)
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(base + urls.served(source))
        return page, errors

    try:
        yield opener
    finally:
        for context in contexts:
            context.close()


def axe_violations(page) -> list[str]:
    """Run axe-core on the page and describe each violation with the elements it names."""
    require(AXE.is_file(), f"axe-core is missing at {AXE}: {INSTALL_HINT}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]]


def wait_for_scheme(page, scheme: str) -> None:
    """Wait until Material has put the page in the scheme that the reader's ``light`` or ``dark`` setting asks for."""
    page.wait_for_function(f"document.body.dataset.mdColorScheme === {SCHEMES[scheme]!r}")


def wait_for_local_times(page) -> None:
    """Wait until the page script has rewritten every time element."""
    page.wait_for_function("document.querySelectorAll('time.sb-time:not([data-sb-local])').length === 0")


def page_overflow(page) -> tuple[int, int]:
    """Return the page's scroll width and the window's inner width: a wider page scrolls sideways."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return width, inner


def overflowing_tables(page) -> list[str]:
    """Describe every shown table wider than the box it sits in, or whose box scrolls: a table must fit."""
    return page.evaluate("""() => [...document.querySelectorAll('table')].filter(table => table.offsetParent)
        .filter(table => table.scrollWidth > table.parentElement.clientWidth
                         || table.parentElement.scrollWidth > table.parentElement.clientWidth)
        .map(table => `${table.className}: ${table.scrollWidth} > ${table.parentElement.clientWidth}`)""")


def luminance(rgb: str) -> float:
    """Return the WCAG relative luminance of a computed ``rgb(r, g, b)`` colour."""
    channels = [int(part) / 255 for part in rgb.removeprefix("rgb(").removesuffix(")").split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two computed colours."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
