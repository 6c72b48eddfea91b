"""Tests of the RSS and Atom feeds: parsed by a real feed reader's parser, checked against the records."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import lxml.html
import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.incident import Update
from generator.model.site import Component
from generator.render import urls
from generator.render.feeds import FEED_LIMIT, feed_files
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, incident, maintenance, site

ROOT = Path(__file__).parents[2]
SCHEMA = Path(__file__).parent / "data" / "atom.rnc"
NOW = parse_now("2026-11-23T18:00:00Z")
BASE = "https://status.acme.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = (
    "<script>alert('x')</script> Read [this](javascript:alert(1)) or <a href=\"javascript:alert(2)\">that</a>"
    " or [that too](JaVaScRiPt:alert(3)) ![img](javascript:alert(4)) <img src=x onerror=alert(5)>"
)


@pytest.fixture(scope="module")
def example():
    """The example portal's corpus."""
    return load_root(ROOT).corpus


@pytest.fixture(scope="module")
def view(example):
    """The public view of the example portal at NOW."""
    return site_view(example, Audience.PUBLIC, NOW)


@pytest.fixture(scope="module")
def files(view) -> dict[str, bytes]:
    """Every feed file of the example portal by path."""
    return {f.path: f.content for f in feed_files(view)}


@pytest.fixture(scope="module")
def parsed(files) -> dict[str, feedparser.FeedParserDict]:
    """Every feed of the example portal, parsed by feedparser."""
    return {path: feedparser.parse(content) for path, content in files.items()}


def incident_url(incident_id: str) -> str:
    """Return the absolute URL of an incident page on the example site."""
    return BASE + f"incidents/{incident_id}/"


def records_newest_first(records) -> list[str]:
    """Return the ids of records ordered by their first update, newest first, as feeds order them."""
    return [r.id for r in sorted(records, key=lambda r: (min(u.at for u in r.updates), r.id), reverse=True)]


def public_records(example, view):
    """Return the model records the public view shows."""
    shown = {v.id for v in view.incidents}
    return [i for i in example.incidents if i.id in shown]


def hostile_files(tmp_title: str = "<script>alert('t')</script> & co", site_name: str = "Test") -> dict[str, bytes]:
    """Render the feeds of a tiny site whose one incident carries script and javascript: links."""
    components = (Component("api", "API <b>v2</b>", True), Component("ci", "CI runners", False))
    record = incident(
        "2026-06-01-hostile",
        title=tmp_title,
        components={"api": "major_outage"},
        updates=(
            Update(at("2026-06-01T10:05Z"), "investigating", HOSTILE),
            Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),
        ),
    )
    data = corpus(site=site(name=site_name, components=components, url="https://status.test/"), incidents=[record])
    return {f.path: f.content for f in feed_files(site_view(data, Audience.PUBLIC, at("2026-06-10T12:00Z")))}


def html_payloads(content: bytes) -> list[str]:
    """Return the HTML a reader gets from each item description or entry content, after XML un-escaping."""
    root = ElementTree.fromstring(content)
    if root.tag == "rss":
        return [item.findtext("description") or "" for item in root.iter("item")]
    return [content.text or "" for content in root.iter(f"{ATOM}content")]


# Paths and parsing


def test_feeds_exist_for_the_history_and_every_public_component(files, view) -> None:
    """The history and each public component get an RSS and an Atom file; internal components get none."""
    component_ids = [s.component.id for s in view.status.components]
    per_component = {urls.component_feed(c, kind) for c in component_ids for kind in ("rss", "atom")}
    expected = {urls.HISTORY_RSS, urls.HISTORY_ATOM} | per_component
    assert set(files) == expected
    assert len(component_ids) == 7
    assert not any("ci-runners" in path or "data-warehouse" in path for path in files)


