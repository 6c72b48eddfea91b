"""statusbook incident link: record where an incident is worked on."""

from __future__ import annotations

from generator.model.links import LINK_KINDS, channel_name, is_web_link
from generator.responder import yamlrt
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.incident import append, open_record, save
from generator.responder.workspace import Workspace


def link_entry(incident_id: str, kind: str, url: str, title: str | None) -> dict:
    """Build one link; a channel without a title is named #inc-YYYYMMDD-slug after the incident."""
    if kind not in LINK_KINDS:
        raise UsageProblem(f"kind '{kind}' is not one of {', '.join(LINK_KINDS)}")
    if not is_web_link(url):
        raise UsageProblem(f"'{url}' is not an http(s) or relative URL; other schemes are never linked")
    title = title or (channel_name(incident_id) if kind == "channel" else None)
    return {"kind": kind, "url": url, **({"title": title} if title else {})}


def add_link(ws: Workspace, incident_id: str, kind: str, url: str, title: str | None) -> list[str]:
    """Add a link of ``kind`` to an incident; the same kind and address twice is refused."""
    path, document = open_record(ws, incident_id)
    entry = link_entry(incident_id, kind, url, title)
    data = document.data
    if any(link.get("kind") == kind and link.get("url") == url for link in data.get("links") or []):
        raise RefusedEdit(f"{path} already links this {kind} ({url}), so nothing was written", [])
    append(data, "links", yamlrt.mapping(entry), ("commander",))
    return save(ws, path, document, f"linked its {kind}" + (f" ({entry['title']})" if "title" in entry else ""))
