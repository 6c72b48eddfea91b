"""Material's search box in Chromium finds incidents, postmortems and components from the index Statusbook writes."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.views.portal import portal_view
from tests.site.conftest import NOW, REPO

LATENCY = "2026-11-23-api-increased-latency"


def search(page, query: str):
    """Type ``query`` into the header's search box and return the result links once results are shown.

    The search worker loads the index after the page; a query typed before it is ready finds nothing, so type again.
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a.md-search-result__link")
    box.click()
    for _ in range(30):
        box.fill("")
        box.press_sequentially(query)
        try:
            results.first.wait_for(timeout=1_000)
            return results
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no search results for {query!r}")


def test_the_status_site_finds_an_incident_by_a_word_of_its_updates(open_page):
    page, errors = open_page(urls.HOME)
    results = search(page, "zone")
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(href.rstrip("/").endswith(f"incidents/{LATENCY}") for href in hrefs), hrefs
    assert errors == []


def test_the_status_site_finds_a_component_by_its_name(open_page):
    page, errors = open_page(urls.HISTORY)
    results = search(page, "Webhooks")
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(href.rstrip("/").endswith("components/webhooks") for href in hrefs), hrefs
    assert errors == []


def test_the_portal_finds_an_incident_by_its_owner(open_portal):
    owner = portal_view(load_root(REPO).corpus, parse_now(NOW)).records[LATENCY].owner
    page, errors = open_portal(urls.NOW)
    results = search(page, owner.split()[-1])
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(href.rstrip("/").endswith(f"incidents/{LATENCY}") for href in hrefs), hrefs
    assert errors == []
