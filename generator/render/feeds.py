"""RSS 2.0 and Atom 1.0 feeds of the incident history: one pair for the site and one pair per component.

Each incident or maintenance window is one entry whose content lists its updates, newest first; a feed carries its
newest 50 entries (the history pages list every record). Every entry is built
once (its HTML rendered once) and shared by the site feed and the feeds of the components it affects. Output depends
only on the view: feed dates are ``view.now`` and the generator name is fixed, so the same view gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from generator.render import urls
from generator.render.markup import to_html, to_text
from generator.render.output import OutputFile
from generator.render.times import utc_text
from generator.views.incidents import IncidentView, UpdateView
from generator.views.page import SiteView

GENERATOR = "Statusbook"
# Entries per feed: the newest, as many as Statuspage's API lists; readers poll feeds, the history pages keep every record.
FEED_LIMIT = 50
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
# Characters XML 1.0 forbids; lxml refuses them, so they are dropped from record text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Channel:
    """One feed pair: its title and description, its own files and the page it stands for."""

    title: str
    description: str
    files: dict[str, str]
    page: str


def feed_files(view: SiteView) -> list[OutputFile]:
    """Render the site's history feeds and each visible component's feeds, RSS and Atom, each with its newest entries."""
    base = site_url(view)
    ordered = newest_published(view.incidents)
    by_component = incidents_by_component(ordered)
    channels = [(site_channel(view), ordered[:FEED_LIMIT])]
    for state in view.status.components:
        component = state.component
        shown = by_component.get(component.id, [])[:FEED_LIMIT]
        channels.append((component_channel(view, component.id, component.name), shown))
    entries = {v.id: incident_entry(v, base) for _, shown in channels for v in shown}
    files: list[OutputFile] = []
    for channel, shown in channels:
        files += channel_files(channel, [entries[v.id] for v in shown], view, base)
    return files


def site_url(view: SiteView) -> str:
    """Return the site's absolute URL, which every feed link and id is built from."""
    if not view.url:
        raise ValueError(
            f"statusbook.yml has no '{view.url_key}': feeds need the site's absolute address, e.g. https://status.example.com/"
        )
    return view.url


def newest_published(views: tuple[IncidentView, ...]) -> list[IncidentView]:
    """Order the incidents that have updates by their first update, newest first; ids break ties."""
    return sorted((v for v in views if v.updates), key=lambda v: (v.created, v.id), reverse=True)


def incidents_by_component(views: list[IncidentView]) -> dict[str, list[IncidentView]]:
    """Group incidents by each component they affect, keeping their order."""
    grouped: dict[str, list[IncidentView]] = {}
    for view in views:
        for affected in view.affected:
            grouped.setdefault(affected.component.id, []).append(view)
    return grouped


def site_channel(view: SiteView) -> Channel:
    """Describe the feeds of the whole history."""
    name = xml_text(view.site.name)
    return Channel(
        title=f"{name} incident history",
        description=f"Incidents and maintenance of {name}, newest first.",
        files={"rss": urls.HISTORY_RSS, "atom": urls.HISTORY_ATOM},
        page=urls.HISTORY,
    )


def component_channel(view: SiteView, component_id: str, component_name: str) -> Channel:
    """Describe the feeds of one component's incidents."""
    site, name = xml_text(view.site.name), xml_text(component_name)
    return Channel(
        title=f"{site} incident history: {name}",
        description=f"Incidents and maintenance affecting {name} on {site}, newest first.",
        files={kind: urls.component_feed(component_id, kind) for kind in ("rss", "atom")},
        page=urls.component_page(component_id),
    )


def channel_files(channel: Channel, entries: list[FeedEntry], view: SiteView, base: str) -> list[OutputFile]:
    """Render one channel as an RSS file and an Atom file."""
    rss = generator(channel, "rss", entries, view, base).rss_str(pretty=True)
    atom = generator(channel, "atom", entries, view, base).atom_str(pretty=True)
    return [OutputFile(channel.files["rss"], rss), OutputFile(channel.files["atom"], atom)]


def generator(channel: Channel, kind: str, entries: list[FeedEntry], view: SiteView, base: str) -> FeedGenerator:
    """Set up a feed of ``kind`` with fixed metadata and the given entries in order."""
    feed = FeedGenerator()
    own = urls.absolute(base, channel.files[kind])
    feed.id(own)
    feed.title(channel.title)
    # Readers take an RSS description for HTML and an Atom subtitle for text: escape the one, not the other.
    feed.description(to_text(channel.description) if kind == "rss" else channel.description)
    feed.author(name=xml_text(view.site.name), uri=base)
    feed.language("en")
    feed.generator(GENERATOR)
    feed.updated(utc(view.now))
    # The RSS channel <link> is the last link added, so the page comes after the feed's own address.
    feed.link(href=own, rel="self", type=MEDIA_TYPES[kind])
    feed.link(href=urls.absolute(base, channel.page), rel="alternate", type="text/html")
    for entry in entries:
        feed.add_entry(entry, order="append")
    return feed


def incident_entry(view: IncidentView, base: str) -> FeedEntry:
    """Build the one entry of an incident, shared by every feed it appears in."""
    entry = FeedEntry()
    link = urls.absolute(base, urls.incident_page(view.id))
    entry.guid(link, permalink=True)
    entry.title(entry_title(view))
    entry.link(href=link, rel="alternate", type="text/html")
    entry.published(utc(view.created))
    entry.updated(utc(view.latest.at))
    entry.content(updates_html(view.updates), type="html")
    for affected in view.affected:
        entry.category(term=xml_text(affected.component.name))
    return entry


def entry_title(view: IncidentView) -> str:
    """Title an entry, marking maintenance windows as such."""
    title = xml_text(view.title)
    return f"Maintenance: {title}" if view.is_maintenance else title


def updates_html(updates: tuple[UpdateView, ...]) -> str:
    """Render the updates as safe HTML, newest first."""
    return "\n".join(update_html(u) for u in reversed(updates))


def update_html(update: UpdateView) -> str:
    """Render one update: its status, its time in UTC and its message."""
    heading = f"<p><strong>{to_text(update.label)}</strong> · {utc_text(update.at)}</p>"
    return xml_text(f"{heading}\n{to_html(update.message)}")


def utc(moment: datetime) -> datetime:
    """Return an aware moment in UTC, as feeds show it."""
    return moment.astimezone(UTC)


def xml_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry."""
    return NOT_XML.sub("", text)
