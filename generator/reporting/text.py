"""Plain text: one ``path:line:col: level [CODE] message`` line per problem, then a count."""

from __future__ import annotations

import re

from generator.problems import Problem
from generator.validate import Report

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def plural(count: int, word: str) -> str:
    """Say ``1 error`` or ``2 errors``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def backslashed(character: str) -> str:
    """Write one control character as a backslash escape such as \\n or \\x00."""
    code = ord(character)
    return NAMED.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escaped(text: str) -> str:
    """Escape control characters, so the text is one line of output that cannot restyle a terminal."""
    return CONTROL.sub(lambda found: backslashed(found.group()), text)


def one_line(message: str) -> str:
    """Keep a message on one line: its line breaks become spaces, other control characters escapes."""
    return escaped(" ".join(message.split("\n")))


def problem_line(p: Problem) -> str:
    """Render one problem as ``path:line:col: level [CODE] message``, control characters in the path escaped."""
    return f"{escaped(p.path)}:{p.line}:{p.column}: {p.level} [{p.code}] {one_line(p.message)}"


def summary(report: Report) -> str:
    """Say how many files were checked and what was found."""
    found = f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}"
    return f"{plural(report.file_count, 'file')} checked: {found}"


def render(report: Report) -> str:
    """Render every problem on its own line, then the summary."""
    lines = [problem_line(p) for p in report.problems]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
