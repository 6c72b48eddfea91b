"""Where each page and file of a site lives: the site's public contract, in one place.

Page sources are Markdown paths in the docs directory; MkDocs serves ``x/y.md`` at ``x/y/``.
"""

from __future__ import annotations

from urllib.parse import urljoin

HOME = "index.md"
HISTORY = "history/index.md"
SUBSCRIBE = "subscribe/index.md"
HISTORY_RSS = "history.rss"
HISTORY_ATOM = "history.atom"
BADGE = "badge.svg"
STYLESHEET = "assets/statusbook.css"
SCRIPT = "assets/statusbook.js"
API_DIR = "api/v2"
THEME_STYLESHEET = "assets/theme.css"
CNAME = "CNAME"
MAINTENANCE_CALENDAR = "maintenance.ics"
THEME_FILE_NAMES = {"logo": "logo", "favicon": "favicon", "extra_css": "extra"}


def theme_file(key: str, suffix: str) -> str:
    """Where a theme file of the portal (logo, favicon, extra_css) is copied in the site."""
    return f"assets/theme/{THEME_FILE_NAMES[key]}{suffix}"


def incident_page(incident_id: str) -> str:
    """The Markdown source of an incident's page."""
    return f"incidents/{incident_id}.md"


def postmortem_page(incident_id: str) -> str:
    """The Markdown source of a published postmortem."""
    return f"postmortems/{incident_id}.md"


def component_page(component_id: str) -> str:
    """The Markdown source of a component's page."""
    return f"components/{component_id}.md"


def month_page(month_key: str) -> str:
    """The Markdown source of one month of history (YYYY-MM)."""
    return f"history/{month_key}.md"


def component_feed(component_id: str, kind: str) -> str:
    """A component's feed file; ``kind`` is rss or atom."""
    return f"feeds/components/{component_id}.{kind}"


def component_calendar(component_id: str) -> str:
    """A component's iCalendar feed of maintenance windows, beside its news feeds."""
    return f"feeds/components/{component_id}.ics"


def component_badge(component_id: str) -> str:
    """A component's status badge."""
    return f"badges/{component_id}.svg"


def api_file(name: str) -> str:
    """A file of the Statuspage-compatible API, e.g. ``summary.json`` or ``incidents/unresolved.json``."""
    return f"{API_DIR}/{name}"


def served(source: str) -> str:
    """The URL path (relative to the site root) at which a source file is served."""
    if source == HOME:
        return ""
    if source.endswith("/index.md"):
        return source.removesuffix("index.md")
    if source.endswith(".md"):
        return source.removesuffix(".md") + "/"
    return source


def absolute(base_url: str, source: str) -> str:
    """The absolute URL of a source file on a site published at ``base_url``."""
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", served(source))


def relative(from_source: str, to_source: str) -> str:
    """A link from one page to another file, relative, as served with directory URLs."""
    depth = served(from_source).count("/")
    return "../" * depth + served(to_source) or "./"


# The internal records portal: the status site's pages at the same paths, plus these.
NOW = "now.md"
POSTMORTEMS = "postmortems/index.md"
ACTIONS = "actions.md"
ONCALL = "oncall/index.md"
METRICS = "metrics/index.md"
BURDEN = "burden/index.md"


def timeline_picture(incident_id: str) -> str:
    """The SVG picture of an incident's phases, updates and handoffs on one time axis."""
    return f"timelines/{incident_id}.svg"


def rotation_page(rotation_id: str) -> str:
    """The Markdown source of a rotation's calendar page."""
    return f"oncall/{rotation_id}.md"


def rotation_calendar(rotation_id: str) -> str:
    """A rotation's iCalendar feed of final shifts."""
    return f"oncall/{rotation_id}.ics"


def person_calendar(person_id: str) -> str:
    """One person's iCalendar feed of their shifts in every rotation."""
    return f"oncall/people/{person_id}.ics"


def metrics_chart(name: str) -> str:
    """An SVG chart on the metrics page."""
    return f"metrics/{name}.svg"


def component_paths(component_id: str) -> tuple[str, ...]:
    """Every page and file a component id names."""
    return (component_page(component_id), component_feed(component_id, "rss"), component_feed(component_id, "atom"),
            component_calendar(component_id), component_badge(component_id))


def rotation_paths(rotation_id: str) -> tuple[str, ...]:
    """Every page and file a rotation id names."""
    return rotation_page(rotation_id), rotation_calendar(rotation_id)


def person_paths(person_id: str) -> tuple[str, ...]:
    """Every page and file a person id names."""
    return (person_calendar(person_id),)


# Material's search box reads the index here; Statusbook writes it from the views.
SEARCH_INDEX = "search/search_index.json"

# Addresses the sites hold whatever the records say (MkDocs adds 404.html and the sitemap).
FIXED_PAGES = {
    HOME: "the home page",
    HISTORY: "the incident history",
    SUBSCRIBE: "the page of ways to subscribe",
    HISTORY_RSS: "the history RSS feed",
    HISTORY_ATOM: "the history Atom feed",
    BADGE: "the status badge",
    STYLESHEET: "the site's stylesheet",
    SCRIPT: "the site's script",
    THEME_STYLESHEET: "the theme's colours",
    CNAME: "the custom domain file",
    MAINTENANCE_CALENDAR: "the maintenance calendar",
    NOW: "the Now page",
    POSTMORTEMS: "the postmortem index",
    ACTIONS: "the action items page",
    ONCALL: "the on-call overview",
    METRICS: "the metrics page",
    BURDEN: "the on-call burden page",
    "404.html": "the page for missing addresses",
    "sitemap.xml": "the sitemap",
    "sitemap.xml.gz": "the compressed sitemap",
}

# Folders whose addresses no page may take, because files of many records live in them.
FOLDERS = {
    "incidents/": "the folder of incident pages",
    "postmortems/": "the folder of postmortems",
    "timelines/": "the folder of incident timelines",
    "history/": "the folder of monthly history",
    "components/": "the folder of component pages",
    "feeds/components/": "the folder of component feeds",
    "badges/": "the folder of component badges",
    "oncall/people/": "the folder of everyone's on-call calendars",
    "metrics/": "the folder of metrics charts",
    f"{API_DIR}/": "the folder of the status API",
    "assets/": "the folder of the site's styles and scripts",
    "search/": "the folder of the search index",
}


def reserved_addresses() -> dict[str, str]:
    """Map every address the sites always use, folded to lower case, to what is served there."""
    reserved = {address.casefold(): what for address, what in FOLDERS.items()}
    reserved.update({served(source).casefold(): what for source, what in FIXED_PAGES.items()})
    return reserved
