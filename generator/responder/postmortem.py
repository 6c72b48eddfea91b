"""The postmortem skeleton written when an incident that needs one is resolved."""

from __future__ import annotations

from datetime import datetime

from generator.clock import iso_utc as stamp
from generator.model.incident import Incident
from generator.model.postmortem import REQUIRED_SECTIONS
from generator.responder import yamlrt

GUIDANCE = {
    "Summary": "To be written: what happened, what it meant for users and how it ended, in at most five sentences.",
    "Impact": "To be written: who was affected, how, and for how long, with numbers where they are known.",
    "Root cause": "To be written: the conditions and system behaviour that led to the incident, and why safeguards did not stop it.",
    "What went well": "To be written: what helped detect, respond and recover.",
    "What could be improved": "To be written: what made detection, response or recovery slower or harder.",
    "Action items": "To be written: list the follow-ups in the front matter under action_items, each with an owner, a due date and a type.",
}
TIMELINE_INTRO = "All times UTC, taken from the incident record; correct and complete them."


def one_line(text: str) -> str:
    """Collapse a multi-line text to one line."""
    return " ".join(text.split())


def timeline_lines(incident: Incident) -> list[str]:
    """List the incident's public updates and internal timeline as Markdown bullets, oldest first."""
    entries = [(u.at, f"Public update ({u.status}): {one_line(u.message)}") for u in incident.updates]
    entries += [(t.at, f"{t.by}: {one_line(t.event)}") for t in incident.timeline]
    entries.sort(key=lambda entry: entry[0])
    return [f"- {stamp(at)[:16].replace('T', ' ')} {text}" for at, text in entries]


def section_text(title: str, incident: Incident) -> str:
    """Return the starting text of one section."""
    if title == "Timeline":
        return "\n".join([TIMELINE_INTRO, ""] + timeline_lines(incident))
    return GUIDANCE[title]


def skeleton(incident: Incident, author: str, now: datetime) -> str:
    """Return the text of a draft postmortem for ``incident`` with every required section."""
    authors = yamlrt.sequence([author])
    authors.fa.set_flow_style()
    front = yamlrt.mapping({"status": "draft", "authors": authors, "public": False, "drafted": stamp(now)})
    body = "\n\n".join(f"## {title}\n\n{section_text(title, incident)}" for title in REQUIRED_SECTIONS)
    return "---\n" + yamlrt.dump(front) + "---\n" + body + "\n"
