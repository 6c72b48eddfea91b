"""The internal portal in a real browser: accessible, fits a phone, and rechecks "now" at the reader's clock.

Each page kind of the portal is checked with axe-core at desktop and phone widths in both colour schemes, with no
table wider than its box and the cells that matter (next update, overdue, owner) inside the window; the page
script's answers ("who is on duty", "is the committed time past", "how long so far", "how many overdue", "which week
is current") are checked with the browser's clock moved, against the model at that clock, so that all answers on a
page agree. Screenshots of the public status page and the portal's Now page are saved for CI to upload.
"""

from __future__ import annotations

import os
import struct
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from markupsafe import Markup

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.corpus import Corpus
from generator.model.rotation import Rotation
from generator.model.schedule import Duty, next_on_duty, on_duty, utc
from generator.model.timing import format_duration
from generator.render import urls
from generator.render.pages import due_tag
from generator.views.followups import followups_view
from generator.views.measures import missed_commitments, next_update_due
from generator.views.records import records_view
from tests.site.browsing import (DESKTOP, PHONE, SCHEMES, VIEWPORTS, axe_violations, overflowing_tables, page_overflow,
                                 serving, wait_for_local_times, wait_for_scheme)
from tests.site.conftest import NOW, REPO

BUILT = parse_now(NOW)
AS_OF_UTC = "2026-11-23 18:00 UTC"
OPEN_ID = "2026-11-23-api-increased-latency"
HANDOFF_ID = "2026-11-04-data-warehouse-loads-failing"
POSTMORTEM_ID = "2026-08-12-webhook-delivery-delays"
ROTATION_IDS = ("incident-managers", "platform-oncall")
# One page of each kind the portal has.
PAGES = {
    "now": urls.NOW,
    "open-record": urls.incident_page(OPEN_ID),
    "handoff-record": urls.incident_page(HANDOFF_ID),
    "postmortem": urls.postmortem_page(POSTMORTEM_ID),
    "postmortems": urls.POSTMORTEMS,
    "actions": urls.ACTIONS,
    "oncall": urls.ONCALL,
    "rotation": urls.rotation_page("platform-oncall"),
    "metrics": urls.METRICS,
}
# Elements wider than the window that no scrolling box of their own holds: the reader cannot see their right edge.
CLIPPED = """() => [...document.querySelectorAll(".md-content *")].filter(element => {
    if (element.getBoundingClientRect().right <= window.innerWidth + 1) { return false; }
    for (let box = element.parentElement; box; box = box.parentElement) {
        if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) { return false; }
    }
    return true;
}).map(element => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""))"""
# The cells a reader must see whole: next update, overdue or due, owner, who is on duty.
KEY_CELLS = ".sb-due, .sb-now__next, .sb-now__owner, .sb-board__owner-cell, .sb-board__due, [data-sb-pick]"
KEY_CELLS_OUTSIDE = """(selector) => {
    const shown = [...document.querySelectorAll(selector)].filter(element => element.getClientRects().length);
    const outside = shown.filter(element => {
        const box = element.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5;
    }).map(element => element.className + ": " + element.textContent.trim());
    return [shown.length, outside];
}"""
# Pages whose key cells must be there, so that the check above cannot pass on an empty page.
WITH_KEY_CELLS = ("now", "open-record", "actions", "oncall", "rotation", "postmortem")
LATER = parse_now("2026-11-28T12:00:00Z")
SCREENSHOTS = Path(os.environ.get("STATUSBOOK_SCREENSHOTS", REPO / "artifacts" / "screenshots"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The example portal's records, as the build read them."""
    return load_root(REPO).corpus


@pytest.fixture
def open_page(open_portal):
    """The portal's page opener, under the name these tests use."""
    return open_portal


def rotation_of(corpus: Corpus, rotation_id: str) -> Rotation:
    """Return the example's rotation with this id."""
    return next(r for r in corpus.rotations if r.id == rotation_id)


def next_handover(rotation: Rotation, after: datetime) -> datetime:
    """Return the first shift start after ``after``, in UTC."""
    return min(utc(rotation.shift_start(s)) for s in rotation.shifts if utc(rotation.shift_start(s)) > after)


def moment(rotation: Rotation, when: str) -> datetime:
    """Return the reader's clock for a case: the build moment, an hour after the next handover, or mid-override."""
    if when == "build":
        return BUILT
    if when == "after-handover":
        return next_handover(rotation, BUILT) + timedelta(hours=1)
    override = next(o for o in rotation.overrides if utc(o.start) > BUILT)
    return utc(override.start) + (override.end - override.start) / 2


def person(corpus: Corpus, duty: Duty | None) -> str:
    """Return the display name of a duty's person, as the page shows it."""
    return corpus.person(duty.person).name if duty else "nobody scheduled"


def expected_duties(corpus: Corpus, rotation: Rotation, at: datetime) -> dict[str, str]:
    """Who the model puts on duty at ``at`` and who takes over next, by the page's data-sb-pick."""
    return {"now": person(corpus, on_duty(rotation, at)), "next": person(corpus, next_on_duty(rotation, at))}


def shown_duties(scope) -> dict[str, str]:
    """The on-duty answers a page region shows, by data-sb-pick."""
    return {pick: scope.locator(f"[data-sb-pick={pick}]").inner_text() for pick in ("now", "next")}


def duty_region(page, source: str, rotation: Rotation):
    """The part of a page that says who is on duty in a rotation: its row on the Now page, else the page's facts."""
    if source == urls.NOW:
        link = page.get_by_role("link", name=rotation.name, exact=True)
        return page.locator(".sb-now-duty tbody tr").filter(has=link)
    return page.locator(".sb-facts")


def due_words(due: datetime, at: datetime) -> str:
    """The words the build's ``due`` filter writes for a committed time at ``at``."""
    return Markup(due_tag(due, at)).striptags()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible_fits_the_window_and_logs_no_errors(open_page, name, viewport, scheme):
    page, errors = open_page(PAGES[name], VIEWPORTS[viewport], color_scheme=scheme)
    page.wait_for_load_state("networkidle")
    wait_for_scheme(page, scheme)
    wait_for_local_times(page)
    page.wait_for_function("!document.querySelector('.sb-asof[data-sb-live]') || document.querySelector('.sb-asof__live')")
    assert axe_violations(page) == []
    width, inner = page_overflow(page)
    assert width <= inner == VIEWPORTS[viewport]["width"]
    assert page.evaluate(CLIPPED) == []
    assert overflowing_tables(page) == []
    shown, outside = page.evaluate(KEY_CELLS_OUTSIDE, KEY_CELLS)
    assert outside == []
    assert shown > 0 or name not in WITH_KEY_CELLS
    assert errors == []


def test_the_table_check_finds_a_table_wider_than_its_box(open_page):
    page, _ = open_page(urls.NOW, PHONE)
    page.add_style_tag(content=".sb-now { min-width: 60rem; }")
    assert overflowing_tables(page) and page.evaluate(KEY_CELLS_OUTSIDE, KEY_CELLS)[1]


def test_failed_requests_are_caught(open_page):
    page, errors = open_page(urls.NOW)
    with page.expect_response(lambda response: response.url.endswith("missing.css")):
        page.evaluate("fetch('missing.css')")
    assert any(e.startswith("HTTP 404: ") and e.endswith("missing.css") for e in errors), errors


def test_the_records_are_of_the_kinds_they_stand_for(internal_site):
    html = {name: (internal_site / urls.served(PAGES[name]) / "index.html").read_text(encoding="utf-8")
            for name in ("handoff-record", "open-record")}
    assert 'class="sb-list sb-cards sb-handoffs"' in html["handoff-record"]
    assert html["open-record"].count("data-sb-due=") == 1


def test_script_and_console_errors_are_caught(open_page):
    page, errors = open_page("no-such-page.md")
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('planted'); })")
    assert any("404" in e for e in errors) and any("planted" in e for e in errors), errors


