"""The search index is written from the views: every entry is a page of the site, and only what that site may show."""

from __future__ import annotations

import json
import re
from html import escape

import pytest

from generator.build import render_site
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.site.conftest import NOW, REPO

LATENCY = "2026-11-23-api-increased-latency"


@pytest.fixture(scope="module", params=[Audience.PUBLIC, Audience.INTERNAL], ids=["public", "internal"])
def rendered(request):
    """The example's rendered files and search index for one audience."""
    corpus = load_root(REPO).corpus
    view = site_view(corpus, request.param, parse_now(NOW))
    output = render_site(view)
    return request.param, view, output.files, json.loads(output.files[urls.SEARCH_INDEX])


def test_every_entry_is_a_page_of_the_site(rendered):
    _, _, files, index = rendered
    served = {urls.served(path) for path in files if path.endswith(".md")}
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))
    assert set(locations) <= served
    assert index["config"]["lang"] == ["en"] and index["config"]["fields"]["title"]["boost"] > 1


def test_every_incident_component_and_postmortem_is_found_with_its_text(rendered):
    _, view, _, index = rendered
    docs = {doc["location"]: doc for doc in index["docs"]}
    for v in view.incidents:
        entry = docs[urls.served(urls.incident_page(v.id))]
        assert entry["title"] == escape(v.title)
        assert v.status_label in entry["text"]
        if v.postmortem is not None:
            assert urls.served(urls.postmortem_page(v.id)) in docs
    for state in view.status.components:
        assert docs[urls.served(urls.component_page(state.component.id))]["title"] == state.component.name
    latency = docs[urls.served(urls.incident_page(LATENCY))]["text"]
    assert "We will keep traffic out of the affected zone" in latency


def test_severity_and_owner_are_indexed_on_the_portal_only(rendered):
    audience, view, _, index = rendered
    text = json.dumps(index)
    latency = next(doc for doc in index["docs"] if doc["location"] == urls.served(urls.incident_page(LATENCY)))
    if audience is Audience.PUBLIC:
        # Contributor text of a published postmortem may name a severity; the index's own facts never do.
        assert not re.search(r"\bSEV[1-4] \(", text) and "Owner:" not in text
    else:
        owner = view.portal.records[LATENCY].owner
        assert f"Owner: {owner}" in latency["text"] and re.search(r"\bSEV[1-4] \(", latency["text"])
