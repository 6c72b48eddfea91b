"""The pages of a site, rendered from views with Jinja2 templates into finished HTML.

Every value from a record is HTML-escaped by the template engine, or rendered by ``markup.to_html``. A page's file
holds front matter (its title and table of contents) and the HTML of its content area; no Markdown parser reads it
again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from typing import Callable, Iterator
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.clock import iso_utc
from generator.fingerprint import code_digest
from generator.model.timing import format_duration
from generator.model.site import Site
from generator.render import urls
from generator.render.compiled import compiled_templates
from generator.render.markup import to_html
from generator.render.memo import Reuse, file_key, input_digest, keyed, shared_digest
from generator.render.output import KeptFile, OutputFile
from generator.render.times import KEPT, utc_text, zone_text
from generator.views.audience import Audience
from generator.views.history import FULL_MONTHS, MONTH_NAMES, earlier_by_year
from generator.views.page import SiteView

STATUS_ICONS = {
    "operational": "✓",
    "under_maintenance": "⚒",
    "degraded_performance": "◐",
    "partial_outage": "▲",
    "major_outage": "✕",
    "recovering": "↻",
}
INDICATOR_ICONS = {"none": "✓", "maintenance": "⚒", "minor": "◐", "major": "▲", "critical": "✕"}
IMPACT_LABELS = {"none": "No impact", "maintenance": "Maintenance", "minor": "Minor", "major": "Major", "critical": "Critical"}


@lru_cache(maxsize=KEPT)
def time_tag(moment: datetime | None, team_zone: ZoneInfo | None = None) -> Markup:
    """Render a moment once, kept for the other pages that show it: UTC text that the page script rewrites into the reader's zone; UTC, and the team's zone if given, on hover."""
    if moment is None:
        return Markup("—")
    text = utc_text(moment)
    title = text if team_zone is None else f"{text} · {zone_text(moment, team_zone)} (team)"
    # Only digits, letters and our own punctuation go in (zone abbreviations too); pages hold many times.
    return Markup(f'<time datetime="{iso_utc(moment)}" class="sb-time" title="{escape(title)}">{text}</time>')


def due_tag(due: datetime | None, now: datetime) -> Markup:
    """Render how a committed time stands at ``now`` ("due in 35 min", "overdue by 2 h"); the page script redoes it live."""
    if due is None:
        return Markup("—")
    late = now > due
    words = f"overdue by {format_duration(now - due)}" if late else f"due in {format_duration(due - now)}"
    css = "sb-due sb-due--overdue" if late else "sb-due"
    return Markup('<span class="{}" data-sb-due="{}">{}</span>').format(css, iso_utc(due), words)


def day_text(day: date) -> str:
    """Write a day as Nov 23, 2026."""
    return f"{MONTH_NAMES[day.month - 1][:3]} {day.day}, {day.year}"


def duration_text(delta: timedelta | None) -> str:
    """Render a duration such as 1 h 52 min, or a dash."""
    return format_duration(delta) if delta is not None else "—"


def front_matter(title: str, toc: list[list] | None = None) -> str:
    """Return a page's front matter: its title, HTML-escaped because themes print it unescaped, and its headings."""
    lines = [f"title: {json_string(str(escape(title)))}"]
    if toc:
        lines.append(f"toc: {json.dumps(toc, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def heading(toc: list[list], level: int, text: str, anchor: str | None = None) -> Markup:
    """Render a section heading with an id, and note it in the page's table of contents."""
    taken, base = {entry[1] for entry in toc}, anchor or slug(text)
    unique, count = base, 0
    while unique in taken:
        count += 1
        unique = f"{base}_{count}"
    toc.append([level, unique, str(escape(text))])
    return Markup(f'<h{level} id="{escape(unique)}">{escape(text)}</h{level}>')


@lru_cache(maxsize=KEPT)
def slug(text: str) -> str:
    """Make an anchor of a heading's text as Markdown's table of contents does: lower case, words joined by hyphens."""
    words = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", words) or "section"


def json_string(text: str) -> str:
    """Quote text as a YAML double-quoted scalar (JSON syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def groups(states) -> list[tuple[str | None, list]]:
    """Group component states by their group, in the order groups first appear."""
    grouped: dict[str | None, list] = {}
    for state in states:
        grouped.setdefault(state.component.group, []).append(state)
    return list(grouped.items())


def environment(team_zone: ZoneInfo | None = None) -> Environment:
    """Make the template environment: autoescaping, strict about undefined names; times also in ``team_zone`` if given."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates ship with the package; checking their files at every include costs
        bytecode_cache=compiled_templates("templates", code_digest()),
    )
    env.filters.update(html=to_html, time=partial(time_tag, team_zone=team_zone), duration=duration_text, groups=groups)
    env.filters.update(iso=iso_utc, due=due_tag, day=day_text)
    env.globals.update(
        status_icons=STATUS_ICONS, indicator_icons=INDICATOR_ICONS, impact_labels=IMPACT_LABELS, urls=urls
    )
    return env


