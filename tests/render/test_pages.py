"""Shared page helpers: every time is written once, in UTC, with UTC and the team's zone in its title."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from generator.render.pages import day_text, time_tag

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
