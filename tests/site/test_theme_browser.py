"""The themed example portal in a real browser: no accessibility violations at desktop and phone, light and dark."""

from __future__ import annotations

import pytest

from generator.render import urls
from tests.site.browsing import DESKTOP, PHONE, axe_violations, page_opener, serving, wait_for_local_times
from tests.site.conftest import build_site
from tests.site.theming import themed_portal

PAGES = {"status": urls.HOME, "incident": urls.incident_page("2026-11-23-api-increased-latency")}


@pytest.fixture(scope="module")
def themed_url(tmp_path_factory):
    """The themed portal's public site, built and served."""
    base = tmp_path_factory.mktemp("themed-browser")
    result = build_site(themed_portal(base / "portal"), base / "site")
    assert result.built, result.report.problems
    with serving(base / "site") as url:
        yield url


@pytest.fixture
def open_themed(browser, themed_url):
    """Open pages of the themed site in fresh contexts."""
    with page_opener(browser, themed_url) as opener:
        yield opener


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_themed_page_has_no_accessibility_violations(open_themed, name, viewport, scheme):
    page, errors = open_themed(PAGES[name], viewport, color_scheme=scheme)
    wait_for_local_times(page)
    assert page.locator("img[src$='assets/theme/logo.svg']").first.is_visible() or viewport is PHONE
    assert page.locator(".sb-footer-links a").count() == 2
    assert axe_violations(page) == []
    assert errors == []