@pytest.mark.parametrize("when", ["build", "after-handover", "in-override"])
@pytest.mark.parametrize("rotation_id", ROTATION_IDS)
def test_rotation_page_shows_who_the_model_puts_on_duty_at_the_readers_clock(open_page, corpus, rotation_id, when):
    rotation = rotation_of(corpus, rotation_id)
    at = moment(rotation, when)
    page, errors = open_page(urls.rotation_page(rotation_id), clock=at)
    page.wait_for_selector(".sb-asof__live")
    shown = shown_duties(duty_region(page, urls.rotation_page(rotation_id), rotation))
    assert shown == expected_duties(corpus, rotation, at)
    assert errors == []


@pytest.mark.parametrize("when", ["build", "after-handover", "in-override"])
@pytest.mark.parametrize("rotation_id", ROTATION_IDS)
def test_now_page_shows_who_the_model_puts_on_duty_at_the_readers_clock(open_page, corpus, rotation_id, when):
    at = moment(rotation_of(corpus, rotation_id), when)
    page, errors = open_page(urls.NOW, clock=at)
    page.wait_for_selector(".sb-asof__live")
    assert "rechecked in your browser" in page.locator(".sb-asof").inner_text()
    for rotation in corpus.rotations:
        shown = shown_duties(duty_region(page, urls.NOW, rotation))
        assert shown == expected_duties(corpus, rotation, at), rotation.id
    assert errors == []


