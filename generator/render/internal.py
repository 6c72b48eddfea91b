"""The internal records portal's own files: the Now page, full records, follow-ups, on-call, metrics and burden."""

from __future__ import annotations

from typing import Iterator

from generator.render import urls
from generator.render.followups import followup_files
from generator.render.burden import burden_page
from generator.render.metrics import metrics_files
from generator.render.oncall import oncall_files
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.render.records import record_files
from generator.views.page import SiteView
from generator.views.portal import Portal


def now_page(pages: PageRenderer, portal: Portal) -> OutputFile:
    """Render the Now page: active records, who is on duty, and what is overdue."""
    context = dict(active=portal.active, oncall=portal.oncall, followups=portal.followups)
    return pages.page("internal/now.md.j2", urls.NOW, "Now", **context)


def portal_files(view: SiteView, pages: PageRenderer) -> Iterator[OutputFile]:
    """Render every file the portal adds to the status site's pages, one at a time."""
    portal = view.portal
    if portal is None:
        return
    yield now_page(pages, portal)
    yield from record_files(view, pages, portal.records)
    yield from followup_files(view, pages, portal.followups)
    yield from oncall_files(view, pages, portal.oncall)
    yield from metrics_files(view, pages, portal.metrics)
    yield burden_page(pages, portal.burden)
