"""GitHub workflow commands: one ``::error``/``::warning`` annotation per problem."""

from __future__ import annotations

from generator.reporting.text import escaped, summary
from generator.validate import Report


def escape_data(text: str) -> str:
    """Escape an annotation message: line breaks as GitHub reads them, other control characters with backslashes."""
    return escaped(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape an annotation property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """Render every problem as a workflow annotation, then the summary as a notice."""
    lines = []
    for p in report.problems:
        props = f"file={escape_property(p.path)},line={p.line},col={p.column},title={escape_property(p.code)}"
        lines.append(f"::{p.level} {props}::{escape_data(p.message)}")
    lines.append(f"::notice title=statusbook validate::{escape_data(summary(report))}")
    return "\n".join(lines) + "\n"