@pytest.mark.parametrize("rotation_id", ROTATION_IDS)
def test_the_moved_clocks_change_who_is_on_duty(corpus, rotation_id):
    rotation = rotation_of(corpus, rotation_id)
    answers = [expected_duties(corpus, rotation, moment(rotation, when))["now"]
               for when in ("build", "after-handover", "in-override")]
    assert answers[0] != answers[1]
    assert on_duty(rotation, moment(rotation, "in-override")).override is not None


@pytest.mark.parametrize("source", [urls.NOW, urls.rotation_page("platform-oncall")])
def test_without_javascript_the_build_time_answers_show_with_the_build_time(open_page, corpus, source):
    rotations = corpus.rotations if source == urls.NOW else [rotation_of(corpus, "platform-oncall")]
    later = next_handover(rotations[0], BUILT) + timedelta(hours=1)
    page, _ = open_page(source, java_script_enabled=False, clock=later)
    as_of = page.locator(".sb-asof time")
    assert as_of.get_attribute("datetime") == "2026-11-23T18:00:00Z"
    assert as_of.inner_text() == AS_OF_UTC
    assert page.locator(".sb-asof__live").count() == 0
    for rotation in rotations:
        assert shown_duties(duty_region(page, source, rotation)) == expected_duties(corpus, rotation, BUILT)


@pytest.mark.parametrize(("clock", "words"), [("2026-11-23T18:00:00Z", "due in 30 min"),
                                              ("2026-11-23T18:45:00Z", "overdue by 15 min")])
def test_record_says_whether_the_next_update_is_due_at_the_readers_clock(open_page, corpus, clock, words):
    at = parse_now(clock)
    due = next_update_due(next(i for i in corpus.incidents if i.id == OPEN_ID))
    assert words == due_words(due, at)
    page, errors = open_page(urls.incident_page(OPEN_ID), clock=at)
    page.wait_for_selector(".sb-asof__live")
    marker = page.locator(".sb-record-facts .sb-due")
    marker.filter(has_text=words).wait_for()
    assert ("sb-due--overdue" in marker.get_attribute("class")) == words.startswith("overdue")
    assert errors == []


@pytest.mark.parametrize("source", [urls.ACTIONS, urls.NOW])
def test_an_overdue_action_item_stays_overdue_at_a_later_clock(open_page, corpus, source):
    overdue = followups_view(corpus, BUILT).overdue_actions[0]
    at = BUILT + timedelta(days=2, hours=5)
    page, errors = open_page(source, clock=at)
    page.wait_for_selector(".sb-asof__live")
    holder = page.locator("tr, li").filter(has_text=overdue.title).locator(".sb-due").first
    holder.filter(has_text=due_words(overdue.overdue_from, at)).wait_for()
    assert "sb-due--overdue" in holder.get_attribute("class")
    assert errors == []


def shown_texts(locator) -> list[str]:
    """The texts of the elements a locator finds that the reader sees (not hidden by the page script)."""
    return [text.strip() for text in locator.evaluate_all(
        "elements => elements.filter(element => element.getClientRects().length).map(element => element.innerText)")]


def opened_at(open_page, source: str, at: datetime):
    """Open a portal page with the browser's clock fixed at ``at``; wait until the page script has rechecked it."""
    page, errors = open_page(source, clock=at)
    page.wait_for_selector(".sb-asof__live")
    return page, errors


def test_the_later_clock_changes_what_is_overdue(corpus):
    before, later = followups_view(corpus, BUILT), followups_view(corpus, LATER)
    assert len(later.overdue_actions) > len(before.overdue_actions)
    assert len(later.overdue_postmortems) > len(before.overdue_postmortems) == 0


@pytest.mark.parametrize("at", [BUILT, LATER], ids=["build", "later"])
def test_now_page_answers_every_row_and_list_from_one_clock(open_page, corpus, at):
    page, errors = opened_at(open_page, urls.NOW, at)
    records = records_view(corpus, at)
    for row in page.locator(".sb-now tbody tr").all():
        record = records[row.locator("a").first.get_attribute("href").strip("/").split("/")[-1]]
        assert row.locator(".sb-since").inner_text() == format_duration(at - record.incident.started)
        assert row.locator(".sb-now__next .sb-due").inner_text() == due_words(record.next_update, at)
    followups = followups_view(corpus, at)
    shown = shown_texts(page.locator("#overdue-action-items ~ ul.sb-now-list > li"))
    assert [line.split(" (")[0] for line in shown] == [a.title for a in followups.overdue_actions]
    assert all(line.endswith(due_words(a.overdue_from, at)) for line, a in zip(shown, followups.overdue_actions))
    overdue_postmortems = shown_texts(page.locator("#overdue-postmortems ~ ul.sb-now-list").first.locator("li"))
    titles = [line.split(":")[0].removesuffix(" (not written)") for line in overdue_postmortems]
    assert titles == [p.incident_title for p in followups.overdue_postmortems]
    assert shown_texts(page.get_by_text("No postmortem is overdue.")) == ([] if overdue_postmortems else
                                                                          ["No postmortem is overdue."])
    assert errors == []


