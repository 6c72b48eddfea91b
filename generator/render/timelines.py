"""Timeline pictures: one SVG per record with its phases, public updates and handoffs on one UTC time axis.

Each phase has its own row labelled in words, so colour only repeats what the labels say. Every text from a
record is XML-escaped; positions are rounded, so the same record and moment give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

from generator.model.timing import format_duration
from generator.render.times import utc_text
from generator.views.records import HandoffView, Phase, RecordView, TimelineItem

WIDTH = 800
PLOT_LEFT = 230
PLOT_RIGHT = 765
TOP = 16
ROW = 28
BAR = 16
FONT = "system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif"
INK = "#1f2328"
MUTED = "#59636e"
GRID = "#d1d9e0"
PHASE_COLOURS = {
    "started": "#b42318",
    "detected": "#b35900",
    "acknowledged": "#8a6100",
    "mitigated": "#0a58ca",
    "resolved": "#1a7f37",
}
WINDOW_COLOUR = "#6e7781"
MAINTENANCE_COLOUR = "#0a58ca"
UPDATE_COLOUR = "#0a58ca"
HANDOFF_COLOUR = "#6639ba"
MIN_SPAN = timedelta(hours=1)
MAX_TICKS = 7
TICK_STEPS = tuple(
    timedelta(minutes=m) for m in (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 40320)
)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Characters XML 1.0 does not allow, removed so that a stray control character cannot break the picture.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@lru_cache(maxsize=1 << 14)
def text(value: str) -> str:
    """Escape record or generated text for XML content or a double-quoted attribute; labels repeat across pictures."""
    return escape(NOT_XML.sub("", value), {'"': "&quot;"})


@dataclass(frozen=True, slots=True)
class Axis:
    """Maps moments to x positions between the plot's edges."""

    start: datetime
    end: datetime

    def x(self, moment: datetime) -> float:
        """Return the x position of a moment, clamped to the plot."""
        share = (moment - self.start) / (self.end - self.start)
        return round(PLOT_LEFT + min(max(share, 0.0), 1.0) * (PLOT_RIGHT - PLOT_LEFT), 1)


def axis_start(record: RecordView) -> datetime:
    """Start at the record's earliest moment; a maintenance window starts at its window or start instead."""
    window = record.incident
    anchors = [m for m in (window.scheduled_for, window.started) if m is not None]
    return min(anchors) if window.is_maintenance and anchors else record.start


def axis_for(record: RecordView) -> Axis:
    """Span the axis from the start to the record's latest moment (now while open), at least an hour wide."""
    start, end = axis_start(record), record.end
    if end - start < MIN_SPAN:
        end = start + MIN_SPAN
    return Axis(start, end)


def announced_before(record: RecordView, axis: Axis) -> tuple[TimelineItem, ...]:
    """The public updates posted before the axis starts: a maintenance window's announcements."""
    return tuple(u for u in record.updates if u.at < axis.start)


def tick_step(span: timedelta) -> timedelta:
    """Pick the smallest sensible step that puts at most MAX_TICKS ticks on the axis."""
    return next((step for step in TICK_STEPS if span / step <= MAX_TICKS), span / MAX_TICKS)


