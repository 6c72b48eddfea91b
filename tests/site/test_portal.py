"""The internal records portal built end to end from the example: its pages, addresses, feeds and isolation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
from click.testing import CliRunner

from generator.cli import cli
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.schedule import on_duty
from generator.views.audience import Audience
from tests.site.conftest import NOW, REPO, build_site, copy_portal, site_files

PORTAL_SECTIONS = ("now", "actions", "oncall", "metrics", "timelines")


def text(site_dir: Path, path: str) -> str:
    """Read one built file as text."""
    return (site_dir / path).read_text(encoding="utf-8")


def visible_text(html: str) -> str:
    """Strip tags and collapse white space, to assert on what a reader sees."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def html_pages(site_dir: Path) -> set[str]:
    """List the built HTML pages by relative path."""
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}


def test_navigation_leads_with_now_and_lists_the_portal_sections(internal_site):
    """The portal's navigation: Now, the status site's sections, then postmortems, action items, on call, metrics."""
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<', text(internal_site, "now/index.html"))
    order = [name for name in ("Now", "Status", "Components", "History", "Postmortems", "Action items", "On call", "Metrics") if name in nav]
    assert order == ["Now", "Status", "Components", "History", "Postmortems", "Action items", "On call", "Metrics"]
    assert [nav.index(name) for name in order] == sorted(nav.index(name) for name in order)


def test_every_public_page_has_the_same_address_on_the_portal(public_site, internal_site):
    """Shared pages keep their URLs, so a link from the status page works on the portal too."""
    missing = html_pages(public_site) - html_pages(internal_site)
    assert not missing


def test_every_record_has_its_full_page_and_timeline_picture(internal_site):
    """All 21 records, internal and staging ones included, have a record page and an SVG picture."""
    records = sorted(p.parent.name for p in (internal_site / "incidents").glob("*/index.html"))
    assert len(records) == len(load_root(REPO).corpus.incidents) == 23
    assert sorted(p.stem for p in (internal_site / "timelines").glob("*.svg")) == records
    page = visible_text(text(internal_site, "incidents/2026-06-22-ci-runner-disk-full/index.html"))
    assert "Internal: not on the status page" in page and "Incident Commander" in page


def test_now_page_shows_owners_and_who_is_on_duty_as_the_model_says(internal_site):
    """The Now page names both open incidents' owners and, for each rotation, the person on duty at build time."""
    page = visible_text(text(internal_site, "now/index.html"))
    assert "Increased latency on the Public API and webhooks" in page and "ARM CI jobs queue" in page
    assert "Julia Santos" in page and "Bruno Lindqvist" in page
    corpus = load_root(REPO).corpus
    for rotation in corpus.rotations:
        duty = on_duty(rotation, parse_now(NOW))
        assert f"{rotation.name} {corpus.person(duty.person).name}" in page


def test_calendar_feeds_exist_for_every_rotation_and_parse(internal_site):
    """Each rotation has a page and an iCalendar feed that a real parser reads, with time zone definitions."""
    for rotation in load_root(REPO).corpus.rotations:
        assert (internal_site / f"oncall/{rotation.id}/index.html").is_file()
        calendar = icalendar.Calendar.from_ical((internal_site / f"oncall/{rotation.id}.ics").read_bytes())
        assert calendar.walk("VEVENT") and calendar.walk("VTIMEZONE")
    assert sorted(p.stem for p in (internal_site / "oncall/people").glob("*.ics"))


def test_the_portal_asks_not_to_be_indexed_and_the_status_site_does_not(public_site, internal_site):
    """Every portal page carries a robots noindex; no public page does."""
    assert all('name="robots" content="noindex, nofollow"' in text(internal_site, p) for p in html_pages(internal_site))
    assert not any('name="robots"' in text(public_site, p) for p in html_pages(public_site))


def test_the_status_site_has_none_of_the_portal(public_site):
    """The public build holds no Now page, board, on-call, metrics or timeline pictures; its only calendars are of maintenance."""
    assert not [name for name in PORTAL_SECTIONS if (public_site / name).exists()]
    calendars = [p.relative_to(public_site).as_posix() for p in public_site.rglob("*.ics")]
    assert not (public_site / "actions").exists() and "maintenance.ics" in calendars
    assert [c for c in calendars if c != "maintenance.ics" and not c.startswith("feeds/components/")] == []


def test_portal_feeds_and_api_point_at_the_internal_address(internal_site):
    """Feeds and the API on the portal link to the portal, not to the public status site."""
    summary = json.loads(text(internal_site, "api/v2/summary.json"))
    assert summary["page"]["url"] == "https://records.acme.example"
    assert "https://status.acme.example" not in text(internal_site, "history.atom")


def test_same_records_and_now_give_a_byte_identical_portal(tmp_path, internal_site):
    """A second build of the same records at the same moment is byte-identical."""
    again = tmp_path / "again"
    assert build_site(REPO, again, audience=Audience.INTERNAL).built
    assert site_files(again) == site_files(internal_site)


def test_portal_without_an_internal_url_is_a_clear_error(tmp_path):
    """Without internal_url the portal build is a usage error naming the key, and writes nothing."""
    root = copy_portal(tmp_path / "portal")
    config = root / "statusbook.yml"
    config.write_text(re.sub(r"(?m)^internal_url: .*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    args = ["build", "--root", str(root), "--audience", "internal", "--site-dir", str(tmp_path / "s"), "--now", NOW]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "no 'internal_url'" in result.output
    assert not (tmp_path / "s").exists()
