"""The themed example portal in a real browser: no accessibility violations at desktop and phone, light and dark."""

from __future__ import annotations

import pytest

from generator.render import urls
from tests.site.browsing import (DESKTOP, PHONE, SCHEMES, axe_violations, page_opener, serving, wait_for_local_times,
                                 wait_for_scheme)
from tests.site.conftest import build_site
from tests.site.theming import THEME, themed_portal

# The example theme, with a primary colour of its own in each scheme so that the test can tell them apart.
DARK_PRIMARY = "#1d4ed8"
TWO_PRIMARIES = THEME.replace('primary: "#0b5fff"', f'primary: {{light: "#0b5fff", dark: "{DARK_PRIMARY}"}}')

PAGES = {"status": urls.HOME, "incident": urls.incident_page("2026-11-23-api-increased-latency")}


@pytest.fixture(scope="module")
def themed_url(tmp_path_factory):
    """The themed portal's public site, built and served."""
    base = tmp_path_factory.mktemp("themed-browser")
    assert TWO_PRIMARIES != THEME
    result = build_site(themed_portal(base / "portal", TWO_PRIMARIES), base / "site")
    assert result.built, result.report.problems
    with serving(base / "site") as url:
        yield url


@pytest.fixture
def open_themed(browser, themed_url):
    """Open pages of the themed site in fresh contexts."""
    with page_opener(browser, themed_url) as opener:
        yield opener


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_themed_page_has_no_accessibility_violations(open_themed, name, viewport, scheme):
    page, errors = open_themed(PAGES[name], viewport, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    wait_for_local_times(page)
    assert page.locator("img[src$='assets/theme/logo.svg']").first.is_visible() or viewport is PHONE
    assert page.locator(".sb-footer-links a").count() == 2
    assert axe_violations(page) == []
    assert errors == []


def computed(page, selector: str, property_name: str) -> str:
    """The computed value of one CSS property of the first element that matches ``selector``."""
    return page.locator(selector).first.evaluate(f"element => getComputedStyle(element).{property_name}")


# The themed portal's colours per scheme: the header's as the browser computes it, the accent as the theme gives it.
THEMED = {"light": {"header": "rgb(11, 95, 255)", "accent": "#b3261e"},
          "dark": {"header": "rgb(29, 78, 216)", "accent": "#ffb4ab"}}


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_themes_colours_for_the_scheme_apply(open_themed, scheme):
    page, errors = open_themed(PAGES["status"], color_scheme=scheme)
    wait_for_scheme(page, scheme)
    assert computed(page, ".md-header", "backgroundColor") == THEMED[scheme]["header"]
    accent = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()")
    assert accent == THEMED[scheme]["accent"]
    assert errors == []