def ticks(axis: Axis) -> list[datetime]:
    """Return the UTC moments of the axis ticks, whole multiples of the step."""
    step = tick_step(axis.end - axis.start)
    first = EPOCH + -((EPOCH - axis.start) // step) * step
    if first > axis.end:
        return []
    return [first + index * step for index in range((axis.end - first) // step + 1)]


def num(value: float) -> str:
    """Write a coordinate without needless digits."""
    return f"{value:g}"


def tick_labels(moments: list[datetime]) -> list[tuple[str, str]]:
    """Label ticks with the UTC time, and the date under the first tick and wherever the date changes."""
    labels, last_day = [], None
    daily = len(moments) > 1 and moments[1] - moments[0] >= timedelta(days=1)
    for moment in moments:
        utc = moment.astimezone(UTC)
        day = f"{utc:%Y-%m-%d}"
        first_line = day if daily else f"{utc.hour:02d}:{utc.minute:02d}"
        labels.append((first_line, "" if daily or day == last_day else day))
        last_day = day
    return labels


def row_label(y: float, label: str) -> str:
    """Write a row's label in words in the left column."""
    return f'<text x="8" y="{num(y + ROW / 2 + 4)}" fill="{INK}">{text(label)}</text>'


def phase_row(axis: Axis, y: float, phase: Phase, maintenance: bool) -> str:
    """Draw one phase as a labelled bar with a tooltip giving its times and length."""
    left, right = axis.x(phase.start), axis.x(phase.end)
    width = max(right - left, 2.0)
    until = "now" if phase.open else utc_text(phase.end)
    tip = f"{phase.label}: {utc_text(phase.start)} to {until} ({format_duration(phase.length)})"
    colour = MAINTENANCE_COLOUR if maintenance else PHASE_COLOURS.get(phase.start_name, WINDOW_COLOUR)
    style = ' fill-opacity="0.45" stroke-dasharray="4 3"' if phase.open else ""
    bar = (
        f'<rect x="{num(left)}" y="{num(y + (ROW - BAR) / 2)}" width="{num(round(width, 1))}" height="{BAR}" '
        f'fill="{colour}" stroke="{colour}"{style}/>'
    )
    return f"<g><title>{text(tip)}</title>{row_label(y, phase.label)}{bar}</g>"


def window_row(axis: Axis, y: float, start: datetime, end: datetime) -> str:
    """Draw a maintenance window's scheduled time as an outlined bar."""
    left, right = axis.x(start), axis.x(end)
    tip = f"Scheduled window: {utc_text(start)} to {utc_text(end)}"
    bar = (
        f'<rect x="{num(left)}" y="{num(y + (ROW - BAR) / 2)}" width="{num(round(max(right - left, 2.0), 1))}" '
        f'height="{BAR}" fill="none" stroke="{WINDOW_COLOUR}" stroke-width="2" stroke-dasharray="6 3"/>'
    )
    return f"<g><title>{text(tip)}</title>{row_label(y, 'Scheduled window')}{bar}</g>"


def update_tip(number: int, update: TimelineItem) -> str:
    """Describe a public update for its tooltip."""
    return f"Public update {number}: {update.heading} at {utc_text(update.at)}"


def earlier_mark(y: float, earlier: tuple[TimelineItem, ...]) -> str:
    """Say in words, left of the axis, how many updates came before it starts; the tooltip lists them."""
    tip = "Before the window: " + "; ".join(update_tip(n, u) for n, u in enumerate(earlier, 1))
    x = PLOT_LEFT - 6
    return (
        f'<g><title>{text(tip)}</title><text x="{x}" y="{num(y + ROW / 2 + 4)}" text-anchor="end" fill="{UPDATE_COLOUR}">'
        f"{len(earlier)} earlier ◂</text></g>"
    )


def update_marks(axis: Axis, y: float, record: RecordView) -> str:
    """Draw a tick and a circle for each public update on the axis, each with a tooltip; count earlier ones."""
    middle = y + ROW / 2
    earlier = announced_before(record, axis)
    marks = [row_label(y, "Public updates")] + ([earlier_mark(y, earlier)] if earlier else [])
    for number, update in enumerate(record.updates, 1):
        if update.at < axis.start:
            continue
        x = num(axis.x(update.at))
        tip = update_tip(number, update)
        marks.append(
            f'<g><title>{text(tip)}</title><line x1="{x}" y1="{num(y + 3)}" x2="{x}" y2="{num(y + ROW - 3)}" '
            f'stroke="{UPDATE_COLOUR}" stroke-width="1.5"/><circle cx="{x}" cy="{num(middle)}" r="5" fill="{UPDATE_COLOUR}"/></g>'
        )
    return "".join(marks)


def diamond(x: float, y: float, filled: bool) -> str:
    """Draw a diamond marker centred at (x, y), filled for a handoff and hollow for its acknowledgement."""
    points = f"{num(x)},{num(y - 6)} {num(x + 6)},{num(y)} {num(x)},{num(y + 6)} {num(x - 6)},{num(y)}"
    fill = HANDOFF_COLOUR if filled else "#ffffff"
    return f'<polygon points="{points}" fill="{fill}" stroke="{HANDOFF_COLOUR}" stroke-width="1.5"/>'


def handoff_tip(handoff: HandoffView) -> str:
    """Describe a handoff for its tooltip."""
    tip = f"Handoff from {handoff.from_person} to {handoff.to_person} at {utc_text(handoff.at)}"
    if handoff.acknowledged_at is None:
        return f"{tip}; {handoff.acknowledgement}"
    return f"{tip}; acknowledged at {utc_text(handoff.acknowledged_at)}"


def handoff_marks(axis: Axis, y: float, handoffs: tuple[HandoffView, ...], now: datetime) -> str:
    """Draw each handoff as a tick and diamond, joined to its acknowledgement (or to now while it waits)."""
    middle = y + ROW / 2
    marks = [row_label(y, "Handoffs")]
    for handoff in handoffs:
        x = axis.x(handoff.at)
        until = axis.x(handoff.acknowledged_at or now)
        dash = "" if handoff.acknowledged_at else ' stroke-dasharray="3 2"'
        parts = [
            f'<line x1="{num(x)}" y1="{num(y + 3)}" x2="{num(x)}" y2="{num(y + ROW - 3)}" stroke="{HANDOFF_COLOUR}" stroke-width="1.5"/>',
            f'<line x1="{num(x)}" y1="{num(middle)}" x2="{num(until)}" y2="{num(middle)}" stroke="{HANDOFF_COLOUR}" stroke-width="2"{dash}/>',
            diamond(x, middle, True),
        ]
        if handoff.acknowledged_at is not None:
            parts.append(diamond(until, middle, False))
        marks.append(f"<g><title>{text(handoff_tip(handoff))}</title>{''.join(parts)}</g>")
    return "".join(marks)


def axis_marks(axis: Axis, top: float, bottom: float) -> str:
    """Draw grid lines and UTC time labels at each tick, and the axis caption."""
    moments = ticks(axis)
    parts = [f'<line x1="{PLOT_LEFT}" y1="{num(bottom)}" x2="{PLOT_RIGHT}" y2="{num(bottom)}" stroke="{MUTED}"/>']
    for moment, (first, second) in zip(moments, tick_labels(moments)):
        x = num(axis.x(moment))
        parts.append(f'<line x1="{x}" y1="{num(top)}" x2="{x}" y2="{num(bottom + 5)}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x}" y="{num(bottom + 18)}" text-anchor="middle" fill="{INK}">{text(first)}</text>')
        if second:
            parts.append(f'<text x="{x}" y="{num(bottom + 32)}" text-anchor="middle" fill="{MUTED}">{text(second)}</text>')
    parts.append(f'<text x="8" y="{num(bottom + 18)}" fill="{MUTED}">Time (UTC)</text>')
    return "".join(parts)


def now_mark(axis: Axis, top: float, bottom: float, now: datetime) -> str:
    """Draw a dashed line at the build moment, for records still open."""
    x = num(axis.x(now))
    tip = f"Now: {utc_text(now)}, when this picture was made"
    return (
        f'<g><title>{text(tip)}</title><line x1="{x}" y1="{num(top)}" x2="{x}" y2="{num(bottom)}" stroke="{INK}" '
        f'stroke-width="1.5" stroke-dasharray="2 3"/></g>'
    )


def shows_now(record: RecordView, axis: Axis) -> bool:
    """Whether the picture marks the build moment: the record is open and now lies on the axis."""
    return not record.incident.is_closed and axis.start <= record.now <= axis.end


def legend_keys(record: RecordView, now_shown: bool) -> list[tuple[str, str]]:
    """List the legend's symbols and words for the marks this picture has, each symbol drawn at x=0, y=0."""
    keys = []
    if record.phases:
        keys.append((f'<rect x="-8" y="-5" width="16" height="10" fill="{PHASE_COLOURS["detected"]}"/>', "Phase, named on its row"))
    keys.append((f'<circle r="5" fill="{UPDATE_COLOUR}"/>', "Public update"))
    if record.handoffs:
        keys += [(diamond(0, 0, True), "Handoff"), (diamond(0, 0, False), "Acknowledged")]
    if now_shown:
        line = f'<line x1="0" y1="-6" x2="0" y2="6" stroke="{INK}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        keys.append((line, "Now (still open)"))
    return keys


def legend(y: float, record: RecordView, now_shown: bool) -> str:
    """Explain the marks in one line: each symbol followed by its words."""
    x, items = 16.0, []
    for symbol, words in legend_keys(record, now_shown):
        items.append(f'<g transform="translate({num(x)} {num(y - 4)})">{symbol}</g>')
        items.append(f'<text x="{num(x + 14)}" y="{num(y)}" fill="{INK}">{text(words)}</text>')
        x += 14 + len(words) * 7 + 28
    return "<g>" + "".join(items) + "</g>"


def plural(count: int, word: str) -> str:
    """Write a count with its noun, in the plural unless one."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(record: RecordView, axis: Axis | None = None) -> str:
    """Summarise the picture in words: each phase with its times and length, then the updates and handoffs."""
    phases = [
        f"{p.label}, {utc_text(p.start)} to {'now, ' + utc_text(p.end) if p.open else utc_text(p.end)} ({format_duration(p.length)})"
        for p in record.phases
    ]
    window = record.incident
    if window.scheduled_for and window.scheduled_until:
        phases.insert(0, f"Scheduled window, {utc_text(window.scheduled_for)} to {utc_text(window.scheduled_until)}")
    said = "; ".join(phases) + ". " if phases else "No phases recorded yet. "
    earlier = len(announced_before(record, axis or axis_for(record)))
    before = f" ({earlier} of them before the window)" if earlier else ""
    return said + f"{plural(len(record.updates), 'public update')}{before} and {plural(len(record.handoffs), 'handoff')}."


def rows(record: RecordView, axis: Axis) -> tuple[list[str], float]:
    """Draw every row, top to bottom, and return them with the y just below the last."""
    y, drawn = TOP, []
    window = record.incident
    if window.scheduled_for and window.scheduled_until:
        drawn.append(window_row(axis, y, window.scheduled_for, window.scheduled_until))
        y += ROW
    for phase in record.phases:
        drawn.append(phase_row(axis, y, phase, window.is_maintenance))
        y += ROW
    drawn.append(update_marks(axis, y, record))
    y += ROW
    if record.handoffs:
        drawn.append(handoff_marks(axis, y, record.handoffs, record.now))
        y += ROW
    return drawn, y


def timeline_picture(record: RecordView, said: str | None = None) -> bytes:
    """Draw the record's timeline picture as SVG bytes; ``said`` is its summary, if already written."""
    axis = axis_for(record)
    drawn, bottom = rows(record, axis)
    height = bottom + 70
    title = f"Timeline of {record.incident.title}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {num(height)}" width="{WIDTH}" height="{num(height)}" '
        f'role="img" aria-labelledby="title desc" font-family="{FONT}" font-size="12">',
        f'<title id="title">{text(title)}</title>',
        f'<desc id="desc">{text(summary(record, axis) if said is None else said)}</desc>',
        f'<rect width="{WIDTH}" height="{num(height)}" fill="#ffffff"/>',
        axis_marks(axis, TOP, bottom),
        *drawn,
    ]
    now_shown = shows_now(record, axis)
    if now_shown:
        parts.append(now_mark(axis, TOP, bottom, record.now))
    parts.append(legend(bottom + 58, record, now_shown))
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")
