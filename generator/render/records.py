"""Internal incident records: one page per incident and maintenance window, with its timeline picture.

The page lives at the same path as the public incident page, so on the internal site it takes that page's place.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Callable, Iterator

from generator.render import urls
from generator.render.memo import file_key, input_digest, keyed
from generator.render.output import KeptFile, OutputFile
from generator.render.pages import PageRenderer
from generator.render.timelines import summary, timeline_picture
from generator.views.page import SiteView
from generator.views.records import VERDICT_LABELS, RecordView


def record_page(pages: PageRenderer, record: RecordView, inputs: bytes, said: Callable[[], str]) -> OutputFile | KeptFile:
    """Render one record's internal page, unless the site holds it already; ``said`` summarises its timeline picture."""
    return pages.record_page(
        "internal/incident.md.j2",
        urls.incident_page(record.id),
        record.incident.title,
        inputs,
        lambda: {"incident": record.incident, "record": record, "picture_alt": f"Timeline picture. {said()}",
                 "verdict_labels": VERDICT_LABELS},
    )


def record_files(view: SiteView, pages: PageRenderer, data: dict[str, RecordView]) -> Iterator[OutputFile | KeptFile]:
    """Render every record's internal page and its timeline picture, in record order, one at a time, unless the site
    holds them already; each record is digested once for both, and its picture summarised once, when first needed."""
    digests = {record.id: input_digest(record) for record in data.values()}
    said = {record.id: cache(partial(summary, record)) for record in data.values()}
    for record in data.values():
        yield record_page(pages, record, digests[record.id], said[record.id])
    for record in data.values():
        path = urls.timeline_picture(record.id)
        yield keyed(pages.reuse, file_key(pages.shared, path, digests[record.id]), path, partial(picture, record, said[record.id]))


def picture(record: RecordView, said: Callable[[], str]) -> bytes:
    """Draw a record's timeline picture with its summary."""
    return timeline_picture(record, said())
