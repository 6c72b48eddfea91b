"""The postmortem index, postmortem pages and action items board of the internal portal."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.postmortem import ActionItem
from generator.render import urls
from generator.render.followups import followup_files, web_url
from generator.render.pages import PageRenderer
from generator.views.audience import Audience
from generator.views.followups import followups_view
from generator.views.page import site_view
from tests.checks.factories import at, corpus, full_body, incident, postmortem, site

NOW = parse_now("2026-11-23T18:00:00Z")
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'
TRACKER = "https://tracker.example/T-1"
QUOTED = 'https://x.example/" onmouseover="alert(3)'


def render(records, now):
    """Render the follow-up files of a corpus as of ``now``, by path."""
    view = site_view(records, Audience.INTERNAL, now)
    files = followup_files(view, PageRenderer(view), followups_view(records, now))
    return {f.path: f.content.decode("utf-8") for f in files}


@pytest.fixture(scope="module")
def example():
    """The example portal's corpus."""
    return load_root(Path(__file__).parents[2]).corpus


@pytest.fixture(scope="module")
def pages(example):
    """The example portal's follow-up pages at NOW."""
    return render(example, NOW)


def test_renders_index_board_and_a_page_per_postmortem(example, pages):
    expected = {urls.POSTMORTEMS, urls.ACTIONS} | {urls.postmortem_page(p.incident_id) for p in example.postmortems}
    assert set(pages) == expected


def test_index_lists_every_postmortem_under_its_status(example, pages):
    index = pages[urls.POSTMORTEMS]
    for p in example.postmortems:
        assert f'href="../{urls.served(urls.postmortem_page(p.incident_id))}"' in index
        assert f'href="../{urls.served(urls.incident_page(p.incident_id))}"' in index
    headings = re.findall(r'<h2 id="[^"]+">(.+?)</h2>', index)
    assert headings == ["Missing (1)", "Draft (1)", "In review (1)", "Reviewed (2)", "Closed (4)"]
    missing = index.split(">Missing (")[1].split(">Draft (")[0]
    assert "2026-11-22-ci-deploys-blocked" in missing  # resolved the day before; its draft is due on 24 November
    draft = index.split(">Draft (")[1].split(">In review (")[0]
    assert "2026-11-20-dashboard-unavailable-europe" in draft and "Emeka Nwosu" in draft
    closed = index.split(">Closed (")[1]
    # The payments review was held on 2026-10-20, five weeks after its due date.
    payments = next(line for line in closed.splitlines() if "2026-09-16-checkout-payments-failing" in line)
    assert "Reviewed: Missed: met late" in payments and "Chen Wei, Alice Okafor, Julia Santos" in payments


def test_postmortem_page_shows_facts_deadlines_items_and_body(pages):
    page = pages[urls.postmortem_page("2026-11-18-search-unavailable")]
    assert "<dt>Status</dt><dd>In review</dd>" in page
    assert "<dt>Authors</dt><dd>Hana Sato, Gustav Berg</dd>" in page
    assert "<dt>Reviewed on</dt><dd>Not reviewed yet</dd>" in page
    assert "Internal only" in page
    for label in ("Draft shared", "Reviewed", "Action items assigned", "Action items done"):
        assert f'<th scope="row">{label}<br><span class="sb-secondary">' in page
    # Resolved 2026-11-18 11:30 UTC: the review is due 7 days later, 41 h 30 min after NOW; the page script turns
    # "Not yet" into "Missed" once that moment passes at the reader's clock.
    due = '<span class="sb-due" data-sb-due="2026-11-25T11:30:00Z">due in 41 h 30 min</span>'
    verdict = ('<span data-sb-until="2026-11-25T11:30:00Z">Not yet</span>'
               f'<span data-sb-from="2026-11-25T11:30:00Z" hidden>Missed</span>: {due}')
    assert verdict in page
    assert "<td>Set shard allocation awareness by rack on every search cluster<br>" in page
    assert '<td data-label="Ticket"><span class="sb-nowrap">SRCH-301</span></td>' in page
    assert "<h2>Root cause</h2>" in page


def test_every_postmortem_page_shows_its_authors(example, pages):
    for p in example.postmortems:
        names = ", ".join(example.person(a).name for a in p.authors)
        assert f"<dt>Authors</dt><dd>{names}</dd>" in pages[urls.postmortem_page(p.incident_id)]