def test_every_feed_parses_without_complaint(parsed) -> None:
    """feedparser reads every file as RSS 2.0 or Atom 1.0 without a well-formedness complaint."""
    for path, feed in parsed.items():
        assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        assert feed.version == ("rss20" if path.endswith(".rss") else "atom10")


# Entries


def test_history_feeds_hold_every_public_record_newest_first(parsed, example, view) -> None:
    """Both history feeds list every public record once, newest first by first update."""
    expected = [incident_url(i) for i in records_newest_first(public_records(example, view))]
    assert len(expected) == 14
    for path in (urls.HISTORY_RSS, urls.HISTORY_ATOM):
        assert [e.id for e in parsed[path].entries] == expected


def test_entries_are_newest_first_by_published_date(parsed) -> None:
    """Every feed is ordered by publication date, newest first."""
    for path, feed in parsed.items():
        dates = [e.published_parsed for e in feed.entries]
        assert dates == sorted(dates, reverse=True), path


def test_entry_ids_are_the_incident_urls_unique_and_stable_across_builds(parsed, example) -> None:
    """An entry's id is its incident's page URL: unique in a feed and the same in a later build."""
    later_view = site_view(example, Audience.PUBLIC, parse_now("2026-12-20T09:00:00Z"))
    later = {f.path: feedparser.parse(f.content) for f in feed_files(later_view)}
    for path, feed in parsed.items():
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), path
        assert all(e.id == e.link and e.id.startswith(BASE + "incidents/") for e in feed.entries), path
        assert {e.id for e in later[path].entries} >= set(ids), path


def test_rss_guid_is_a_permalink(files) -> None:
    """RSS guids are the item links, marked as permalinks."""
    items = ElementTree.fromstring(files[urls.HISTORY_RSS]).iter("item")
    for item in items:
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "true"
        assert guid.text == item.findtext("link")


def test_atom_dates_are_the_first_and_latest_update_of_the_record(parsed, example, view) -> None:
    """Atom published and updated are the record's first and latest update."""
    entries = {e.id: e for e in parsed[urls.HISTORY_ATOM].entries}
    for record in public_records(example, view):
        entry = entries[incident_url(record.id)]
        assert datetime.fromisoformat(entry.published) == min(u.at for u in record.updates), record.id
        assert datetime.fromisoformat(entry.updated) == max(u.at for u in record.updates), record.id


def test_rss_dates_are_rfc_822_and_the_first_update_of_the_record(files, example, view) -> None:
    """RSS pubDate is an RFC 822 date that round-trips, equal to the record's first update."""
    items = {i.findtext("guid"): i for i in ElementTree.fromstring(files[urls.HISTORY_RSS]).iter("item")}
    for record in public_records(example, view):
        text = items[incident_url(record.id)].findtext("pubDate")
        moment = parsedate_to_datetime(text)
        assert format_datetime(moment) == text
        assert moment == min(u.at for u in record.updates), record.id


def test_component_feed_holds_exactly_the_incidents_affecting_it(parsed, example, view) -> None:
    """A component's feeds list exactly the public records that affect it, newest first."""
    records = public_records(example, view)
    for state in view.status.components:
        component_id = state.component.id
        mine = [r for r in records if component_id in r.components]
        expected = [incident_url(i) for i in records_newest_first(mine)]
        for kind in ("rss", "atom"):
            assert [e.id for e in parsed[urls.component_feed(component_id, kind)].entries] == expected, component_id
    newest_api = parsed[urls.component_feed("api", "atom")].entries[0]
    assert newest_api.id == incident_url("2026-11-23-api-increased-latency")


def test_internal_records_and_components_appear_in_no_feed(files, example, view) -> None:
    """No feed names an internal record or an internal component."""
    hidden = {i.id for i in example.incidents} - {v.id for v in view.incidents}
    internal = [c for c in example.site.components if not c.public]
    assert hidden and internal
    for path, content in files.items():
        text = content.decode("utf-8")
        for incident_id in hidden:
            assert incident_id not in text, (path, incident_id)
        for component in internal:
            assert component.name not in text and f"components/{component.id}" not in text, (path, component.id)


