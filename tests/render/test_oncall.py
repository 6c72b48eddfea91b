"""On-call pages and iCalendar feeds: parsed by two real iCalendar libraries and checked against the final duties."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
import vobject

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.rotation import Override, Shift
from generator.model.schedule import final_duties
from generator.model.site import Person
from generator.render import urls
from generator.render.oncall import event, oncall_files
from generator.render.pages import PageRenderer
from generator.views.audience import Audience
from generator.views.oncall import DutyView, oncall_view
from generator.views.page import site_view
from tests.checks.factories import at, corpus, people, rotation

ROOT = Path(__file__).parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE_PERSON = "<script>alert('p')</script> & Co"
HOSTILE_ROTATION = 'Ops <img src=x onerror=alert(2)> "quoted"'
HOSTILE_REASON = '"><script>alert(3)</script>'


def render(records, now: datetime) -> dict[str, bytes]:
    """Render the on-call files of a corpus as of ``now``, by path."""
    view = site_view(records, Audience.INTERNAL, now)
    return {f.path: f.content for f in oncall_files(view, PageRenderer(view), oncall_view(records, now))}


@pytest.fixture(scope="module")
def example():
    """The example portal's corpus."""
    return load_root(ROOT).corpus


@pytest.fixture(scope="module")
def files(example) -> dict[str, bytes]:
    """The example portal's on-call files at NOW."""
    return render(example, NOW)


def feeds(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return only the iCalendar feeds."""
    return {path: content for path, content in files.items() if path.endswith(".ics")}


def events(content: bytes) -> list:
    """Parse a feed with vobject, validating it, and return its events."""
    return vobject.readOne(content.decode("utf-8"), validate=True).vevent_list


def body(content: bytes):
    """Parse the HTML of a Markdown page, front matter and Markdown headings included as text."""
    return lxml.html.fromstring(content.decode("utf-8").split("---\n", 2)[2])


def shown_text(element) -> str:
    """Return an element's text as a reader sees it at the build: elements marked hidden left out."""
    clone = lxml.html.fromstring(lxml.html.tostring(element))
    for hidden in clone.xpath(".//*[@hidden]"):
        hidden.drop_tree()
    return clone.text_content()


def shift_times(cell) -> tuple[str, str]:
    """Return a shift time cell's moment (its time element, which the page script shows in the reader's zone) and
    the same moment on the rotation's own clock, written below it."""
    return cell.xpath(".//time")[0].get("datetime"), cell.xpath(".//*[@class='sb-secondary']")[0].text_content()


def local_span(event) -> tuple[str, str]:
    """Return a vobject event's start and end as ISO text in its own zone."""
    return event.dtstart.value.isoformat(), event.dtend.value.isoformat()


def utc_span(event) -> tuple[datetime, datetime]:
    """Return a vobject event's start and end in UTC, as resolved through the feed's own VTIMEZONE."""
    return event.dtstart.value.astimezone(UTC), event.dtend.value.astimezone(UTC)


def test_files_at_the_contract_paths(example, files) -> None:
    """The overview, a page and a feed per rotation, and a feed per person who holds a duty."""
    expected = {urls.ONCALL}
    expected |= {urls.rotation_page(r) for r in ("data-platform-oncall", "incident-managers", "platform-oncall")}
    expected |= {urls.rotation_calendar(r) for r in ("data-platform-oncall", "incident-managers", "platform-oncall")}
    expected |= {urls.person_calendar(p.id) for p in example.people}
    assert set(files) == expected


def test_every_feed_parses_with_icalendar_and_vobject(files) -> None:
    """Both libraries read every feed; its calendar properties are set and its lines end in CRLF."""
    for path, content in feeds(files).items():
        calendar = icalendar.Calendar.from_ical(content)
        assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "PUBLISH"), path
        assert str(calendar["PRODID"]) == "-//Statusbook//On-call calendar//EN"
        assert str(calendar["X-WR-CALNAME"]).startswith("On call: ")
        assert len(events(content)) == len(calendar.events) > 0
        assert content.count(b"\n") == content.count(b"\r\n")


def test_every_tzid_has_its_vtimezone(files) -> None:
    """Each TZID used by an event has a VTIMEZONE block of that id, and there are no others."""
    for path, content in feeds(files).items():
        calendar = icalendar.Calendar.from_ical(content)
        used = {e[name].params["TZID"] for e in calendar.events for name in ("DTSTART", "DTEND")}
        assert {str(z["TZID"]) for z in calendar.timezones} == used, path
        assert calendar.get_missing_tzids() == set()


