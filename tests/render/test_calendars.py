"""Maintenance calendars: read by icalendar and by vobject's strict validator, stable across builds and moves."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
import vobject

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.incident import Update
from generator.model.site import Component
from generator.render import urls
from generator.render.calendars import calendar_files
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, maintenance, site

ROOT = Path(__file__).parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
API = {"api": "under_maintenance"}
COMPONENTS = (Component("api", "Public API", True), Component("db", "Database", True), Component("ci", "CI", False))


def files_of(records, now=at("2026-06-10T12:00Z"), audience=Audience.PUBLIC) -> dict[str, bytes]:
    """Render the calendars of a corpus of records."""
    built = corpus(site=site(url="https://status.example/", components=COMPONENTS), incidents=tuple(records))
    return {f.path: f.content for f in calendar_files(site_view(built, audience, now))}


def events(data: bytes) -> list:
    """The VEVENTs of a calendar, parsed by icalendar."""
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


@pytest.fixture(scope="module")
def example() -> dict[str, bytes]:
    """The example portal's calendars."""
    return {f.path: f.content for f in calendar_files(site_view(load_root(ROOT).corpus, Audience.PUBLIC, NOW))}


def test_the_site_and_every_public_component_have_a_calendar(example):
    components = ("website", "dashboard", "api", "webhooks", "payments", "auth", "search")
    assert set(example) == {urls.MAINTENANCE_CALENDAR} | {f"feeds/components/{c}.ics" for c in components}


def test_every_calendar_passes_vobjects_validation_and_icalendar_reads_it(example):
    for path, data in example.items():
        parsed = vobject.readOne(data.decode("utf-8"), validate=True)
        assert parsed.name == "VCALENDAR", path
        assert icalendar.Calendar.from_ical(data)["PRODID"], path


def test_each_window_is_one_event_in_utc_with_a_stable_uid(example):
    found = {str(e["UID"]): e for e in events(example[urls.MAINTENANCE_CALENDAR])}
    upgrade = found["maintenance-2026-12-02-api-database-upgrade@statusbook"]
    assert upgrade.decoded("DTSTART") == at("2026-12-02T05:00Z") and upgrade.decoded("DTEND") == at("2026-12-02T06:30Z")
    assert str(upgrade["URL"]) == "https://status.acme.example/incidents/2026-12-02-api-database-upgrade/"
    assert b"TZID" not in example[urls.MAINTENANCE_CALENDAR]


def test_a_component_calendar_holds_only_the_windows_that_touch_it():
    window = maintenance(components={"db": "under_maintenance"})
    found = files_of([window])
    assert len(events(found["feeds/components/db.ics"])) == 1 and events(found["feeds/components/api.ics"]) == []
    assert "feeds/components/ci.ics" not in found


def test_a_moved_window_keeps_its_uid_and_raises_its_sequence():
    window = maintenance(status="scheduled", started=None, resolved=None, components=API,
                         updates=(Update(at("2026-06-01T09:00Z"), "scheduled", "Planned.", at("2026-06-05T22:00Z")),))
    moved = replace(window, scheduled_for=at("2026-06-06T22:00Z"), scheduled_until=at("2026-06-06T23:00Z"),
                    updates=window.updates + (Update(at("2026-06-02T09:00Z"), "scheduled", "Moved a day.", at("2026-06-06T22:00Z")),))
    before, after = (events(files_of([w])[urls.MAINTENANCE_CALENDAR])[0] for w in (window, moved))
    assert before["UID"] == after["UID"] and int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART") == at("2026-06-06T22:00Z")


def test_the_same_records_give_the_same_bytes_at_any_later_moment():
    window = maintenance(components=API)
    assert len(events(files_of([window])[urls.MAINTENANCE_CALENDAR])) == 1
    assert files_of([window], at("2026-06-10T12:00Z")) == files_of([window], at("2026-07-01T00:00Z"))


def test_hostile_titles_stay_inside_their_property():
    window = maintenance(title="Upgrade\r\nBEGIN:VEVENT\r\nUID:evil", components=API)
    data = files_of([window])[urls.MAINTENANCE_CALENDAR]
    assert len(events(data)) == 1 and data.split(b"\r\n").count(b"BEGIN:VEVENT") == 1
    vobject.readOne(data.decode("utf-8"), validate=True)