def test_entry_categories_are_the_affected_public_component_names(parsed, example) -> None:
    """Categories are the names of the affected components, in configured order."""
    wanted = incident_url("2026-11-23-api-increased-latency")
    entry = next(e for e in parsed[urls.HISTORY_ATOM].entries if e.id == wanted)
    names = [t.term for t in entry.tags]
    assert names == ["Public API", "Webhooks"]
    record = next(i for i in example.incidents if i.id == "2026-11-23-api-increased-latency")
    assert set(record.components) == {"api", "webhooks"}


def test_maintenance_entries_are_titled_as_maintenance(parsed) -> None:
    """Maintenance windows are marked in their titles; incidents are not."""
    entries = {e.id: e for e in parsed[urls.HISTORY_RSS].entries}
    assert entries[incident_url("2026-12-02-api-database-upgrade")].title.startswith("Maintenance: ")
    assert not entries[incident_url("2026-11-23-api-increased-latency")].title.startswith("Maintenance")


def test_entry_content_lists_every_update_newest_first_in_utc(files, example) -> None:
    """Entry content shows each update with its status and UTC time, newest first, Markdown rendered."""
    record = next(i for i in example.incidents if i.id == "2026-11-23-api-increased-latency")
    html = next(h for h in html_payloads(files[urls.HISTORY_ATOM]) if "1.8 seconds" in h)
    stamps = [u.at.strftime("%Y-%m-%d %H:%M UTC") for u in sorted(record.updates, key=lambda u: u.at, reverse=True)]
    positions = [html.index(stamp) for stamp in stamps]
    assert positions == sorted(positions) and len(stamps) == 4
    assert html.startswith("<p><strong>Monitoring</strong>")
    assert "<strong>1.8 seconds</strong>" in html


# Channel metadata


def test_rss_channel_has_the_required_elements_and_its_own_address(files, view) -> None:
    """The RSS channel has title, link, description, language, build date and a self link; items are complete."""
    channel = ElementTree.fromstring(files[urls.HISTORY_RSS]).find("channel")
    assert channel.findtext("title") == "Acme Cloud Status incident history"
    assert channel.findtext("link") == BASE + "history/"
    assert channel.findtext("description")
    assert channel.findtext("language") == "en"
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == view.now
    self_link = channel.find(f"{ATOM}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", BASE + "history.rss")
    for item in channel.iter("item"):
        assert all(item.findtext(name) for name in ("title", "link", "description", "guid", "pubDate"))


def test_component_channel_is_named_after_the_component_and_links_its_page(parsed) -> None:
    """A component feed is titled after the component and links to its page."""
    feed = parsed[urls.component_feed("api", "rss")].feed
    assert feed.title == "Acme Cloud Status incident history: Public API"
    assert feed.link == BASE + "components/api/"


def test_atom_feed_has_id_title_updated_author_and_self_link(parsed, view) -> None:
    """The Atom feed has an id, title, updated, a feed-level author and self and alternate links."""
    feed = parsed[urls.HISTORY_ATOM].feed
    assert feed.id == BASE + "history.atom"
    assert feed.title == "Acme Cloud Status incident history"
    assert datetime.fromisoformat(feed.updated) == view.now
    assert feed.author_detail.name == "Acme Cloud Status"
    links = {link.rel: link.href for link in feed.links}
    assert links == {"self": BASE + "history.atom", "alternate": BASE + "history/"}
    for entry in parsed[urls.HISTORY_ATOM].entries:
        assert entry.id and entry.title and entry.updated


# Safety


