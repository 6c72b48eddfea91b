"""Both sites' headers in Chromium: the status site's name and Subscribe button, the portal's name, Internal mark and colour.

The portal must never be taken for the public page: every portal page says so in its header, on a dark slate that
keeps white text at 4.5:1 or more in both colour schemes.
"""

from __future__ import annotations


import pytest

from generator.render import urls
from tests.site.browsing import DESKTOP, PHONE, SCHEMES, axe_violations, contrast, wait_for_scheme

PORTAL_NAME = "Acme Cloud Status records portal"
PORTAL_PAGES = (urls.NOW, urls.HOME, urls.HISTORY, urls.POSTMORTEMS, urls.ACTIONS, urls.ONCALL, urls.METRICS,
                urls.component_page("api"), urls.incident_page("2026-11-23-api-increased-latency"))
SLATE = "rgb(51, 65, 85)"


@pytest.mark.parametrize("source", PORTAL_PAGES)
def test_every_portal_page_names_the_portal_and_says_internal(open_portal, source):
    page, errors = open_portal(source)
    header = page.locator("header.md-header")
    assert header.locator(".md-header__topic").first.inner_text().strip() == PORTAL_NAME
    assert header.locator(".sb-internal-mark").inner_text().strip().lower() == "internal"
    assert header.get_by_role("link", name="Subscribe").count() == 0
    assert page.title() == PORTAL_NAME or page.title().endswith(f" - {PORTAL_NAME}")
    assert errors == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_portal_header_is_slate_with_readable_text_and_keeps_the_navigation(open_portal, scheme):
    page, errors = open_portal(urls.NOW, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    header = page.locator("header.md-header")
    background, text = header.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    mark = header.locator(".sb-internal-mark").evaluate("e => getComputedStyle(e).color")
    assert background == SLATE
    assert contrast(background, text) >= 4.5 and contrast(background, mark) >= 4.5
    nav = page.locator(".md-nav--primary")
    for section in ("Now", "Status", "Components", "History", "Postmortems", "Action items", "On call", "Metrics"):
        assert nav.get_by_text(section, exact=True).count() >= 1, section
    assert axe_violations(page) == []
    assert errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_status_sites_header_differs_from_the_portals(open_page, viewport):
    page, errors = open_page(urls.HOME, viewport)
    header = page.locator("header.md-header")
    assert header.locator(".sb-internal-mark").count() == 0
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") != SLATE
    subscribe = header.get_by_role("link", name="Subscribe")
    assert subscribe.is_visible()
    box = subscribe.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert errors == []
