"""The on-call burden page: per person and month, hours on duty, after-hours incidents and overrides."""

from __future__ import annotations

from generator.render import urls
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.views.burden import Burden

TITLE = "On-call burden"


def burden_page(pages: PageRenderer, data: Burden) -> OutputFile:
    """Render the burden page."""
    return pages.page("internal/burden.md.j2", urls.BURDEN, TITLE, data=data)
