"""Timeline pictures: valid, described SVG whose marks sit in time order on a UTC axis, the same every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.incident import Handoff, Update
from generator.render.timelines import PLOT_LEFT, PLOT_RIGHT, Axis, tick_step, timeline_picture
from generator.views.records import records_view
from tests.checks.factories import at, corpus, handled_incident, maintenance

REPO = Path(__file__).parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
SVG = "{http://www.w3.org/2000/svg}"
API = "2026-11-23-api-increased-latency"
CHECKOUT = "2026-09-16-checkout-payments-failing"


@pytest.fixture(scope="module")
def example():
    """The example portal's record views at the example's moment."""
    return records_view(load_root(REPO).corpus, NOW)


def picture(record) -> ET.Element:
    """Draw a record's picture and parse it as XML."""
    return ET.fromstring(timeline_picture(record))


def picture_of(incident, now):
    """Draw the picture of a single incident built from factories."""
    return picture(records_view(corpus(incidents=[incident]), now)[incident.id])


def marks(svg: ET.Element, tip_start: str) -> list[ET.Element]:
    """Return the groups whose tooltip starts with ``tip_start``, in document order."""
    return [g for g in svg.iter(f"{SVG}g") if (g.findtext(f"{SVG}title") or "").startswith(tip_start)]


def texts(svg: ET.Element) -> list[str]:
    """Return every visible text of the picture, in document order."""
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_picture_is_an_image_with_title_and_a_description_of_its_phases(example):
    svg = picture(example[API])
    assert svg.tag == f"{SVG}svg"
    assert (svg.get("role"), svg.get("aria-labelledby")) == ("img", "title desc")
    assert svg.get("viewBox") == f"0 0 800 {svg.get('height')}"
    assert [child.tag for child in svg[:2]] == [f"{SVG}title", f"{SVG}desc"]
    assert svg[0].text == "Timeline of Increased latency on the Public API and webhooks"
    assert svg[1].text == (
        "Impact started → detected, 2026-11-23 14:48 UTC to 2026-11-23 14:55 UTC (7 min); "
        "Detected → acknowledged, 2026-11-23 14:55 UTC to 2026-11-23 15:03 UTC (8 min); "
        "Acknowledged → mitigated, 2026-11-23 15:03 UTC to 2026-11-23 16:40 UTC (1 h 37 min); "
        "Mitigated → not yet resolved, 2026-11-23 16:40 UTC to now, 2026-11-23 18:00 UTC (1 h 20 min). "
        "4 public updates and 0 handoffs."
    )


def test_phases_are_labelled_in_words_on_their_rows(example):
    words = texts(picture(example[API]))
    for label in ("Impact started → detected", "Detected → acknowledged", "Acknowledged → mitigated", "Mitigated → not yet resolved"):
        assert label in words
    assert {"Public updates", "Time (UTC)", "Phase, named on its row", "Public update", "Now (still open)"} <= set(words)


