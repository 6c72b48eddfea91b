"""Status badges: one per site and per public component, valid SVG that says the status in words."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.incident import Update
from generator.model.site import Component
from generator.render import urls
from generator.render.badges import badge_files, text_width
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, incident, site

REPO = Path(__file__).parents[2]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def example():
    """The example portal's records."""
    return load_root(REPO).corpus


def badges(view) -> dict[str, ET.Element]:
    """Render the badges of a view and parse each as XML, keyed by path."""
    return {f.path: ET.fromstring(f.content) for f in badge_files(view)}


def spoken(svg: ET.Element) -> str:
    """Return what a badge says to a screen reader, after checking its title says the same."""
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == svg.get("aria-label")
    return svg.get("aria-label")


def shown(svg: ET.Element) -> list[str]:
    """Return the distinct texts drawn on the badge, in order."""
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    return list(dict.fromkeys(texts))


def small_view(components, *incidents, now="2026-06-10T12:00Z"):
    """A public view of a small site."""
    records = corpus(site=site(url="https://status.example.com/", components=components), incidents=list(incidents))
    return site_view(records, Audience.PUBLIC, at(now))


def test_one_badge_for_the_site_and_each_public_component(example):
    view = site_view(example, Audience.PUBLIC, parse_now("2026-11-23T18:00:00Z"))
    paths = set(badges(view))
    public = [c.id for c in example.site.components if c.public]
    assert paths == {urls.BADGE} | {urls.component_badge(c) for c in public}
    assert urls.component_badge("ci-runners") not in paths


def test_site_badge_says_the_indicator_in_words(example):
    view = site_view(example, Audience.PUBLIC, parse_now("2026-11-23T18:00:00Z"))
    svg = badges(view)[urls.BADGE]
    assert spoken(svg) == "status: minor service outage"
    assert shown(svg) == ["status", "minor service outage"]


def test_component_badges_say_the_component_status(example):
    view = site_view(example, Audience.PUBLIC, parse_now("2026-11-23T15:30:00Z"))
    found = badges(view)
    assert spoken(found[urls.component_badge("api")]) == "Public API: degraded performance"
    assert shown(found[urls.component_badge("api")]) == ["Public API", "degraded performance"]
    assert spoken(found[urls.component_badge("website")]) == "Website: operational"


def test_all_clear_badge():
    svg = badges(small_view((Component("api", "API", True),)))[urls.BADGE]
    assert spoken(svg) == "status: all systems operational"


def test_each_status_has_its_own_words_and_colour():
    impacts = ("degraded_performance", "partial_outage", "major_outage", "under_maintenance")
    components = tuple(Component(i, i, True) for i in impacts) + (Component("ok", "ok", True),)
    records = [
        incident(f"2026-06-10-{i.replace('_', '-')}", status="investigating", resolved=None, started=at("2026-06-10T11:00Z"),
                 components={i: i}, updates=(Update(at("2026-06-10T11:05Z"), "investigating", "Looking."),))
        for i in impacts
    ]
    found = badges(small_view(components, *records))
    words = {c.id: shown(found[urls.component_badge(c.id)])[1] for c in components}
    assert words == {"degraded_performance": "degraded performance", "partial_outage": "partial outage",
                     "major_outage": "major outage", "under_maintenance": "under maintenance", "ok": "operational"}
    colours = {found[urls.component_badge(c.id)].findall(f".//{SVG}g/{SVG}rect")[1].get("fill") for c in components}
    assert len(colours) == len(components)
    assert spoken(found[urls.BADGE]) == "status: major service outage"


def test_names_are_escaped_and_survive_as_text():
    name = 'A & <b>"B"</b> \'C\''
    content = next(f.content for f in badge_files(small_view((Component("x", name, True),))) if f.path.endswith("x.svg"))
    assert b"<b>" not in content
    svg = ET.fromstring(content)
    assert spoken(svg) == f"{name}: operational"
    assert shown(svg)[0] == name


def test_width_follows_the_text():
    short, long = Component("a", "API", True), Component("b", "Customer accounts and billing", True)
    found = badges(small_view((short, long)))
    widths = {k: int(v.get("width")) for k, v in found.items()}
    assert widths[urls.component_badge("b")] > widths[urls.component_badge("a")] + 100
    svg = found[urls.component_badge("b")]
    rects = svg.findall(f".//{SVG}g/{SVG}rect")
    assert int(rects[0].get("width")) + int(rects[1].get("width")) == widths[urls.component_badge("b")]
    assert svg.findall(f".//{SVG}text")[1].get("textLength") == str(text_width(long.name))


def test_wide_and_accented_names_are_measured():
    assert text_width("状态") > text_width("ab")
    assert text_width("Ü") > 0


def test_same_view_gives_identical_bytes(example):
    view = site_view(example, Audience.PUBLIC, parse_now("2026-11-23T18:00:00Z"))
    assert [(f.path, f.content) for f in badge_files(view)] == [(f.path, f.content) for f in badge_files(view)]