def test_rotation_events_equal_the_final_duties(example, files) -> None:
    """A rotation's feed has one event per final duty, at the same UTC times, named after the person on duty."""
    for model in example.rotations:
        expected = [
            (d.start, d.end, f"On call: {model.name} ({example.person(d.person).name})") for d in final_duties(model)
        ]
        found = sorted((*utc_span(e), e.summary.value) for e in events(files[urls.rotation_calendar(model.id)]))
        assert found == expected, model.id


def test_person_feeds_hold_their_final_duties(example, files) -> None:
    """Dana's feed holds her shifts and the overrides she covers, and nothing else."""
    managers = next(r for r in example.rotations if r.id == "incident-managers")
    expected = [(d.start, d.end) for d in final_duties(managers) if d.person == "dana"]
    assert sorted(utc_span(e) for e in events(files[urls.person_calendar("dana")])) == expected
    assert len(expected) == 5


def test_override_is_its_own_event_with_its_reason(files) -> None:
    """Dana's cover of Alice on 4 November is one event, between two events of Alice's cut shift."""
    alice = sorted(events(files[urls.person_calendar("alice")]), key=lambda e: e.dtstart.value)
    assert [local_span(e) for e in alice[1:3]] == [
        ("2026-11-02T10:00:00+01:00", "2026-11-04T08:30:00+01:00"),
        ("2026-11-04T13:00:00+01:00", "2026-11-09T10:00:00+01:00"),
    ]
    cover = next(e for e in events(files[urls.person_calendar("dana")]) if e.dtstart.value.date() == date(2026, 11, 4))
    assert local_span(cover) == ("2026-11-04T08:30:00+01:00", "2026-11-04T13:00:00+01:00")
    reason = "Alice presents at the quarterly business review."
    assert cover.description.value == f"Backup: Dana Kowalski\nOverride: {reason}"
    assert cover.summary.value == "On call: Incident managers (Dana Kowalski)"


def test_handover_across_dst_keeps_the_wall_clock_time(files) -> None:
    """Julia's week out of summer time starts and ends at 10:00 Berlin time, so it lasts 169 hours."""
    content = files[urls.rotation_calendar("incident-managers")]
    julia = next(e for e in events(content) if e.uid.value.startswith("incident-managers-20261019"))
    parsed = next(e for e in icalendar.Calendar.from_ical(content).events if str(e["UID"]) == julia.uid.value)
    assert (parsed["DTSTART"].params["TZID"], parsed["DTEND"].params["TZID"]) == ("Europe/Berlin", "Europe/Berlin")
    wall_clock = ("2026-10-19T10:00:00+02:00", "2026-10-26T10:00:00+01:00")
    assert (parsed.start.isoformat(), parsed.end.isoformat()) == local_span(julia) == wall_clock
    assert utc_span(julia)[1] - utc_span(julia)[0] == timedelta(hours=169)
    assert b"DTSTART;TZID=Europe/Berlin:20261019T100000\r\nDTEND;TZID=Europe/Berlin:20261026T100000\r\n" in content


def test_uids_are_stable_and_dtstamp_is_the_build_moment(files) -> None:
    """UIDs name rotation, UTC start and person, are unique, and match between rotation and person feeds."""
    rotation_feeds = [urls.rotation_calendar(r) for r in ("data-platform-oncall", "incident-managers", "platform-oncall")]
    rotation_uids = [e.uid.value for path in rotation_feeds for e in events(files[path])]
    person_uids = [e.uid.value for path, content in feeds(files).items() if "/people/" in path for e in events(content)]
    assert len(set(rotation_uids)) == len(rotation_uids)
    assert sorted(person_uids) == sorted(rotation_uids)
    assert "incident-managers-20261019T080000Z-julia@statusbook" in rotation_uids
    stamps = {e.dtstamp.value for content in feeds(files).values() for e in events(content)}
    assert stamps == {NOW}


def test_rendering_is_deterministic(example, files) -> None:
    """The same corpus and moment give the same bytes."""
    assert render(example, NOW) == files


