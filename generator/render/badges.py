"""Status badges: small flat SVG images, in the style of shields.io, that say the status in words.

The colour only repeats what the words say, so the status is never conveyed by colour alone; every colour keeps
white text above a 4.5:1 contrast ratio.
"""

from __future__ import annotations

import unicodedata
from html import escape

from generator.render import urls
from generator.render.output import OutputFile
from generator.views.page import SiteView
from generator.views.status import ComponentState

LABEL_COLOUR = "#555"
STATUS_COLOURS = {
    "operational": "#1a7f37",
    "under_maintenance": "#0969da",
    "degraded_performance": "#9a6700",
    "partial_outage": "#bc4c00",
    "major_outage": "#cf222e",
}
INDICATOR_COLOURS = {
    "none": STATUS_COLOURS["operational"],
    "maintenance": STATUS_COLOURS["under_maintenance"],
    "minor": STATUS_COLOURS["degraded_performance"],
    "major": STATUS_COLOURS["partial_outage"],
    "critical": STATUS_COLOURS["major_outage"],
}
# Approximate advance widths in pixels of Verdana at 11 px, the badge font; other characters count as DEFAULT_WIDTH.
CHAR_WIDTHS = {
    **dict.fromkeys("ijl'|!.,:;", 3.5),
    **dict.fromkeys("frt ()[]-/", 4.5),
    **dict.fromkeys("csz", 5.7),
    **dict.fromkeys("abdeghknopquvxy", 6.7),
    **dict.fromkeys("IJ", 4.8),
    **dict.fromkeys("FLPTYZ", 6.6),
    **dict.fromkeys("mMW", 10.0),
    **dict.fromkeys("w", 8.9),
}
DEFAULT_WIDTH = 7.6
WIDE_WIDTH = 11.0
PADDING = 10
HEIGHT = 20
FONT = "Verdana,Geneva,DejaVu Sans,sans-serif"


def char_width(char: str) -> float:
    """Return the approximate width of one character; East Asian wide characters count double."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return WIDE_WIDTH
    return CHAR_WIDTHS.get(char, DEFAULT_WIDTH)


def text_width(text: str) -> int:
    """Return the width in whole pixels that ``text`` takes in the badge font."""
    return round(sum(char_width(c) for c in text))


def text_pair(text: str, centre: float, width: int) -> str:
    """Return a text and its shadow, centred at ``centre`` and fitted to ``width``."""
    shown = escape(text, quote=True)
    shadow = f'<text x="{centre:g}" y="15" fill="#010101" fill-opacity=".3" textLength="{width}">{shown}</text>'
    return shadow + f'<text x="{centre:g}" y="14" textLength="{width}">{shown}</text>'


def badge(label: str, message: str, colour: str) -> bytes:
    """Draw a flat two-part badge reading ``label | message`` with the message on ``colour``."""
    label_text, message_text = text_width(label), text_width(message)
    left, right = label_text + PADDING, message_text + PADDING
    total = left + right
    spoken = escape(f"{label}: {message}", quote=True)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{HEIGHT}" role="img" aria-label="{spoken}">',
        f"<title>{spoken}</title>",
        '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>',
        f'<clipPath id="r"><rect width="{total}" height="{HEIGHT}" rx="3" fill="#fff"/></clipPath>',
        f'<g clip-path="url(#r)"><rect width="{left}" height="{HEIGHT}" fill="{LABEL_COLOUR}"/>'
        f'<rect x="{left}" width="{right}" height="{HEIGHT}" fill="{colour}"/>'
        f'<rect width="{total}" height="{HEIGHT}" fill="url(#s)"/></g>',
        f'<g fill="#fff" text-anchor="middle" font-family="{FONT}" font-size="11" aria-hidden="true">',
        text_pair(label, left / 2, label_text),
        text_pair(message, left + right / 2, message_text),
        "</g></svg>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def overall_badge(view: SiteView) -> OutputFile:
    """Draw the site's badge: ``status | all systems operational`` or the current outage."""
    status = view.status
    return OutputFile(urls.BADGE, badge("status", status.description.lower(), INDICATOR_COLOURS[status.indicator]))


def component_badge(state: ComponentState) -> OutputFile:
    """Draw a component's badge: ``<name> | <status>``."""
    content = badge(state.component.name, state.label.lower(), STATUS_COLOURS[state.status])
    return OutputFile(urls.component_badge(state.component.id), content)


def badge_files(view: SiteView) -> list[OutputFile]:
    """Render the site's badge and one badge per visible component."""
    return [overall_badge(view)] + [component_badge(s) for s in view.status.components]