def test_board_lists_every_action_item_overdue_first(example, pages):
    board = pages[urls.ACTIONS]
    for p in example.postmortems:
        for item in p.action_items:
            assert f"<td>{escape(item.title)}<br>" in board
    overdue, rest = board.split(">Open by owner (")
    # Every open item with a due date is in the overdue table, shown from the moment it is overdue: at the build
    # only the retry budget item (due 2026-09-10: overdue since midnight in Berlin, 22:00 UTC) is.
    shown = re.findall(r'<tr data-sb-from="[^"]+"><td>([^<]+)<br>', overdue)
    assert shown == ["Give every endpoint its own retry budget so one slow endpoint cannot delay other customers"]
    assert len(re.findall(r'<tr data-sb-from="[^"]+" hidden>', overdue)) == 10
    assert '<tr data-sb-from="2026-09-10T22:00:00Z">' in overdue
    live = '<span class="sb-due sb-due--overdue" data-sb-due="2026-09-10T22:00:00Z">overdue by 73 d 20 h</span>'
    assert live in overdue and live in rest
    assert '<p data-sb-until="2026-09-10T22:00:00Z" hidden>No action item is overdue.</p>' in overdue
    counts = re.search(r'<p class="sb-counts">(.*?)</p>', board).group(1)
    assert re.sub(r"<[^>]+>", "", counts) == "37 action items: 11 open, of which 1 overdue; 21 done, 5 not doing."
    assert 'data-sb-count=\'["2026-09-10T22:00:00Z",' in counts


def test_board_groups_open_items_by_owner_then_lists_closed_ones(pages):
    board = pages[urls.ACTIONS]
    owners = re.findall(r'<h3 class="sb-board__owner">([^<]+)</h3>', board)
    assert owners == [
        "Dana Kowalski (1)",
        "Emeka Nwosu (2)",
        "Farah Haddad (2)",
        "Gustav Berg (2)",
        "Hana Sato (2)",
        "Ivan Petrov (2)",
    ]
    closed = board.split(">Done or not doing (26)</h2>")[1]
    done_on = '<td data-label="Status">Done on <span class="sb-nowrap">2026-06-12</span></td>'
    assert done_on in closed and '<td data-label="Status">Not doing</td>' in closed
    assert "sb-due" not in closed


def test_missing_postmortem_is_indexed_without_a_page():
    records = corpus(site=site("Europe/Berlin"), incidents=[incident()])
    pages = render(records, at("2026-06-04T12:00Z"))
    assert set(pages) == {urls.POSTMORTEMS, urls.ACTIONS}
    missing = pages[urls.POSTMORTEMS].split(">Missing (1)</h2>")[1].split(">Draft (")[0]
    assert "Slow API<br>Not written" in missing
    assert 'href="../incidents/2026-06-01-slow-api/"' in missing
    # Resolved 2026-06-01 11:00 UTC: the draft was due 2026-06-03 11:00 UTC, 25 h before.
    live = '<span class="sb-due sb-due--overdue" data-sb-due="2026-06-03T11:00:00Z">overdue by 25 h</span>'
    assert f"Draft shared: Missed: {live}" in missing


def hostile_corpus():
    """A postmortem whose every text is hostile, with tickets that must not become live links."""
    items = (
        ActionItem(HOSTILE, "prevent", "open", owner="mallory", due=date(2026, 6, 20), ticket="javascript:alert(1)"),
        ActionItem("Web ticket", "process", "open", owner="alice", due=date(2026, 6, 5), ticket=TRACKER),
        ActionItem("Quoted ticket", "process", "done", owner="alice", done_on=date(2026, 6, 3), ticket=QUOTED),
    )
    body = full_body(summary=f"{HOSTILE} [click](javascript:alert(4))")
    written = postmortem(authors=(HOSTILE,), action_items=items, body=body)
    return corpus(site=site(), incidents=[incident(title=HOSTILE)], postmortems=[written])


def test_hostile_titles_and_tickets_render_inert():
    pages = render(hostile_corpus(), at("2026-06-10T12:00Z"))
    for text in pages.values():
        assert "<script>" not in text and "<img" not in text
        assert not re.search(r'href="\s*javascript:', text, re.IGNORECASE)
        assert not re.search(r"<[^>]*\son\w+=", text)
    board = pages[urls.ACTIONS]
    assert '<td data-label="Ticket"><span class="sb-nowrap">javascript:alert(1)</span></td>' in board
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;<br>" in board
    link = '<a class="sb-ticket-link" href="https://tracker.example/T-1">https://tracker.example/T-1</a>'
    assert f'<td data-label="Ticket">{link}</td>' in board
    assert '<td data-label="Ticket">https://x.example/&#34; onmouseover=&#34;alert(3)</td>' in board
    page = pages[urls.postmortem_page("2026-06-01-slow-api")]
    assert "<dt>Authors</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</dd>" in page
    assert "&lt;img src=x onerror=alert(2)&gt; [click](javascript:alert(4))</p>" in page


def test_web_url_keeps_only_plain_http_addresses():
    assert web_url("https://tracker.example/T-1") == "https://tracker.example/T-1"
    assert web_url("HTTP://tracker.example/T-1") == "HTTP://tracker.example/T-1"
    refused = (None, "", "PLAT-1412", "javascript:alert(1)", "https:/no-host", "https://a.example/ b", "mailto:x@y")
    for text in (*refused, "http://[bad", QUOTED):
        assert web_url(text) is None


def test_rendering_is_deterministic(example):
    assert render(example, NOW) == render(example, NOW)