def test_script_and_javascript_links_are_inert_in_both_formats() -> None:
    """After un-escaping, item HTML holds no script, image or javascript: link; the markup shows as text."""
    files = hostile_files()
    assert set(files) == {"history.rss", "history.atom", "feeds/components/api.rss", "feeds/components/api.atom"}
    for path, content in files.items():
        payloads = html_payloads(content)
        assert payloads and any("alert(1)" in p for p in payloads), path
        for html in payloads:
            tree = lxml.html.fragment_fromstring(html, create_parent="div")
            assert not tree.xpath("//script | //img | //*[@onerror]"), (path, html)
            hrefs = [a.get("href", "") for a in tree.iter("a")]
            assert not any(h.strip().lower().startswith("javascript:") for h in hrefs), (path, hrefs)
            assert "<script>" in tree.text_content()


def test_titles_and_component_names_stay_text() -> None:
    """Markup in a title or component name reaches the reader as plain text."""
    files = hostile_files()
    feed = feedparser.parse(files["history.atom"], sanitize_html=False)
    entry = feed.entries[0]
    assert entry.title == "<script>alert('t')</script> & co"
    assert entry.title_detail.type == "text/plain"
    assert [t.term for t in entry.tags] == ["API <b>v2</b>"]


def test_site_name_markup_is_escaped_in_the_rss_description_and_text_in_atom() -> None:
    """Readers take an RSS channel description for HTML, so markup in the site name is escaped there."""
    files = hostile_files(site_name="Acme <script>alert('s')</script>")
    description = ElementTree.fromstring(files["history.rss"]).find("channel").findtext("description")
    tree = lxml.html.fragment_fromstring(description, create_parent="div")
    assert not tree.xpath("//script")
    assert tree.text_content() == "Incidents and maintenance of Acme <script>alert('s')</script>, newest first."
    subtitle = ElementTree.fromstring(files["history.atom"]).findtext(f"{ATOM}subtitle")
    assert subtitle == "Incidents and maintenance of Acme <script>alert('s')</script>, newest first."


def test_characters_xml_cannot_carry_are_dropped() -> None:
    """Control characters XML forbids are dropped instead of breaking the feed."""
    files = hostile_files("Bad \x00byte\x0b title")
    for content in files.values():
        assert feedparser.parse(content).bozo == 0
    assert feedparser.parse(files["history.rss"]).entries[0].title == "Bad byte title"


# Determinism and configuration


def test_output_is_identical_for_the_same_view_whatever_the_clock(view, files, monkeypatch) -> None:
    """The same view gives the same bytes even when the wall clock says otherwise."""
    class AnyDatetime(type):
        """Let feedgen's isinstance checks accept real datetimes."""

        def __instancecheck__(cls, instance) -> bool:
            """Accept every datetime."""
            return isinstance(instance, datetime)

    class Elsewhen(datetime, metaclass=AnyDatetime):
        """A clock stuck in another year."""

        @classmethod
        def now(cls, tz=None):
            """Return a moment far from NOW."""
            return datetime(1999, 12, 31, 23, 59, tzinfo=tz)

    import feedgen.entry
    import feedgen.feed

    monkeypatch.setattr(feedgen.feed, "datetime", Elsewhen)
    monkeypatch.setattr(feedgen.entry, "datetime", Elsewhen)
    again = {f.path: f.content for f in feed_files(view)}
    assert again == files
    assert all(b"1999" not in content and b"python-feedgen" not in content for content in again.values())


def test_a_site_without_url_is_refused() -> None:
    """Feeds need absolute links, so a site without a url is refused with a clear error."""
    no_url = site(components=(Component("api", "API", True),))
    data = corpus(site=no_url, incidents=[incident(components={"api": "major_outage"})])
    with pytest.raises(ValueError, match="no 'url'"):
        feed_files(site_view(data, Audience.PUBLIC, at("2026-06-10T12:00Z")))


