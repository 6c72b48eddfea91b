"""Where an incident is worked on: its links, which addresses they may have, and the chat channel it is named after."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import compact_pickling

LINK_KINDS = ("ticket", "channel", "bridge", "doc", "patch", "dashboard")
# What a major incident names among its links: where responders talk, and where they meet.
MAJOR_LINK_KINDS = ("channel", "bridge")
# An http(s) address with a host, or a relative one (no scheme); nothing with spaces or control characters.
WEB_LINK = re.compile(r"^(?!.*[\s\x00-\x1f\x7f])(?:https?://[^/?#]+|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_ID = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


@compact_pickling
@dataclass(frozen=True, slots=True)
class Link:
    """A place the incident is worked on: a ticket, chat channel, bridge call, document, patch or dashboard."""

    kind: str
    url: str
    title: str | None = None


def is_web_link(url: str) -> bool:
    """Whether a link is an http(s) address with a host or a relative address, the only ones the portal links to."""
    return WEB_LINK.match(url) is not None


def channel_name(incident_id: str) -> str:
    """Return the chat channel an incident is worked in by convention: #inc-YYYYMMDD-slug."""
    match = _ID.match(incident_id)
    if match is None:
        return f"#inc-{incident_id}"
    year, month, day, slug = match.groups()
    return f"#inc-{year}{month}{day}-{slug}"


def missing_kinds(links: tuple[Link, ...], kinds: tuple[str, ...] = MAJOR_LINK_KINDS) -> tuple[str, ...]:
    """Return the kinds of link, of ``kinds``, that none of the links has."""
    present = {link.kind for link in links}
    return tuple(kind for kind in kinds if kind not in present)
