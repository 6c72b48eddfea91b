"""The SVG charts of the metrics page, drawn by hand: incidents per month, time to resolve, and targets met.

Each chart says in words what its colours mean, carries a description that lists its figures, and has the tables of
the metrics page as its text equivalent. Charts are 360 units wide and scale to the width of the page, so their text
stays near its nominal size on a phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Sequence

from generator.model.timing import format_duration
from generator.render.svgdraw import GRID, INK, MUTED, clipped, document, element, label
from generator.views.metrics import Metrics, MonthFigures, SeverityKey, Share

WIDTH = 360
LEFT = 44
RIGHT = 8
PLOT_WIDTH = WIDTH - LEFT - RIGHT
LINE = 18
LABEL_LIMIT = 42
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Severity colours, most severe first; each keeps white text above a 4.5:1 contrast ratio.
PALETTE = ("#b42318", "#b35900", "#0a58ca", "#1a7f37", "#6e40c9", "#57606a")
RESPONSE_COLOUR = "#0a58ca"
RESOLVE_COLOUR = "#8a6100"
# A white outline under text keeps it legible where it crosses a target line.
HALO = {"stroke": "#fff", "stroke_width": 3, "paint_order": "stroke"}


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its file name (without .svg), what it shows in a sentence, and its SVG."""

    name: str
    alt: str
    content: bytes


def percent_text(value: float) -> str:
    """Write a percentage rounded to a whole number, halves up: 67 %."""
    return f"{math.floor(value + 0.5)} %"


def share_text(share: Share) -> str:
    """Write a share as "3 of 4 (75 %)", or a dash when nothing was judged."""
    if not share.judged:
        return "—"
    return f"{share.met} of {share.judged} ({percent_text(share.percent)})"


def colour(index: int) -> str:
    """Return the colour of the severity at ``index`` in the metrics' severity order."""
    return PALETTE[index % len(PALETTE)]


def slot(count: int) -> float:
    """Return the width of one of ``count`` month slots."""
    return PLOT_WIDTH / count


def centre(index: int, count: int) -> float:
    """Return the x of the middle of the ``index``-th of ``count`` month slots."""
    return LEFT + (index + 0.5) * slot(count)


def nice_step(largest: int) -> int:
    """Return a gridline step (1, 2, 5, 10, 20, 50...) that gives at most five steps up to ``largest``."""
    step = 1
    while math.ceil(largest / step) > 5:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    return step


def month_name(key: str) -> tuple[str, str]:
    """Split a YYYY-MM key into the month's short name and the year."""
    year, month = key.split("-")
    return MONTH_NAMES[int(month) - 1], year


def month_axis(months: Sequence[MonthFigures], y: float) -> list[str]:
    """Label the months under a plot, every few when they are many: the short name, and the year where it changes."""
    every = max(1, math.ceil(30 / slot(len(months))))
    parts, shown_year = [], None
    for index in range(0, len(months), every):
        name, year = month_name(months[index].month)
        x = centre(index, len(months))
        parts.append(label(x, y, name, "middle", fill=MUTED))
        if year != shown_year:
            parts.append(label(x, y + 14, year, "middle", fill=MUTED, font_size=11))
            shown_year = year
    return parts


def rule_across(y: float, stroke: str, **attrs: object) -> str:
    """Draw a horizontal line across the plot at ``y``."""
    return element("line", None, x1=LEFT, y1=float(y), x2=WIDTH - RIGHT, y2=float(y), stroke=stroke, **attrs)


def legend_item(y: float, fill: str, text: str) -> list[str]:
    """Draw a colour swatch and the words it stands for."""
    swatch = element("rect", None, x=8, y=float(y - 10), width=12, height=12, fill=fill)
    return [swatch, label(26, y, clipped(text, LABEL_LIMIT + 6), font_size=11)]


def heading(text: str) -> str:
    """Draw the visible title of a chart."""
    return label(8, 20, text, font_size=14, font_weight="bold")


def note(y: float, text: str) -> str:
    """Draw a line of explanation under a chart's title."""
    return label(8, y, text, fill=MUTED, font_size=11)


def column(x: float, bottom: float, width: float, height: float, fill: str) -> str:
    """Draw a vertical bar standing on ``bottom``."""
    left, top = float(x - width / 2), float(bottom - height)
    return element("rect", None, x=left, y=top, width=float(width), height=float(height), fill=fill)


def span(data: Metrics) -> str:
    """Name the months a chart covers: 2026-06 to 2026-11."""
    first, last = data.months[0].month, data.months[-1].month
    return first if first == last else f"{first} to {last}"