@pytest.mark.parametrize("at", [BUILT, LATER], ids=["build", "later"])
def test_action_board_header_count_agrees_with_its_rows(open_page, corpus, at):
    page, errors = opened_at(open_page, urls.ACTIONS, at)
    overdue = followups_view(corpus, at).overdue_actions
    assert page.locator(".sb-counts .sb-count").inner_text() == str(len(overdue))
    rows = shown_texts(page.locator(".sb-board--overdue tbody tr td:first-child"))
    assert [line.split("\n")[0] for line in rows] == [a.title for a in overdue]
    dues = shown_texts(page.locator(".sb-board .sb-due"))
    assert sum(text.startswith("overdue by") for text in dues) == 2 * len(overdue)  # the overdue table and by owner
    assert errors == []


@pytest.mark.parametrize("at", [BUILT, LATER], ids=["build", "later"])
def test_postmortems_header_count_agrees_with_the_verdicts(open_page, corpus, at):
    page, errors = opened_at(open_page, urls.POSTMORTEMS, at)
    overdue = followups_view(corpus, at).overdue_postmortems
    assert page.locator(".sb-counts .sb-count").inner_text() == str(len(overdue))
    missed_open = [text for text in shown_texts(page.locator(".sb-deadlines li"))
                   if "Missed: overdue by" in text and not text.startswith("Action items done")]
    assert len(missed_open) == sum(len(p.overdue_deadlines) for p in overdue)
    assert errors == []


@pytest.mark.parametrize("at", [BUILT, LATER], ids=["build", "later"])
def test_open_record_gives_duration_due_verdicts_and_missed_count_from_one_clock(open_page, corpus, at):
    page, errors = opened_at(open_page, urls.incident_page(OPEN_ID), at)
    incident = next(i for i in corpus.incidents if i.id == OPEN_ID)
    record = records_view(corpus, at)[OPEN_ID]
    facts = page.locator(".sb-record-facts")
    assert facts.locator(".sb-since").inner_text() == format_duration(at - incident.started)
    assert facts.locator(".sb-due").inner_text() == due_words(record.next_update, at)
    assert facts.locator(".sb-count").inner_text() == str(missed_commitments(incident, at))
    verdicts = [text.lstrip("✓✕…– ") for text in shown_texts(page.locator(".sb-measures .sb-verdict"))]
    assert verdicts == [row.verdict_label for row in record.measures]
    assert errors == []


@pytest.mark.parametrize("at", [BUILT, LATER + timedelta(days=3)], ids=["build", "next-week"])
def test_rotation_page_marks_the_week_of_the_readers_clock(open_page, corpus, at):
    rotation = rotation_of(corpus, "platform-oncall")
    page, errors = opened_at(open_page, urls.rotation_page(rotation.id), at)
    marked = shown_texts(page.locator("th").filter(has=page.locator(".sb-current:visible")))
    assert len(marked) == 1
    day = at.astimezone(rotation.timezone).date().isoformat()
    first, last = marked[0].removesuffix(" (current week)").split(" to ")
    assert first <= day <= last
    assert shown_duties(page.locator(".sb-facts")) == expected_duties(corpus, rotation, at)
    assert errors == []


def test_the_recheck_note_names_the_full_date_and_zone(open_page):
    page, _ = open_page(urls.NOW, clock=LATER, timezone_id="Asia/Tokyo", locale="en-GB")
    note = page.locator(".sb-asof__live")
    note.wait_for()
    assert note.inner_text() == " · answers rechecked in your browser at 28 Nov 2026, 21:00 GMT+9 (Asia/Tokyo)"


def png_size(path: Path) -> tuple[int, int]:
    """Return a PNG's width and height from its header, after checking its signature."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_the_status_page_an_incident_and_the_portal(open_page, public_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serving(public_site) as public_url:
        shots = {
            "status-desktop.png": (public_url, urls.HOME, DESKTOP),
            "status-phone.png": (public_url, urls.HOME, PHONE),
            "incident-desktop.png": (public_url, urls.incident_page(OPEN_ID), DESKTOP),
            "portal-now-desktop.png": (None, urls.NOW, DESKTOP),
        }
        for name, (base, source, viewport) in shots.items():
            (SCREENSHOTS / name).unlink(missing_ok=True)
            page, errors = open_page(source, viewport, clock=BUILT, **({"base": base} if base else {}))
            wait_for_local_times(page)
            page.screenshot(path=SCREENSHOTS / name, full_page=True)
            assert errors == [], name
    for name, (_, _, viewport) in shots.items():
        path = SCREENSHOTS / name
        width, height = png_size(path)
        assert width == viewport["width"] and height >= viewport["height"], name
        assert path.stat().st_size > 20_000, name
