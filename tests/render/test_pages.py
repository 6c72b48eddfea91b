"""Shared page helpers: every time is written once, in UTC, with UTC and the team's zone in its title."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.render.pages import day_text, front_matter, heading, time_tag

MOMENT = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def test_a_time_is_written_once_in_utc_with_utc_on_hover():
    assert time_tag(MOMENT) == (
        '<time datetime="2026-11-23T18:00:00Z" class="sb-time" title="2026-11-23 18:00 UTC">2026-11-23 18:00 UTC</time>'
    )


def test_the_portal_puts_the_teams_zone_in_the_title_not_beside_the_time():
    tag = time_tag(MOMENT, ZoneInfo("Europe/Berlin"))
    assert tag.endswith(">2026-11-23 18:00 UTC</time>") and tag.count("<") == 2
    assert 'title="2026-11-23 18:00 UTC · 2026-11-23 19:00 CET (team)"' in tag


def test_a_moment_shown_again_reuses_its_tag_and_reads_the_same_from_any_zone():
    """Pages repeat moments: the tag is written once per moment and team zone, and equal instants read alike."""
    berlin = ZoneInfo("Europe/Berlin")
    first = time_tag(MOMENT, berlin)
    assert time_tag(MOMENT, berlin) is first
    assert time_tag(MOMENT.astimezone(ZoneInfo("Asia/Tokyo")), berlin) == first
    assert time_tag(MOMENT, ZoneInfo("America/New_York")) != first


def test_a_heading_marked_safe_keeps_its_markup():
    """Text already HTML (Markup) is not escaped twice; plain text is."""
    assert heading([], 2, Markup("<em>Now</em>"), "now") == '<h2 id="now"><em>Now</em></h2>'
    assert heading([], 2, "<em>Now</em>", "now") == '<h2 id="now">&lt;em&gt;Now&lt;/em&gt;</h2>'


def test_a_missing_time_is_a_dash():
    assert time_tag(None) == "—"


def test_days_are_written_with_the_month_in_short():
    assert day_text(MOMENT.date()) == "Nov 23, 2026"


def test_headings_get_unique_ids_and_enter_the_table_of_contents():
    toc: list[list] = []
    first, second = heading(toc, 2, "Open by owner (3)"), heading(toc, 2, "Open by owner (3)")
    named = heading(toc, 3, "<Done> & dusted", "done")
    assert first == '<h2 id="open-by-owner-3">Open by owner (3)</h2>'
    assert second == '<h2 id="open-by-owner-3_1">Open by owner (3)</h2>'
    assert named == '<h3 id="done">&lt;Done&gt; &amp; dusted</h3>'
    assert front_matter("Board", toc).splitlines()[2] == (
        'toc: [[2, "open-by-owner-3", "Open by owner (3)"], [2, "open-by-owner-3_1", "Open by owner (3)"], '
        '[3, "done", "&lt;Done&gt; &amp; dusted"]]')
