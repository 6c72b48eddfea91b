"""Hand-written SVG: escaped elements, numbers written the same way every time, and an accessible document."""

from __future__ import annotations

from xml.sax.saxutils import escape

FONT = "system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif"
INK = "#1f2328"
MUTED = "#59636e"
GRID = "#d1d9e0"


def number(value: float) -> str:
    """Write a coordinate with at most one decimal and no trailing zeros: 12, 12.5."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attribute(value: object) -> str:
    """Write an attribute value, numbers as coordinates, text escaped for a double-quoted attribute."""
    if isinstance(value, float):
        return number(value)
    return escape(str(value), {'"': "&quot;"})


def attributes(attrs: dict[str, object]) -> str:
    """Write attributes; underscores in keyword names become hyphens (a trailing one is dropped)."""
    return "".join(f' {key.rstrip("_").replace("_", "-")}="{attribute(v)}"' for key, v in attrs.items())


def element(name: str, text: str | None = None, **attrs: object) -> str:
    """Write one element with escaped text, or an empty element when there is no text."""
    if text is None:
        return f"<{name}{attributes(attrs)}/>"
    return f"<{name}{attributes(attrs)}>{escape(text)}</{name}>"


def label(x: float, y: float, text: str, anchor: str = "start", **attrs: object) -> str:
    """Write a text label at a point."""
    return element("text", text, x=float(x), y=float(y), text_anchor=anchor, **attrs)


def clipped(text: str, limit: int) -> str:
    """Shorten text to ``limit`` characters with an ellipsis, so a long name cannot run off the picture."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def document(width: int, height: float, title: str, description: str, body: list[str]) -> bytes:
    """Wrap drawn elements in an SVG document that scales to its container, with a title and description."""
    head = "<svg" + attributes(
        dict(
            xmlns="http://www.w3.org/2000/svg",
            viewBox=f"0 0 {width} {number(height)}",
            width="100%",
            role="img",
            aria_labelledby="chart-title chart-desc",
            font_family=FONT,
            font_size=12,
            fill=INK,
        )
    ) + ">"
    parts = [
        head,
        element("title", title, id="chart-title"),
        element("desc", description, id="chart-desc"),
        element("rect", None, width=width, height=float(height), fill="#fff"),
        *body,
        "</svg>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")
