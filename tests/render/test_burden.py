"""The on-call burden page: one table per month inside a scroll box, warnings first, names escaped."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from generator.build import render_site
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.rotation import Shift
from generator.render import urls
from generator.render.burden import burden_page
from generator.model.site import Person
from generator.render.pages import PageRenderer
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, handled_incident, rotation, site
from tests.checks.factories import people as crew

REPO = Path(__file__).parents[2]
NOW = "2026-11-23T18:00:00Z"
HOSTILE = '<script>alert("x")</script> & co'


def page_of(records, now) -> str:
    """Render the burden page of a corpus at ``now``."""
    view = site_view(records, Audience.INTERNAL, now)
    return burden_page(PageRenderer(view), view.portal.burden).content.decode("utf-8")


def test_example_page_has_a_table_per_month_in_a_scroll_box() -> None:
    """Each month's table sits in a labelled scroll region, newest month first, with one row per person."""
    page = page_of(load_root(REPO).corpus, parse_now(NOW))
    captions = re.findall(r"<caption>(.*?)</caption>", page)
    assert captions[0] == "2026-11: on-call burden per person" and captions[-1] == "2026-06: on-call burden per person"
    assert '<div class="sb-scroll" role="region" tabindex="0" aria-label="2026-11: on-call burden">' in page
    november = page.split("<caption>2026-11", 1)[1].split("</table>", 1)[0]
    dana = re.search(r'<th scope="row">Dana Kowalski</th>(.*?)</tr>', november).group(1)
    assert '<td data-label="Hours on duty">172.5</td>' in dana
    assert '<td data-label="After-hours incidents">0</td>' in dana
    alice = re.search(r'<th scope="row">Alice Okafor</th>(.*?)</tr>', november).group(1)
    assert '<td data-label="After-hours incidents">3: <a href="../incidents/2026-11-03-ci-nightly-builds-stuck/">' in alice
    warnings = page.split('<h2 id="warnings">', 1)[1].split("<h2", 1)[0]
    assert "<strong>Alice Okafor</strong> acknowledged 3 incidents outside working hours in the night of Tue 03 Nov 2026" in warnings
    assert "09:00–17:00 Monday–Friday, Europe/Berlin" in page


def test_warnings_name_the_night_and_the_quarter() -> None:
    """A busy night lists its incidents; a heavy quarter links the rotation."""
    night = [handled_incident(f"2026-07-0{n}-queue", acknowledged=at(f"2026-07-0{n}T{h}:00Z"), commander="alice")
             for n, h in ((6, 20), (7, "01"), (7, "03"))]
    turns = "alice bob alice carol alice dave alice bob alice carol alice dave alice".split()
    every_other = tuple(Shift(date(2026, 7, 6) + timedelta(weeks=n), person) for n, person in enumerate(turns))
    records = corpus(site=site("UTC"), people=crew("Alice A", "Bob B", "Carol C", "Dave D"),
                     incidents=night, rotations=[rotation(shifts=every_other)])
    page = page_of(records, at("2026-10-01T00:00Z"))
    warnings = page.split('<h2 id="warnings">', 1)[1].split("<h2", 1)[0]
    assert "acknowledged 3 incidents outside working hours in the night of Mon 06 Jul 2026" in warnings
    assert '<a href="../incidents/2026-07-07-queue/">2026-07-07-queue</a>' in warnings
    assert "holds 7 of the 2026-Q3 weeks of" in warnings and "fair share of 3.25 weeks" in warnings
    assert f'<a href="{urls.relative(urls.BURDEN, urls.rotation_page("incident-managers"))}">' in warnings


def test_names_are_escaped() -> None:
    """A person's display name is written as text, never as markup."""
    records = corpus(site=site("UTC"), people=(Person("alice", HOSTILE),),
                     rotations=[rotation(shifts=(Shift(date(2026, 7, 6), "alice"),))])
    page = page_of(records, at("2026-07-08T00:00Z"))
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_only_the_internal_portal_has_the_page() -> None:
    """The public site has no burden page; the portal links it from the on-call navigation."""
    corpus_ = load_root(REPO).corpus
    public = render_site(site_view(corpus_, Audience.PUBLIC, parse_now(NOW))).files
    internal = render_site(site_view(corpus_, Audience.INTERNAL, parse_now(NOW))).files
    assert urls.BURDEN not in public and urls.BURDEN in internal