def test_records_without_updates_get_no_entry() -> None:
    """A record nobody has posted an update on yet has no entry."""
    components = (Component("api", "API", True),)
    silent = incident("2026-06-02-silent", components={"api": "major_outage"}, updates=())
    spoken = maintenance(components={"api": "under_maintenance"})
    data = corpus(site=site(components=components, internal_url="https://status.test/"), incidents=[silent, spoken])
    files = {f.path: f.content for f in feed_files(site_view(data, Audience.INTERNAL, at("2026-06-10T12:00Z")))}
    ids = [e.id for e in feedparser.parse(files[urls.HISTORY_ATOM]).entries]
    assert ids == ["https://status.test/incidents/2026-06-05-db-upgrade/"]


def test_a_feed_carries_its_newest_entries_up_to_the_limit() -> None:
    """Readers poll feeds: each carries its newest FEED_LIMIT records, the history pages keep every one."""
    components = (Component("api", "API", True), Component("db", "Database", True))
    records = [
        incident(f"2026-03-{day:02d}-outage-{n}", components={"api" if n % 3 else "db": "major_outage"},
                 updates=(Update(at(f"2026-03-{day:02d}T{n % 24:02d}:00Z"), "resolved", f"Outage {n} resolved."),))
        for n in range(2 * FEED_LIMIT) for day in [1 + n % 28]
    ]
    data = corpus(site=site(components=components, url="https://status.test/"), incidents=records)
    files = {f.path: f.content for f in feed_files(site_view(data, Audience.PUBLIC, at("2026-06-10T12:00Z")))}
    newest = records_newest_first(records)
    api = records_newest_first([r for r in records if "api" in r.components])
    for kind in ("rss", "atom"):
        site_ids = [e.link.rsplit("/", 2)[-2] for e in feedparser.parse(files[f"history.{kind}"]).entries]
        assert site_ids == newest[:FEED_LIMIT]
        api_ids = [e.link.rsplit("/", 2)[-2] for e in feedparser.parse(files[f"feeds/components/api.{kind}"]).entries]
        assert api_ids == api[:FEED_LIMIT] and len(api) > FEED_LIMIT
        db_ids = [e.link.rsplit("/", 2)[-2] for e in feedparser.parse(files[f"feeds/components/db.{kind}"]).entries]
        assert db_ids == newest_of(records, "db") and len(db_ids) < FEED_LIMIT


def newest_of(records, component_id: str) -> list[str]:
    """The ids of the records affecting a component, newest first."""
    return records_newest_first([r for r in records if component_id in r.components])


# Schema validation


NEEDS_JING = pytest.mark.skipif(
    shutil.which("jing") is None,
    reason="jing (Debian package 'jing') is not on PATH: cannot validate Atom against RFC 4287's RELAX NG schema",
)


def jing(schema: Path, document: Path) -> subprocess.CompletedProcess:
    """Validate a document against a compact RELAX NG schema with jing."""
    return subprocess.run(["jing", "-c", str(schema), str(document)], capture_output=True, text=True, check=False)


@NEEDS_JING
def test_atom_feeds_are_valid_against_the_rfc_4287_schema(files, tmp_path) -> None:
    """Every Atom file validates against RFC 4287's RELAX NG schema."""
    hostile = {f"hostile-{p.replace('/', '-')}": c for p, c in hostile_files().items()}
    atoms = {p.replace("/", "-"): c for p, c in files.items()} | hostile
    for name, content in atoms.items():
        if name.endswith(".atom"):
            document = tmp_path / name
            document.write_bytes(content)
            result = jing(SCHEMA, document)
            assert result.returncode == 0, (name, result.stdout)


@NEEDS_JING
def test_the_schema_rejects_an_atom_feed_without_id(files, tmp_path) -> None:
    """The schema check does fail on an invalid feed."""
    broken = files[urls.HISTORY_ATOM].replace(b"<id>https://status.acme.example/history.atom</id>", b"", 1)
    assert broken != files[urls.HISTORY_ATOM]
    document = tmp_path / "broken.atom"
    document.write_bytes(broken)
    assert jing(SCHEMA, document).returncode != 0

