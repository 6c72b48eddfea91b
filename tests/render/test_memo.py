"""Keyed files: a record's page is keyed by everything that shapes it, and rendered again only when that changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.render.memo import Reuse, file_key, input_digest, keyed, shared_digest
from generator.render.output import KeptFile, OutputFile
from generator.render.pages import PageRenderer, page_files
from generator.render.records import record_files
from generator.views.audience import Audience
from generator.views.page import site_view
from generator.views.records import VERDICT_LABELS

REPO = Path(__file__).parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
API = "2026-11-23-api-increased-latency"


@pytest.fixture(scope="module")
def example():
    """The example portal's records."""
    return load_root(REPO).corpus


def keyed_files(corpus, audience: Audience, now=NOW, reuse: Reuse | None = None) -> dict[str, OutputFile | KeptFile]:
    """The record pages (and, for the portal, timeline pictures) of a site, by path."""
    view = site_view(corpus, audience, now)
    pages = PageRenderer(view, reuse)
    found = page_files(view, pages) if view.portal is None else record_files(view, pages, view.portal.records)
    return {item.path: item for item in found if item.key is not None}


@pytest.mark.parametrize("audience", list(Audience))
def test_a_record_page_reads_only_its_record_and_the_sites_scope(example, audience):
    view = site_view(example, audience, NOW)
    pages = PageRenderer(view)
    incident = next(v for v in view.incidents if v.id == API)
    source = urls.incident_page(API)
    template = "public/incident.md.j2" if view.portal is None else "internal/incident.md.j2"
    context = {"incident": incident} if view.portal is None else {
        "incident": incident, "record": view.portal.records[API], "picture_alt": "Timeline.", "verdict_labels": VERDICT_LABELS}
    whole = pages.body(view, template, source, incident.title, context)
    assert pages.record_page(template, source, incident.title, input_digest(context), lambda: context).content == whole


@pytest.mark.parametrize("audience", list(Audience))
def test_equal_records_give_equal_keys_and_a_changed_one_changes_only_its_own(example, audience):
    first, again = keyed_files(example, audience), keyed_files(load_root(REPO).corpus, audience)
    assert {p: f.key for p, f in first.items()} == {p: f.key for p, f in again.items()}
    changed = [replace(i, title=f"Edited {i.title}") if i.id == API else i for i in example.incidents]
    edited = keyed_files(replace(example, incidents=changed), audience)
    differ = {path for path in first if first[path].key != edited[path].key}
    listed = {urls.HISTORY, urls.month_page(API[:7]), urls.component_page("api"), urls.component_page("webhooks")}
    listings = listed & first.keys()
    assert len(listings) == (4 if audience is Audience.PUBLIC else 0)  # the portal's are not among its record files
    assert {urls.incident_page(API)} | listings <= differ
    assert all(API in path for path in differ - listings)


def test_the_history_is_keyed_by_its_full_months_and_the_counts_of_earlier_ones(example):
    first = keyed_files(example, Audience.PUBLIC)
    june = next(i for i in example.incidents if i.id.startswith("2026-06"))
    retitled = keyed_files(replace(example, incidents=[replace(i, title="Edited") if i is june else i
                                                       for i in example.incidents]), Audience.PUBLIC)
    assert retitled[urls.HISTORY].key == first[urls.HISTORY].key
    assert retitled[urls.month_page("2026-06")].key != first[urls.month_page("2026-06")].key
    removed = keyed_files(replace(example, incidents=[i for i in example.incidents if i is not june]), Audience.PUBLIC)
    assert removed[urls.HISTORY].key != first[urls.HISTORY].key


def test_another_moment_keys_every_file_anew(example):
    first, later = keyed_files(example, Audience.INTERNAL), keyed_files(example, Audience.INTERNAL, parse_now("2026-11-24T18:00:00Z"))
    assert all(first[path].key != later[path].key for path in first)


def test_a_kept_file_is_not_rendered_and_carries_the_previous_digest(example):
    first = keyed_files(example, Audience.PUBLIC)
    page = first[urls.incident_page(API)]
    reuse = Reuse({page.key: (page.path, "d" * 32)})
    again = keyed_files(example, Audience.PUBLIC, reuse=reuse)
    assert again[page.path] == KeptFile(page.path, page.key, "d" * 32)
    assert all(isinstance(item, OutputFile) for path, item in again.items() if path != page.path)


def test_a_key_kept_for_another_path_is_rendered():
    reuse = Reuse({"k": ("incidents/a.md", "d" * 32)})
    assert keyed(reuse, "k", "incidents/b.md", lambda: b"page") == OutputFile("incidents/b.md", b"page", "k")
    assert keyed(reuse, "k", "incidents/a.md", lambda: b"page") == KeptFile("incidents/a.md", "k", "d" * 32)


def test_the_shared_digest_and_keys_follow_every_input():
    shared, a, b = shared_digest("scope"), input_digest({"title": "A"}), input_digest({"title": "B"})
    assert shared != shared_digest("other scope")
    assert file_key(shared, "a.md", a) == file_key(shared, "a.md", input_digest({"title": "A"}))
    assert len({file_key(shared, "a.md", a), file_key(shared, "b.md", a), file_key(shared, "a.md", b),
                file_key(shared_digest("x"), "a.md", a)}) == 4
