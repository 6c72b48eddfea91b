"""A reader's journeys through the public site in Chromium: status, an incident's timeline, and the feeds."""

from __future__ import annotations

import feedparser
import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.site.conftest import NOW, REPO


@pytest.fixture(scope="module")
def view():
    """What the public site shows, from the model, to compare the browser's page with."""
    return site_view(load_root(REPO).corpus, Audience.PUBLIC, parse_now(NOW))


def test_status_page_shows_each_components_status_in_words(open_page, view):
    """Every visible component is listed with the status words the model gives it."""
    page, errors = open_page(urls.HOME)
    for state in view.status.components:
        item = page.locator(".sb-components li", has=page.get_by_role("link", name=state.component.name, exact=True))
        assert item.locator(".sb-status").inner_text().strip().endswith(state.words), state.component.id
    assert errors == []


def test_an_active_incident_leads_to_its_page_with_the_timeline(open_page, view):
    """Following the active incident's link from the status page opens its page with every update, newest first."""
    (active,) = view.status.active
    page, errors = open_page(urls.HOME)
    page.locator(".sb-incident__title a", has_text=active.title).click()
    page.wait_for_url(f"**/{urls.served(urls.incident_page(active.id))}")
    heads = [h.strip() for h in page.locator(".sb-updates .sb-update__head strong").all_inner_texts()]
    assert heads == [u.label for u in reversed(active.updates)]
    assert page.locator("h1").inner_text().strip() == active.title
    assert errors == []


def test_feeds_are_discoverable_and_parse(open_page, site_url):
    """The status page announces RSS and Atom feeds in its head; both load and parse as feeds with entries."""
    page, errors = open_page(urls.HOME)
    links = page.locator('head link[rel="alternate"]')
    found = {links.nth(i).get_attribute("type"): links.nth(i).evaluate("l => l.href") for i in range(links.count())}
    assert set(found) == {"application/rss+xml", "application/atom+xml"}
    for address in found.values():
        response = page.request.get(address)
        assert response.ok, address
        parsed = feedparser.parse(response.body())
        assert not parsed.bozo and parsed.entries, address
    assert errors == []
