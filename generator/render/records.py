"""Internal incident records: one page per incident and maintenance window, with its timeline picture.

The page lives at the same path as the public incident page, so on the internal site it takes that page's place.
"""

from __future__ import annotations

from functools import partial
from typing import Iterator

from generator.render import urls
from generator.render.memo import file_key, keyed
from generator.render.output import KeptFile, OutputFile
from generator.render.pages import PageRenderer
from generator.render.timelines import summary, timeline_picture
from generator.views.page import SiteView
from generator.views.records import VERDICT_LABELS, RecordView


def record_page(pages: PageRenderer, record: RecordView, said: str) -> OutputFile | KeptFile:
    """Render one record's internal page, unless the site holds it already; ``said`` summarises its timeline picture."""
    return pages.record_page(
        "internal/incident.md.j2",
        urls.incident_page(record.id),
        record.incident.title,
        incident=record.incident,
        record=record,
        picture_alt=f"Timeline picture. {said}",
        verdict_labels=VERDICT_LABELS,
    )


def record_files(view: SiteView, pages: PageRenderer, data: dict[str, RecordView]) -> Iterator[OutputFile | KeptFile]:
    """Render every record's internal page and its timeline picture, in record order, one at a time; each picture is
    summarised once, for the page's alternative text and the picture's description."""
    said = {record.id: summary(record) for record in data.values()}
    for record in data.values():
        yield record_page(pages, record, said[record.id])
    for record in data.values():
        key = file_key(pages.shared, urls.timeline_picture(record.id), record, said[record.id])
        yield keyed(pages.reuse, key, urls.timeline_picture(record.id), partial(timeline_picture, record, said[record.id]))
