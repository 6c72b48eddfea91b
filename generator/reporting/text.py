"""Plain text: one ``path:line:col: level [CODE] message`` line per problem, then a count."""

from __future__ import annotations

from generator.validate import Report


def plural(count: int, word: str) -> str:
    """Say ``1 error`` or ``2 errors``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def one_line(message: str) -> str:
    """Keep a message on one line, so each problem is one line of output."""
    return " ".join(message.split("\n"))


def summary(report: Report) -> str:
    """Say how many files were checked and what was found."""
    found = f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}"
    return f"{plural(report.file_count, 'file')} checked: {found}"


def render(report: Report) -> str:
    """Render every problem on its own line, then the summary."""
    lines = [f"{p.path}:{p.line}:{p.column}: {p.level} [{p.code}] {one_line(p.message)}" for p in report.problems]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