def two_zone_records():
    """A corpus in which alice takes shifts in a Berlin and a New York rotation."""
    shifts = (Shift(date(2026, 6, 1), "alice", "bob"), Shift(date(2026, 6, 8), "bob", "alice"))
    berlin = rotation("emea", name="EMEA", shifts=shifts)
    york = rotation("amer", name="Americas", timezone=ZoneInfo("America/New_York"), handover_day="wednesday",
                    shifts=(Shift(date(2026, 6, 17), "alice", "bob"),))
    return corpus(people=people("Alice Smith", "Bob Jones"), rotations=[berlin, york])


def two_zone_feed_digest() -> str:
    """Return the SHA-256 of alice's feed in the two-zone corpus."""
    feed = render(two_zone_records(), at("2026-06-02T00:00Z"))[urls.person_calendar("alice")]
    return hashlib.sha256(feed).hexdigest()


def test_person_feed_covers_every_rotation_and_zone() -> None:
    """Alice's feed has her duties in both rotations, each in its own zone, with both VTIMEZONEs in TZID order."""
    content = render(two_zone_records(), at("2026-06-02T00:00Z"))[urls.person_calendar("alice")]
    calendar = icalendar.Calendar.from_ical(content)
    assert [str(z["TZID"]) for z in calendar.timezones] == ["America/New_York", "Europe/Berlin"]
    found = [(e.summary.value, e.dtstart.value.isoformat()) for e in sorted(events(content), key=lambda e: utc_span(e))]
    assert found == [
        ("On call: EMEA (Alice Smith)", "2026-06-01T09:00:00+02:00"),
        ("On call: Americas (Alice Smith)", "2026-06-17T09:00:00-04:00"),
    ]


def test_feed_bytes_do_not_depend_on_hash_seeds() -> None:
    """Feeds with several zones come out the same whatever order Python's string hashing gives sets."""
    script = "from tests.render.test_oncall import two_zone_feed_digest; print(two_zone_feed_digest())"
    digests = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", script]
        digests.add(subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout)
    assert digests == {two_zone_feed_digest() + "\n"}


def icalendar_event(url: str, duty: DutyView, now: datetime) -> bytes:
    """Build a duty's event with icalendar itself, property by property, as the feeds describe it."""
    item = icalendar.Event()
    item.add("uid", f"{duty.rotation_id}-{duty.start:%Y%m%dT%H%M%SZ}-{duty.person_id}@statusbook")
    item.add("dtstamp", now.astimezone(UTC))
    item.add("dtstart", duty.local_start)
    item.add("dtend", duty.local_end)
    item.add("summary", f"On call: {duty.rotation_name} ({duty.person})")
    reason = [] if duty.override_reason is None else [f"Override: {duty.override_reason}"]
    item.add("description", "\n".join([f"Backup: {duty.backup or 'none'}", *reason]))
    item.add("transp", "TRANSPARENT")
    if url:
        item.add("url", urls.absolute(url, urls.rotation_page(duty.rotation_id)))
    return item.to_ical()


@pytest.mark.parametrize("zone", [BERLIN, ZoneInfo("UTC"), ZoneInfo("Asia/Kolkata")])
@pytest.mark.parametrize("url", ["https://records.acme.example/", ""])
def test_events_are_the_bytes_icalendar_writes(zone, url) -> None:
    """Events written directly equal icalendar's, for hostile and long names, commas, backslashes and line breaks."""
    start = at("2026-03-29T00:30Z")
    duties = [
        DutyView("ops", HOSTILE_ROTATION, zone, "eve", HOSTILE_PERSON, start, start + timedelta(days=7)),
        DutyView("platform-oncall-" + "x" * 60, "Plattform, Bereitschaft; Zoë\\Øre " * 3, zone, "zoe", "Zoë Ñúñez",
                 start, start + timedelta(hours=5), "bob", "Bob; Jones, Jr.", HOSTILE_REASON + "\nsecond line\\N"),
    ]
    for duty in duties:
        assert event(SimpleNamespace(url=url), duty, NOW) == icalendar_event(url, duty, NOW)