def incidents_chart(data: Metrics) -> Chart:
    """Draw incidents per month as bars stacked by severity, most severe at the bottom."""
    months, bottom, plot_height = data.months, 208.0, 150.0
    largest = max(m.total.incidents for m in months) or 1
    step = nice_step(largest)
    top = math.ceil(largest / step) * step
    scale = plot_height / top
    title = "Incidents per month, by severity"
    parts = [heading(title), note(40, "Incidents detected; the total is above each bar.")]
    for value in range(0, top + 1, step):
        parts.append(rule_across(bottom - value * scale, GRID))
        parts.append(label(LEFT - 6, bottom - value * scale + 4, str(value), "end", fill=MUTED))
    width = min(slot(len(months)) * 0.6, 36)
    for index, month in enumerate(months):
        parts += stacked_bar(month, data.severities, centre(index, len(months)), bottom, width, scale)
    parts.append(rule_across(bottom, MUTED))
    parts += month_axis(months, bottom + 16)
    legend_top = bottom + 52
    parts.append(note(legend_top, "Colours, from the bottom of each bar up:"))
    for index, severity in enumerate(data.severities):
        parts += legend_item(legend_top + LINE * (index + 1), colour(index), severity.label)
    height = legend_top + LINE * len(data.severities) + 12
    svg = document(WIDTH, height, title, incidents_description(data), parts)
    return Chart("incidents", f"{title}, {span(data)}.", svg)


def stacked_bar(
    month: MonthFigures, severities: Sequence[SeverityKey], x: float, bottom: float, width: float, scale: float
) -> list[str]:
    """Draw one month's bar: a segment per severity with its count inside when it fits, the total on top."""
    parts, y = [], bottom
    for index, severity in enumerate(severities):
        figures = month.severity(severity.id)
        if figures is None:
            continue
        height = figures.incidents * scale
        parts.append(column(x, y, width, height, colour(index)))
        if height >= 14 and width >= 14:
            parts.append(label(x, y - height / 2 + 4, str(figures.incidents), "middle", fill="#fff", font_size=11))
        y -= height
    parts.append(label(x, y - 4, str(month.total.incidents), "middle", font_weight="bold"))
    return parts


def incidents_description(data: Metrics) -> str:
    """List each month's incident count, by severity, in words."""
    entries = []
    for month in data.months:
        counts = ", ".join(f"{f.label} {f.incidents}" for f in month.severities)
        entries.append(f"{month.month}: {month.total.incidents}" + (f" ({counts})" if counts else ""))
    return f"Incidents by month detected ({data.timezone} time). " + "; ".join(entries) + "."


def resolve_chart(data: Metrics) -> Chart:
    """Draw the median time to resolve per month, one panel per severity, against the severity's resolve target."""
    title = "Median time to resolve by month"
    parts = [
        heading(title),
        note(40, "Bars: median time from detection to resolution."),
        note(56, "Dashed line: the severity's resolve target."),
    ]
    y = 62.0
    for index, severity in enumerate(data.severities):
        panel, y = resolve_panel(data.months, severity, colour(index), y)
        parts += panel
    svg = document(WIDTH, y + 4, title, resolve_description(data), parts)
    return Chart("time-to-resolve", f"{title}, per severity against its resolve target, {span(data)}.", svg)


def medians(months: Sequence[MonthFigures], severity_id: str | None) -> list[timedelta | None]:
    """Return each month's median time to resolve for one severity; None where no incident was resolved."""
    found = [m.severity(severity_id) for m in months]
    return [f.spread("resolve").median if f is not None else None for f in found]


def resolve_panel(
    months: Sequence[MonthFigures], severity: SeverityKey, fill: str, top_y: float
) -> tuple[list[str], float]:
    """Draw one severity's panel below ``top_y``; return its parts and where the next panel begins."""
    values, target = medians(months, severity.id), severity.resolve_target
    largest = max([v for v in values if v is not None] + ([target] if target else []) + [timedelta(minutes=1)])
    heading_y, plot_height = top_y + 22, 80.0
    bottom = heading_y + 30 + plot_height
    scale = plot_height / largest.total_seconds()
    target_words = f", target {format_duration(target)}" if target else ", no target"
    parts = [label(8, heading_y, clipped(severity.label, LABEL_LIMIT) + target_words, font_weight="bold")]
    parts.append(label(LEFT - 6, bottom + 4, "0", "end", fill=MUTED, font_size=11))
    width = min(slot(len(months)) * 0.5, 32)
    labelled = slot(len(months)) >= 40
    for index, value in enumerate(values):
        parts += median_bar(value, centre(index, len(months)), bottom, width, scale, fill, labelled)
    if target:
        target_y = bottom - target.total_seconds() * scale
        parts.append(rule_across(target_y, INK, stroke_dasharray="5 3", stroke_width=1.5))
        parts.append(label(LEFT - 6, target_y + 4, format_duration(target), "end", fill=MUTED, font_size=11))
    parts.append(rule_across(bottom, MUTED))
    parts += month_axis(months, bottom + 16)
    return parts, bottom + 34


