"""The public site in a real browser: no accessibility violations, fits a phone, local times.

Debian's chromium is driven through Playwright (see tests/site/browsing.py); locally a missing tool skips these
tests, under CI (CI=true) it fails them. The Nu HTML Checker runs over every page in test_html_validity.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import urls
from tests.site.browsing import (DESKTOP, PHONE, SCHEMES, axe_violations, contrast, overflowing_tables, page_overflow,
                                 serving, wait_for_local_times, wait_for_scheme)
from tests.site.conftest import build_site, copy_portal

OPEN_ID = "2026-11-23-api-increased-latency"
AS_OF_UTC = "2026-11-23 18:00 UTC"
# Each page, with an element that says a status in words and the words it must show.
PAGES = {
    "status": (urls.HOME, ".sb-indicator strong", "Minor Service Outage"),
    "incident": (urls.incident_page(OPEN_ID), ".sb-facts dd >> nth=0", "Monitoring"),
    "component": (urls.component_page("api"), ".sb-component-status .sb-status", "Recovering: monitoring a fix"),
    "history": (urls.HISTORY, f"li:has(a[href*='{OPEN_ID}']) .sb-history__meta", "Monitoring"),
    "month": (urls.month_page("2026-11"), f"tr:has(a[href*='{OPEN_ID}']) td >> nth=-1", "Monitoring"),
    "postmortem": (urls.postmortem_page("2026-09-16-checkout-payments-failing"), ".sb-actions .sb-label >> nth=0",
                   "done"),
    "subscribe": (urls.SUBSCRIBE, "#json-api", "JSON API"),
}
# The banner's background in every state, the same in both schemes; its text is white on each (4.8:1 or more).
BANNERS = {"none": "rgb(26, 127, 55)", "maintenance": "rgb(10, 88, 202)", "minor": "rgb(138, 97, 0)",
           "major": "rgb(179, 89, 0)", "critical": "rgb(180, 35, 24)"}


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


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_accessibility_violations(open_page, name, viewport, scheme):
    page, errors = open_page(PAGES[name][0], viewport, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    wait_for_local_times(page)
    assert axe_violations(page) == []
    assert errors == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_outage_colours_have_no_accessibility_violations(open_page, outage_url, viewport, scheme):
    for source in (urls.HOME, urls.component_page("api"), urls.component_page("webhooks")):
        page, _ = open_page(source, viewport, base=outage_url, color_scheme=scheme)
        wait_for_scheme(page, scheme)
        wait_for_local_times(page)
        assert axe_violations(page) == [], source


def test_status_colours_change_with_the_scheme(open_page, outage_url):
    shown = {}
    for scheme in SCHEMES:
        page, _ = open_page(urls.HOME, base=outage_url, color_scheme=scheme)
        wait_for_scheme(page, scheme)
        shown[scheme] = page.locator(".sb-components .sb-status--major_outage").evaluate(
            "element => getComputedStyle(element).color")
    assert shown == {"light": "rgb(180, 35, 24)", "dark": "rgb(255, 123, 114)"}


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_banner_of_every_state_has_its_colour_and_readable_words_and_icon(open_page, scheme):
    page, errors = open_page(urls.HOME, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    banner = page.locator(".sb-indicator")
    for state, background in BANNERS.items():
        banner.evaluate("(element, state) => { element.className = `sb-indicator sb-indicator--${state}`; }", state)
        shown = banner.evaluate("""element => [element, ...element.querySelectorAll('*')].map(
            e => [getComputedStyle(element).backgroundColor, getComputedStyle(e).color])""")
        assert shown[0][0] == background, state
        assert all(contrast(back, fore) >= 4.5 for back, fore in shown), (state, shown)
    assert errors == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_banner_says_the_overall_state_in_colour_icon_and_words_in_both_schemes(open_page, outage_url, scheme):
    page, errors = open_page(urls.HOME, base=outage_url, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    banner = page.locator(".sb-indicator")
    style = banner.evaluate("element => [getComputedStyle(element).backgroundColor, getComputedStyle(element).color]")
    assert style == [BANNERS["critical"], "rgb(255, 255, 255)"]
    assert banner.locator(".sb-indicator__icon").inner_text() == "✕"
    assert banner.locator(".sb-indicator__words").inner_text() == "Major Service Outage"
    content = page.locator(".md-content").bounding_box()
    assert banner.bounding_box()["width"] >= content["width"] - 2 * 16
    assert errors == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_toggle_switches_to_the_other_scheme(open_page, scheme):
    other = next(name for name in SCHEMES if name != scheme)
    page, errors = open_page(urls.HOME, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    label = {"light": "Switch to dark mode", "dark": "Switch to light mode"}[scheme]
    page.get_by_title(label).click()
    wait_for_scheme(page, other)
    page.reload()
    wait_for_scheme(page, other)
    assert errors == []


def test_outage_status_page_fits_a_phone_and_names_every_status(open_page, outage_url):
    page, _ = open_page(urls.HOME, PHONE, base=outage_url)
    width, inner = page_overflow(page)
    assert width <= inner == PHONE["width"]
    assert page.locator(".sb-indicator strong").inner_text() == "Major Service Outage"
    for words in ("Major outage", "Partial outage", "Degraded performance"):
        assert page.locator(".sb-components .sb-status", has_text=words).is_visible(), words


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_or_table_is_wider_than_the_screen(open_page, name, viewport, scheme):
    page, errors = open_page(PAGES[name][0], viewport, color_scheme=scheme)
    wait_for_scheme(page, scheme)
    wait_for_local_times(page)
    width, inner = page_overflow(page)
    assert width <= inner == viewport["width"]
    assert overflowing_tables(page) == []
    assert errors == []


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_shows_the_status_words_without_horizontal_scrolling(open_page, name):
    source, selector, words = PAGES[name]
    page, _ = open_page(source, PHONE)
    width, inner = page_overflow(page)
    assert width <= inner == PHONE["width"]
    status = page.locator(selector)
    assert status.is_visible() and words in status.inner_text()
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= inner


def test_script_shows_each_time_once_in_the_readers_zone_with_utc_on_hover(open_page):
    page, _ = open_page(urls.HOME, timezone_id="Europe/Berlin", locale="en-US")
    wait_for_local_times(page)
    as_of = page.locator(".sb-indicator .sb-asof time")
    assert as_of.get_attribute("data-sb-local") == ""
    assert " ".join(as_of.inner_text().split()) == "Nov 23, 2026, 07:00 PM GMT+1"
    assert as_of.get_attribute("title") == AS_OF_UTC and as_of.get_attribute("datetime") == "2026-11-23T18:00:00Z"
    times = page.locator("time.sb-time")
    assert times.count() == page.locator("time.sb-time[data-sb-local]").count() > 0
    assert "UTC" not in " ".join(times.all_inner_texts())


def test_without_javascript_times_are_in_utc(open_page):
    page, _ = open_page(urls.HOME, java_script_enabled=False)
    as_of = page.locator(".sb-indicator .sb-asof time")
    assert as_of.get_attribute("datetime") == "2026-11-23T18:00:00Z"
    assert as_of.inner_text() == AS_OF_UTC and as_of.get_attribute("title") == AS_OF_UTC
    assert page.locator("time.sb-time[data-sb-local]").count() == 0
    assert page.locator(".sb-indicator strong").inner_text() == "Minor Service Outage"
    assert "(" not in page.locator(".sb-incident .sb-update__head").first.inner_text()


def test_components_named_by_the_monitoring_incident_say_recovering_not_operational(open_page):
    page, errors = open_page(urls.HOME)
    assert page.locator(".sb-indicator strong").inner_text() == "Minor Service Outage"
    for name in ("Public API", "Webhooks"):
        row = page.locator(".sb-components li", has=page.get_by_role("link", name=name, exact=True))
        assert row.locator(".sb-status").inner_text() == "↻ Recovering", name
        assert "Monitoring a fix: Increased latency on the Public API and webhooks" in row.inner_text(), name
    website = page.locator(".sb-components li", has=page.get_by_role("link", name="Website", exact=True))
    assert website.locator(".sb-status").inner_text() == "✓ Operational"
    assert errors == []


def test_todays_bar_counts_the_open_outage_shown_in_the_banner(open_page, outage_url):
    page, errors = open_page(urls.HOME, base=outage_url)
    assert page.locator(".sb-indicator strong").inner_text() == "Major Service Outage"
    api = page.locator(".sb-uptime", has=page.locator(".sb-uptime__name", has_text="Public API"))
    assert "sb-bar--major_outage" in api.locator(".sb-bar").last.get_attribute("class")
    assert api.locator(".sb-uptime__percent").inner_text() != "100.00 % uptime"
    assert errors == []


def test_the_header_has_the_site_name_and_a_subscribe_button_and_no_documentation_chrome(open_page):
    page, errors = open_page(urls.HOME)
    header = page.locator("header.md-header")
    assert header.locator(".md-header__topic").first.inner_text().strip() == "Acme Cloud Status"
    assert page.title() == "Acme Cloud Status"
    assert page.locator(".md-sidebar, .md-nav--primary, .md-nav--secondary").count() == 0
    assert "Made with" not in page.locator("footer").inner_text()
    header.get_by_role("link", name="Subscribe").click()
    page.wait_for_url(f"**/{urls.served(urls.SUBSCRIBE)}")
    assert page.locator("h1").inner_text().strip() == "Subscribe to updates"
    assert errors == []
