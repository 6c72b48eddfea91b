"""The site's search index, written from the views: incidents, postmortems, components and the site's own pages.

Material's search box reads ``search/search_index.json``; Statusbook writes it from the data it already has instead of
having a plugin parse every finished page again. Text is HTML, as Material shows it: escaped words, and contributor
Markdown rendered once by ``markup.to_html``.
"""

from __future__ import annotations

import json
from html import escape

from generator.render import urls
from generator.render.markup import to_html
from generator.render.output import OutputFile
from generator.render.times import utc_text
from generator.views.incidents import IncidentView
from generator.views.page import SiteView

# Material's settings for English, as its search plugin writes them; the search box reads them from the index.
CONFIG = {
    "lang": ["en"],
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}
IMPACT_WORDS = {"none": "No impact", "minor": "Minor impact", "major": "Major impact", "critical": "Critical impact"}


def entry(source: str, title: str, text: str) -> dict[str, str]:
    """One search result: where it is served, its title, and its text as HTML."""
    return {"location": urls.served(source), "title": escape(title), "text": text}


def facts(*parts: str | None) -> str:
    """Join the facts that are known into one escaped line."""
    return "<p>" + escape(" · ".join(part for part in parts if part)) + "</p>"


def incident_text(v: IncidentView, owner: str | None, internal: bool) -> str:
    """An incident's status, impact, components, times and every update's text; severity and owner on the portal only."""
    severity = f"{v.severity.id} ({v.severity.name})" if internal and v.severity else None
    impact = "Maintenance" if v.is_maintenance else IMPACT_WORDS.get(v.impact, "")
    began = f"began {utc_text(v.begins)}"
    ended = f"resolved {utc_text(v.resolved)}" if v.resolved else None
    head = facts(v.status_label, impact, severity, ", ".join(a.component.name for a in v.affected), began, ended)
    owned = facts(f"Owner: {owner}") if internal and owner else ""
    updates = "".join(f"{facts(u.label, utc_text(u.at))}{to_html(u.message)}" for u in v.updates)
    return head + owned + updates


def incident_entries(view: SiteView) -> list[dict[str, str]]:
    """An entry for every incident page and every postmortem page of the site."""
    internal = view.portal is not None
    owners = {r.id: r.owner for r in view.portal.records.values()} if view.portal else {}
    found = [entry(urls.incident_page(v.id), v.title, incident_text(v, owners.get(v.id), internal)) for v in view.incidents]
    for v in view.incidents:
        if v.postmortem is not None:
            text = "".join(f"<p>{escape(s.title)}</p>{to_html(s.text)}" for s in v.postmortem.sections)
            found.append(entry(urls.postmortem_page(v.id), f"Postmortem: {v.title}", text))
    return found


def component_entries(view: SiteView) -> list[dict[str, str]]:
    """An entry for every component page: its group, description and state now."""
    found = []
    for state in view.status.components:
        component = state.component
        text = facts(component.group, state.summary) + (f"<p>{escape(component.description)}</p>" if component.description else "")
        found.append(entry(urls.component_page(component.id), component.name, text))
    return found


def page_entries(view: SiteView) -> list[dict[str, str]]:
    """Entries for the site's own pages: status, history, subscribe, and the portal's sections."""
    found = [
        entry(urls.HOME, view.site.name, facts(view.status.description)),
        entry(urls.HISTORY, "Incident history", facts("The latest months of incidents and maintenance, and every earlier month")),
        entry(urls.SUBSCRIBE, "Subscribe to updates", facts("Feeds, calendars, webhooks and the status API")),
    ]
    if view.portal is not None:
        found += [
            entry(urls.NOW, "Now", facts("Active incidents, who is on duty, overdue postmortems and action items")),
            entry(urls.POSTMORTEMS, "Postmortems", facts("Every postmortem and its deadlines")),
            entry(urls.ACTIONS, "Action items", facts("Open, overdue and finished action items by owner")),
            entry(urls.ONCALL, "On call", facts("Rotations, who is on call now and next, and calendar feeds")),
            entry(urls.METRICS, "Metrics", facts("Response times against the severity targets, by month")),
            entry(urls.BURDEN, "On-call burden", facts("Hours on duty, after-hours incidents and overrides per person and month")),
        ]
        found += [entry(urls.rotation_page(r.id), r.name, facts("On-call rotation")) for r in view.portal.oncall.rotations]
    return found


def search_files(view: SiteView) -> list[OutputFile]:
    """Write the search index of the site."""
    docs = page_entries(view) + component_entries(view) + incident_entries(view)
    data = json.dumps({"config": CONFIG, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    return [OutputFile(urls.SEARCH_INDEX, data.encode("utf-8"))]