def median_bar(
    value: timedelta | None, x: float, bottom: float, width: float, scale: float, fill: str, labelled: bool
) -> list[str]:
    """Draw one month's median bar with its value above in two short lines, or a dash when there is no value."""
    if value is None:
        return [label(x, bottom - 4, "–", "middle", fill=MUTED)]
    height = value.total_seconds() * scale
    parts = [column(x, bottom, width, height, fill)]
    if labelled:
        for line, words in enumerate(reversed(value_lines(value))):
            y = bottom - height - 4 - 12 * line
            parts.append(label(x, y, words, "middle", font_size=11, **HALO))
    return parts


def value_lines(value: timedelta) -> list[str]:
    """Split a duration such as "4 h 16 min" into its units, one per line, so labels stay narrow."""
    words = format_duration(value).split(" ")
    return [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]


def resolve_description(data: Metrics) -> str:
    """List each severity's monthly median time to resolve and its target, in words."""
    entries = []
    for severity in data.severities:
        target = f"target {format_duration(severity.resolve_target)}" if severity.resolve_target else "no target"
        values = medians(data.months, severity.id)
        months = ", ".join(
            f"{m.month} {format_duration(v) if v is not None else 'none resolved'}" for m, v in zip(data.months, values)
        )
        entries.append(f"{severity.label} ({target}): {months}")
    return "Median time from detection to resolution. " + "; ".join(entries) + "."


def targets_chart(data: Metrics) -> Chart:
    """Draw, one row per month, the share of judged incidents acknowledged and resolved within their targets."""
    title = "Incidents within target, by month"
    parts = [heading(title)]
    parts += legend_item(44, RESPONSE_COLOUR, "Upper bar: acknowledged within response target")
    parts += legend_item(44 + LINE, RESOLVE_COLOUR, "Lower bar: resolved within resolve target")
    left, length, top = 76.0, 200.0, 96.0
    bottom = top + 34 * len(data.months)
    for value in (0, 50, 100):
        x = left + value / 100 * length
        parts.append(element("line", None, x1=x, y1=top - 8, x2=x, y2=bottom - 6, stroke=GRID))
        parts.append(label(x, top - 12, f"{value} %", "middle", fill=MUTED, font_size=11))
    for index, month in enumerate(data.months):
        parts += target_row(month, top + 34 * index, left, length)
    svg = document(WIDTH, bottom + 4, title, targets_description(data), parts)
    return Chart("within-target", f"{title}: response and resolve targets, {span(data)}.", svg)


def target_row(month: MonthFigures, y: float, left: float, length: float) -> list[str]:
    """Draw one month's row: its name and two bars, each ending in its percentage."""
    name, year = month_name(month.month)
    parts = [label(left - 8, y + 16, f"{name} {year}", "end", fill=MUTED)]
    shares = ((month.total.within_response, RESPONSE_COLOUR), (month.total.within_resolve, RESOLVE_COLOUR))
    for line, (share, fill) in enumerate(shares):
        parts += share_bar(share, left, y + 3 + 14 * line, length, fill)
    return parts


def share_bar(share: Share, left: float, y: float, length: float, fill: str) -> list[str]:
    """Draw one share as a horizontal bar of its percentage with the figure after it."""
    if not share.judged:
        return [label(left + 4, y + 10, "none judged", fill=MUTED, font_size=11)]
    width = share.percent / 100 * length
    bar = element("rect", None, x=left, y=float(y), width=float(width), height=11, fill=fill)
    figure = f"{percent_text(share.percent)} ({share.met}/{share.judged})"
    return [bar, label(left + width + 4, y + 10, figure, font_size=11)]


def targets_description(data: Metrics) -> str:
    """List each month's response and resolve target shares in words."""
    entries = [
        f"{m.month}: response {share_text(m.total.within_response)}, resolve {share_text(m.total.within_resolve)}"
        for m in data.months
    ]
    return "Incidents judged against their targets, all severities. " + "; ".join(entries) + "."


CHARTS: tuple[Callable[[Metrics], Chart], ...] = (incidents_chart, resolve_chart, targets_chart)


def metric_charts(data: Metrics) -> list[Chart]:
    """Draw every chart of the metrics page; none when there are no months to show."""
    return [draw(data) for draw in CHARTS] if data.months else []