@dataclass(frozen=True, slots=True)
class RecordScope:
    """What a record's page may read of its site: the moment, the settings and the audience, never other records."""

    now: datetime
    site: Site
    audience: Audience


class PageRenderer:
    """Renders one site's pages, each with links relative to itself; a record's page only if its inputs changed."""

    def __init__(self, view: SiteView, reuse: Reuse | None = None) -> None:
        """Prepare templates for ``view``; ``reuse`` lists what the previous build rendered and the site still holds."""
        self.view, self.reuse = view, reuse or Reuse()
        internal = view.audience is Audience.INTERNAL
        self.env = environment(view.site.timezone if internal else None)
        self.scope = RecordScope(view.now, view.site, view.audience)
        self.shared = shared_digest(self.scope)

    def page(self, template: str, source: str, title: str, **context) -> OutputFile:
        """Render one page to its Markdown source path."""
        return OutputFile(source, self.body(self.view, template, source, title, context))

    def record_page(self, template: str, source: str, title: str, inputs: bytes, context: Callable[[], dict]) -> OutputFile | KeptFile:
        """Render a page (a record's, or the history, a month or a component listing records) from the ``context``
        made on demand and the site's scope alone, unless the site already holds it; ``inputs`` is the digest of
        everything that context holds (see memo.input_digest)."""
        key = file_key(self.shared, source, input_digest(template, title, inputs))
        return keyed(self.reuse, key, source, lambda: self.body(self.scope, template, source, title, context()))

    def body(self, view: SiteView | RecordScope, template: str, source: str, title: str, context: dict) -> bytes:
        """Render a page's front matter and content area."""
        link, toc = partial(urls.relative, source), []
        body = self.env.get_template(template).render(view=view, link=link, heading=partial(heading, toc), **context)
        return (front_matter(title, toc) + "\n" + body).encode("utf-8")


def page_files(view: SiteView, pages: PageRenderer) -> Iterator[OutputFile | KeptFile]:
    """Render every page of the site with the build's one renderer, one page at a time."""
    digests = {v.id: input_digest(v) for v in view.incidents}
    listed = partial(listed_digest, {id(v): digests[v.id] for v in view.incidents})  # the site's views stay alive
    yield pages.page("public/home.md.j2", urls.HOME, view.site.name)
    months = {m.key: input_digest(m.year, m.month, listed(m.incidents)) for m in view.months}
    full, earlier = view.months[:FULL_MONTHS], earlier_by_year(view.months[FULL_MONTHS:])
    history = input_digest([months[m.key] for m in full], earlier)  # an earlier month counts by its records alone
    yield pages.record_page("public/history.md.j2", urls.HISTORY, "Incident history", history,
                            partial(dict, months=full, earlier=earlier))
    for m in view.months:
        inputs = months[m.key]
        yield pages.record_page("public/month.md.j2", urls.month_page(m.key), f"Incidents in {m.title}", inputs,
                                partial(dict, month=m))
    for state in view.status.components:
        yield component_page(pages, view, state, listed)
    yield pages.page("public/subscribe.md.j2", urls.SUBSCRIBE, "Subscribe to updates")
    if view.portal is not None:
        return  # the portal renders full incident records and every postmortem at the same paths
    for v in view.incidents:
        yield pages.record_page("public/incident.md.j2", urls.incident_page(v.id), v.title, digests[v.id], partial(dict, incident=v))
    for v in view.incidents:
        if v.postmortem is not None:
            title = f"Postmortem: {v.title}"
            yield pages.record_page("public/postmortem.md.j2", urls.postmortem_page(v.id), title, digests[v.id], partial(dict, incident=v))


def listed_digest(known: dict[int, bytes], views: tuple) -> list[bytes]:
    """The digest of each view a page lists: the one already taken of that very object, or taken now."""
    return [known[id(v)] if id(v) in known else input_digest(v) for v in views]


def component_page(pages: PageRenderer, view: SiteView, state, listed: Callable[[tuple], list[bytes]]) -> OutputFile | KeptFile:
    """Render one component's page, unless the site holds it from the same state, uptime and incidents."""
    uptime = next(u for u in view.uptime if u.component.id == state.component.id)
    incidents = view.incidents_of(state.component.id)
    return pages.record_page(
        "public/component.md.j2",
        urls.component_page(state.component.id),
        state.component.name,
        input_digest(state, uptime, listed(incidents)),
        partial(dict, state=state, uptime=uptime, incidents=incidents),
    )
