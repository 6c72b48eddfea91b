"""Save screenshots of the example portal for the documentation: the status page (light and dark) and the Now page.

Builds both sites of the example portal in this repository at the example's moment, serves them on 127.0.0.1 and
photographs them with Debian's chromium through Playwright, with the browser's clock, time zone and language fixed,
so that the same records give the same pictures:

    python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import build  # noqa: E402
from generator.clock import parse_now  # noqa: E402
from generator.views.audience import Audience  # noqa: E402

MOMENT = "2026-11-23T18:00:00Z"
VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# File name: (site, served path, the reader's colour scheme, the Material scheme the page must then be in).
SHOTS = {
    "status-light.png": (Audience.PUBLIC, "", "light", "default"),
    "status-dark.png": (Audience.PUBLIC, "", "dark", "slate"),
    "portal-now.png": (Audience.INTERNAL, "now/", "light", "default"),
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format, *args):
        """Log nothing."""


@contextmanager
def serving(site_dir: Path):
    """Serve a built site on 127.0.0.1 for the duration; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_sites(folder: Path) -> dict[Audience, Path]:
    """Build the example's public site and internal portal into ``folder`` at the example's moment."""
    sites = {}
    for audience in (Audience.PUBLIC, Audience.INTERNAL):
        site_dir = folder / audience.value
        result = build(REPO, audience, site_dir, parse_now(MOMENT))
        if not result.built:
            raise SystemExit(f"the {audience.value} site did not build")
        sites[audience] = site_dir
    return sites


def photograph(browser, base: str, source: str, scheme: str, material_scheme: str, path: Path) -> None:
    """Open ``source`` of the site at ``base`` at the example's moment in a scheme; save the window as a PNG."""
    context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme, timezone_id="UTC", locale="en-US")
    try:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        context.clock.set_fixed_time(parse_now(MOMENT))
        page = context.new_page()
        page.goto(base + source)
        page.wait_for_function(f"document.body.dataset.mdColorScheme === {material_scheme!r}")
        page.wait_for_function("document.querySelectorAll('time.sb-time:not([data-sb-local])').length === 0")
        page.evaluate("document.fonts.ready")
        page.screenshot(path=path)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Build, serve and photograph the example; write the PNGs into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="folder for the PNG files")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the chromium binary to drive")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        sites = build_sites(Path(folder))
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_FLAGS)
        try:
            for name, (audience, path, scheme, material_scheme) in SHOTS.items():
                with serving(sites[audience]) as base:
                    photograph(browser, base, path, scheme, material_scheme, args.out / name)
                print(f"Saved {args.out / name}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
