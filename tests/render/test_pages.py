"""Shared page helpers: every time is written once, in UTC, with UTC and the team's zone in its title."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

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
