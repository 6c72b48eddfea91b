"""The internal portal's postmortem index, a page per postmortem, and the action items board."""

from __future__ import annotations

from functools import partial
from typing import Iterator
from urllib.parse import urlsplit

from generator.render import urls
from generator.render.memo import input_digest
from generator.render.output import KeptFile, OutputFile
from generator.render.pages import PageRenderer
from generator.views.followups import STATUS_LABELS, ActionRow, Followups, PostmortemRecord
from generator.views.page import SiteView

WEB_SCHEMES = ("http", "https")


def followup_files(view: SiteView, pages: PageRenderer, data: Followups) -> Iterator[OutputFile | KeptFile]:
    """Render the postmortem index, every postmortem's page and the action items board, one at a time."""
    yield pages.page("internal/postmortems.md.j2", urls.POSTMORTEMS, "Postmortems", data=data, labels=STATUS_LABELS)
    for record in data.postmortems:
        if not record.is_missing:
            yield postmortem_file(pages, record)
    yield board_file(pages, data)


def postmortem_file(pages: PageRenderer, record: PostmortemRecord) -> OutputFile | KeptFile:
    """Render one postmortem with its facts, deadlines, action items and body, unless the site holds it already."""
    title = f"Postmortem: {record.incident_title}"
    source = urls.postmortem_page(record.incident_id)
    return pages.record_page("internal/postmortem.md.j2", source, title, input_digest(record),
                             partial(dict, r=record, web_url=web_url))


def board_file(pages: PageRenderer, data: Followups) -> OutputFile:
    """Render the action items board: overdue (at the reader's clock), then every open item by owner, then the rest."""
    waiting = [row for row in data.actions if row.is_open]
    return pages.page(
        "internal/actions.md.j2",
        urls.ACTIONS,
        "Action items",
        data=data,
        by_owner=by_owner(waiting),
        open_count=len(waiting),
        done=[row for row in data.actions if not row.is_open],
        web_url=web_url,
    )


def by_owner(rows: list[ActionRow]) -> list[tuple[str | None, list[ActionRow]]]:
    """Group rows by owner name, names in alphabetical order and unassigned items last; rows keep their order."""
    grouped: dict[str | None, list[ActionRow]] = {}
    for row in rows:
        grouped.setdefault(row.owner, []).append(row)
    return sorted(grouped.items(), key=lambda item: (item[0] is None, (item[0] or "").casefold(), item[0] or ""))


def web_url(text: str | None) -> str | None:
    """Return a ticket as a link target when it is a plain http(s) address; anything else stays text."""
    if not text or any(c.isspace() or not c.isprintable() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None