def test_axis_runs_from_impact_start_to_now_with_half_hour_ticks(example):
    svg = picture(example[API])
    words = texts(svg)
    assert [w for w in words if w and w[:2].isdigit() and ":" in w] == ["15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "18:00"]
    assert words.count("2026-11-23") == 1
    now_line = marks(svg, "Now: 2026-11-23 18:00 UTC")[0].find(f"{SVG}line")
    assert float(now_line.get("x1")) == PLOT_RIGHT


def test_marks_sit_in_time_order(example):
    svg = picture(example[CHECKOUT])
    updates = [float(g.find(f"{SVG}circle").get("cx")) for g in marks(svg, "Public update ")]
    assert len(updates) == len(example[CHECKOUT].updates) > 10
    assert updates == sorted(updates) and len(set(updates)) == len(updates)
    bars = [g for g in svg.iter(f"{SVG}g") if g.find(f"{SVG}rect") is not None and "→" in g.findtext(f"{SVG}title", "")]
    phases = [float(g.find(f"{SVG}rect").get("x")) for g in bars]
    assert len(phases) == 4 and phases == sorted(phases)
    handoffs = marks(svg, "Handoff from ")
    first_tip = handoffs[0].findtext(f"{SVG}title")
    assert first_tip == "Handoff from Alice Okafor to Julia Santos at 2026-09-16 17:00 UTC; acknowledged at 2026-09-16 17:04 UTC"
    first, second = ([float(p.get("points").split(",")[0]) for p in g.iter(f"{SVG}polygon")] for g in handoffs)
    assert first[0] < first[1] < second[0] < second[1]


def test_axis_maps_moments_between_the_plot_edges_in_order_to_a_tenth_of_a_unit():
    axis = Axis(at("2026-06-01T10:00Z"), at("2026-06-01T12:00Z"))
    moments = [at("2026-06-01T09:00Z"), at("2026-06-01T10:00Z"), at("2026-06-01T10:30Z"), at("2026-06-01T11:00Z"), at("2026-06-01T12:00Z")]
    # The plot runs from 230 to 765: a quarter of the way is 363.75, rounded to 363.8; moments outside stay at the edge.
    assert (PLOT_LEFT, PLOT_RIGHT) == (230, 765)
    assert [axis.x(m) for m in moments] == [230, 230, 363.8, 497.5, 765]


def test_tick_step_keeps_at_most_seven_ticks():
    assert tick_step(timedelta(hours=3, minutes=12)) == timedelta(minutes=30)
    assert tick_step(timedelta(minutes=50)) == timedelta(minutes=10)
    assert tick_step(timedelta(days=10)) == timedelta(days=2)


def test_pending_handoff_has_no_acknowledgement_mark():
    incident = handled_incident(
        status="identified",
        resolved=None,
        handoffs=(Handoff(at("2026-06-01T10:50Z"), "alice", "bob", "Rolled back.", "Watch it.", at("2026-06-01T11:30Z")),),
    )
    svg = picture_of(incident, at("2026-06-01T11:00Z"))
    (handoff,) = marks(svg, "Handoff from ")
    assert handoff.findtext(f"{SVG}title") == "Handoff from Alice Smith to Bob Jones at 2026-06-01 10:50 UTC; awaiting acknowledgement"
    assert len(list(handoff.iter(f"{SVG}polygon"))) == 1


def test_open_incident_with_only_start_and_detection_draws_until_now():
    incident = handled_incident(
        status="investigating",
        acknowledged=None,
        mitigated=None,
        resolved=None,
        updates=(Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),),
    )
    svg = picture_of(incident, at("2026-06-01T10:30Z"))
    assert "Detected → not yet acknowledged" in texts(svg)
    assert svg[1].text.endswith("1 public update and 0 handoffs.")


def test_scheduled_maintenance_without_milestones_shows_its_window_and_counts_the_announcement():
    scheduled = maintenance(
        status="scheduled",
        started=None,
        resolved=None,
        updates=(Update(at("2026-06-01T09:00Z"), "scheduled", "Planned.", at("2026-06-05T22:00Z")),),
    )
    svg = picture_of(scheduled, at("2026-06-01T12:00Z"))
    words = texts(svg)
    assert "Scheduled window" in words and "1 earlier ◂" in words
    assert not marks(svg, "Now:")
    assert svg[1].text == (
        "Scheduled window, 2026-06-05 22:00 UTC to 2026-06-05 23:00 UTC. 1 public update (1 of them before the window) and 0 handoffs."
    )


def test_record_at_a_single_moment_gets_an_hour_wide_axis():
    moment = at("2026-06-01T10:00Z")
    incident = handled_incident(
        detected=moment, acknowledged=moment, mitigated=moment, resolved=moment, updates=(Update(moment, "resolved", "Fixed."),)
    )
    svg = picture_of(incident, at("2026-06-01T12:00Z"))
    assert [g.find(f"{SVG}circle").get("cx") for g in marks(svg, "Public update ")] == [str(PLOT_LEFT)]
    assert "11:00" in texts(svg)


def test_record_without_updates_or_milestones_still_draws():
    bare = handled_incident(status="investigating", started=None, detected=None, acknowledged=None, mitigated=None, resolved=None, updates=())
    svg = picture_of(bare, at("2026-06-01T12:00Z"))
    assert svg[1].text == "No phases recorded yet. 0 public updates and 0 handoffs."
    assert "12:00" in texts(svg) and not marks(svg, "Public update ")


def test_pictures_are_deterministic(example):
    again = records_view(load_root(REPO).corpus, NOW)
    assert all(timeline_picture(example[i]) == timeline_picture(again[i]) for i in example)


def test_picture_carries_its_own_white_background_so_it_reads_in_either_scheme(example):
    # An <img> does not see the page's colours: on the dark scheme the picture must not show dark text on a dark page.
    svg = picture(example[API])
    background = svg[2]
    assert background.tag == f"{SVG}rect" and "x" not in background.attrib and "y" not in background.attrib
    assert (background.get("width"), background.get("height"), background.get("fill")) == ("800", svg.get("height"),
                                                                                           "#ffffff")
