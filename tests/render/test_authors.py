"""Who posted each update and whom it waits on: the portal shows both, the public site only whom it waits on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.render.pages import PageRenderer, page_files
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.render.test_records import API, NOW, page_of, render

REPO = Path(__file__).parents[2]
WHAT_NEXT = "Provider case 0481 (urgent)"


@pytest.fixture(scope="module")
def example():
    """The example portal's records."""
    return load_root(REPO).corpus


@pytest.fixture(scope="module")
def public(example):
    """The public site's pages at the example's moment, keyed by path."""
    view = site_view(example, Audience.PUBLIC, parse_now("2026-11-23T18:00:00Z"))
    return {f.path: f.content.decode("utf-8") for f in page_files(view, PageRenderer(view))}


def test_portal_shows_each_updates_author_what_next_and_the_pauses(example):
    """Beside each update its author; under the waiting one who and what next; the pause with its cover."""
    page = page_of(render(example, NOW), API)
    updates = page.split('<ol class="sb-updates" reversed>')[1].split("</ol>")[0]
    authors = [part.split("</span>")[0] for part in updates.split('<span class="sb-update__by">')[1:]]
    assert authors == ["by Dana Kowalski", "by Julia Santos", "by Dana Kowalski", "by Julia Santos"]
    assert f'<p class="sb-waiting">Waiting on our cloud provider. Next: {WHAT_NEXT}' in updates
    pauses = page.split('<ul class="sb-pauses">')[1].split("</ul>")[0]
    assert pauses.startswith("\n<li>Julia Santos paused from <time datetime=\"2026-11-23T17:45:00Z\"")
    assert "(30 min): Bruno Lindqvist covering</li>" in pauses
    timeline = page.split('<ol class="sb-timeline">')[1].split("</ol>")[0]
    assert '<span class="sb-label">Public update</span>: Monitoring · <time datetime="2026-11-23T17:35:00Z"' in timeline
    assert "2026-11-23 17:35 UTC</time> · Dana Kowalski</p>" in timeline


def test_an_update_without_author_says_so_on_the_portal(example):
    """A record without 'by' shows that the author is not recorded, not a guess."""
    from dataclasses import replace

    record = next(i for i in example.incidents if i.id == API)
    bare = replace(record, updates=tuple(replace(u, by=None) for u in record.updates))
    corpus = replace(example, incidents=tuple(bare if i.id == API else i for i in example.incidents))
    assert page_of(render(corpus, NOW), API).count("author not recorded") == 4


def test_public_pages_say_whom_an_update_waits_on_but_never_who_posted_it(public):
    """The incident page and the home page's summary name the provider; no author, what next or pause is shown."""
    page = public[urls.incident_page(API)]
    assert '<p class="sb-waiting">Waiting on our cloud provider</p>' in page
    assert '<p class="sb-waiting">Waiting on our cloud provider</p>' in public[urls.HOME]
    for text in (public[urls.HOME], page):
        assert not any(hidden in text for hidden in ("Dana Kowalski", "Julia Santos", "sb-update__by", WHAT_NEXT, "paused"))
