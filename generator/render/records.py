"""Internal incident records: one page per incident and maintenance window, with its timeline picture.

The page lives at the same path as the public incident page, so on the internal site it takes that page's place.
"""

from __future__ import annotations

from generator.render import urls
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.render.timelines import summary, timeline_file
from generator.views.page import SiteView
from generator.views.records import VERDICT_LABELS, RecordView


def record_page(pages: PageRenderer, record: RecordView) -> OutputFile:
    """Render one record's internal page."""
    return pages.page(
        "internal/incident.md.j2",
        urls.incident_page(record.id),
        record.incident.title,
        incident=record.incident,
        record=record,
        picture_alt=f"Timeline picture. {summary(record)}",
        verdict_labels=VERDICT_LABELS,
    )


def record_files(view: SiteView, pages: PageRenderer, data: dict[str, RecordView]) -> list[OutputFile]:
    """Render every record's internal page and its timeline picture, in record order."""
    files = [record_page(pages, record) for record in data.values()]
    return files + [timeline_file(record) for record in data.values()]