def resolve(source: str, href: str) -> str:
    """Return the served path a relative link on a page points to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + urls.served(source)), href)).lstrip("/")
    return target + "/" if href.endswith("/") else target


def test_overview_shows_now_next_decided_and_links(example, files) -> None:
    """Each rotation shows who is on duty now and next with the schedule for the script, and links that resolve."""
    page = body(files[urls.ONCALL])
    spans = page.xpath(".//*[@data-sb-duties]")
    assert [(s.get("data-sb-pick"), s.text) for s in spans] == [
        ("now", "Chen Wei"), ("next", "Hana Sato"), ("now", "Julia Santos"), ("next", "Bruno Lindqvist"),
        ("now", "Farah Haddad"), ("next", "Hana Sato"),
    ]
    expected = oncall_view(example, NOW).rotations[0].browser_duties
    assert json.loads(spans[0].get("data-sb-duties")) == [{"start": d.start, "end": d.end, "person": d.person}
                                                           for d in expected]
    assert page.xpath(".//*[@class='sb-asof'][@data-sb-live]/time")[0].get("datetime") == "2026-11-23T18:00:00Z"
    assert [shown_text(c).strip() for c in page.xpath(".//tbody/tr/td[4]")][:2] == [
        "Decided: shifts cover December 2026", "Decided: shifts cover December 2026",
    ]
    served = {urls.served(path) for path in files}
    targets = {resolve(urls.ONCALL, a.get("href")) for a in page.xpath(".//a")}
    assert targets == served - {urls.served(urls.ONCALL)}


def test_rotation_page_lists_weeks_with_overrides_in_both_zones(files) -> None:
    """The week of 2 November shows Alice's shift cut by Dana's override, with its reason, in Berlin time and UTC."""
    page = body(files[urls.rotation_page("incident-managers")])
    week = next(g for g in page.xpath(".//tbody") if shown_text(g.xpath(".//th")[0]) == "2026-11-02 to 2026-11-09")
    rows = week.xpath("tr")
    assert rows[1].xpath("td")[0].text_content() == (
        "Dana Kowalski (override)backup Dana Kowalski · Alice presents at the quarterly business review."
    )
    assert [shift_times(c) for c in rows[1].xpath("td")[1:]] == [
        ("2026-11-04T07:30:00Z", "Wed 04 Nov 08:30 CET"), ("2026-11-04T12:00:00Z", "Wed 04 Nov 13:00 CET"),
    ]
    assert [r.xpath("td")[0].text.strip() for r in rows] == ["Alice Okafor", "Dana Kowalski (override)", "Alice Okafor"]
    captions = [c.text for c in page.xpath(".//caption")]
    zone = "; times in your time zone, with Europe/Berlin below"
    assert captions == [f"The week of the build and the coming weeks, overrides applied{zone}",
                        f"The past weeks, overrides applied{zone}"]
    # Every week can be the current one at the reader's clock; at the build it is the week of 23 November.
    current = [shown_text(th) for th in page.xpath(".//th[@scope='rowgroup' or @scope='row']")
               if "(current week)" in shown_text(th)]
    assert current == ["2026-11-23 to 2026-11-30 (current week)"]
    marker = page.xpath(".//*[@class='sb-current'][not(@hidden)]")[0]
    assert (marker.get("data-sb-from"), marker.get("data-sb-until")) == ("2026-11-23T09:00:00Z", "2026-11-30T09:00:00Z")
    assert page.xpath(".//a[@href='https://records.acme.example/oncall/incident-managers.ics']")
    assert "To subscribe, copy the link" in page.text_content()


def test_rotation_page_across_dst_shows_the_wall_clock_handover() -> None:
    """In the week out of summer time, both handovers read 10:00 in Berlin, 08:00 and 09:00 UTC."""
    example = load_root(ROOT).corpus
    page = body(render(example, at("2026-10-20T12:00Z"))[urls.rotation_page("incident-managers")])
    current = next(g for g in page.xpath(".//tbody") if "(current week)" in shown_text(g.xpath(".//th")[0]))
    cells = current.xpath(".//td")
    assert cells[0].text_content() == "Julia Santosbackup Bruno Lindqvist"
    assert [shift_times(c) for c in cells[1:3]] == [
        ("2026-10-19T08:00:00Z", "Mon 19 Oct 10:00 CEST"), ("2026-10-26T09:00:00Z", "Mon 26 Oct 10:00 CET"),
    ]


def test_next_month_not_due_and_undecided_in_words() -> None:
    """Before the 16th the page says when the next month is due; after it, what is missing."""
    example = load_root(ROOT).corpus
    early = shown_text(body(render(example, at("2026-12-10T12:00Z"))[urls.rotation_page("incident-managers")]))
    assert "Not due yet: the January 2027 shifts must be decided from 2026-12-16" in early
    late = shown_text(body(render(example, at("2026-12-20T12:00Z"))[urls.rotation_page("incident-managers")]))
    assert "Not decided: shifts run until Mon 04 Jan 10:00 CET; add shifts until the end of January 2027" in late
    assert "Not due yet" not in late and "Not judged" not in late


def hostile_records():
    """A corpus whose person, rotation and override carry markup."""
    cover = Override(at("2026-06-03T10:00Z"), at("2026-06-03T12:00Z"), "eve", HOSTILE_REASON)
    shifts = (Shift(date(2026, 6, 1), "eve", "bob"), Shift(date(2026, 6, 8), "bob", "eve"))
    description = "<script>alert(4)</script> **Be kind.**"
    ops = rotation("ops", name=HOSTILE_ROTATION, shifts=shifts, overrides=(cover,), description=description)
    return corpus(people=(Person("bob", "Bob Jones"), Person("eve", HOSTILE_PERSON)), rotations=[ops])


def test_hostile_names_are_escaped_in_pages() -> None:
    """Names and reasons show as text; the schedule attribute still carries the exact name for the script."""
    files = render(hostile_records(), at("2026-06-03T11:00Z"))
    for path in (urls.ONCALL, urls.rotation_page("ops")):
        text = files[path].decode("utf-8")
        assert "<script>" not in text and "<img" not in text and 'onerror=alert(2)> "quoted"' not in text, path
        page = body(files[path])
        assert page.xpath(".//*[@data-sb-pick='now']")[0].text == HOSTILE_PERSON
        assert json.loads(page.xpath(".//*[@data-sb-duties]")[0].get("data-sb-duties"))[1]["person"] == HOSTILE_PERSON
    page = body(files[urls.rotation_page("ops")])
    assert HOSTILE_REASON in page.text_content() and "Be kind." in page.xpath(".//strong")[-1].text
    assert 'title: "Ops &lt;img' in files[urls.rotation_page("ops")].decode("utf-8")
    summary = next(e for e in events(files[urls.person_calendar("eve")]) if "Override" in e.description.value)
    assert summary.summary.value == f"On call: {HOSTILE_ROTATION} ({HOSTILE_PERSON})"


def test_tables_have_scoped_headers_and_links_have_text(files) -> None:
    """Every header cell has a scope and every link has words."""
    for path in (urls.ONCALL, urls.rotation_page("incident-managers"), urls.rotation_page("platform-oncall")):
        page = body(files[path])
        assert all(th.get("scope") in ("col", "row", "rowgroup") for th in page.xpath(".//th")), path
        assert all(a.text_content().strip() for a in page.xpath(".//a")), path


def test_site_without_address_links_feeds_relatively() -> None:
    """Without internal_url the subscription link is relative to the page."""
    page = body(render(hostile_records(), at("2026-06-03T11:00Z"))[urls.rotation_page("ops")])
    hrefs = [a.get("href") for a in page.xpath(".//a")]
    assert hrefs.count("../../oncall/ops.ics") == 2 and not any(h.startswith("http") for h in hrefs)


def test_people_table_shows_each_persons_zone_hours_and_local_time_at_build(files) -> None:
    """At 18:00 UTC on Monday 23 November: Julia (New York) is at work at 13:00; Gustav (London) is off at 18:00;
    Ivan's four working days are named; the page says the times are as of the build."""
    page = body(files[urls.ONCALL])
    rows = {row.xpath("./th")[0].text_content(): [td.text_content() for td in row.xpath("./td")]
            for row in page.xpath("//table[contains(@class, 'sb-people')]/tbody/tr")}
    assert rows["Julia Santos"][1:4] == ["America/New_York", "09:00-17:30", "Mon 13:00 (at work)"]
    assert rows["Gustav Berg"][1:4] == ["Europe/London", "09:00-17:30", "Mon 18:00 (off work)"]
    assert rows["Ivan Petrov"][2] == "08:00-17:00 (Mon, Tue, Wed, Thu)"
    assert "Local times are as of this page's build" in page.text_content()


def test_people_without_a_zone_say_so() -> None:
    """A person with no timezone in people.yml has no local time to show."""
    shifts = (Shift(date(2026, 6, 1), "alice", "bob"), Shift(date(2026, 6, 8), "bob", "alice"))
    page = body(render(corpus(rotations=[rotation(shifts=shifts)]), at("2026-06-02T00:00Z"))[urls.ONCALL])
    row = page.xpath("//table[contains(@class, 'sb-people')]/tbody/tr")[0]
    assert [td.text_content() for td in row.xpath("./td")][1:4] == ["not given", "not given", "unknown"]
