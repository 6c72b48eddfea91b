"""Report formats: text lines, JSON objects and GitHub annotations."""

from __future__ import annotations

import json

from generator.problems import Problem, Level
from generator.reporting import render
from generator.validate import Report

REPORT = Report(
    (
        Problem("incidents/2026/a.md", "status: 'x' is not allowed, really", ("status",), code="S004", level=Level.ERROR, line=5, column=9),
        Problem("incidents/2026/b.md", "late by 5 min\n100% sure", code="I306", level=Level.WARNING, line=20, column=3),
    ),
    3,
)


def test_text_lines_and_count() -> None:
    """path:line:col: level [CODE] message, one line each, then the count."""
    assert render(REPORT, "text").splitlines() == [
        "incidents/2026/a.md:5:9: error [S004] status: 'x' is not allowed, really",
        "incidents/2026/b.md:20:3: warning [I306] late by 5 min 100% sure",
        "3 files checked: 1 error, 1 warning",
    ]


def test_json_objects() -> None:
    """Each problem is an object with the documented keys."""
    items = json.loads(render(REPORT, "json"))
    assert items[0] == {
        "path": "incidents/2026/a.md", "line": 5, "column": 9, "severity": "error",
        "code": "S004", "message": "status: 'x' is not allowed, really", "field": "status",
    }
    assert items[1]["severity"] == "warning"


def test_github_annotations_escape_properties_and_data() -> None:
    """Workflow commands escape %, newlines, commas and colons."""
    lines = render(REPORT, "github").splitlines()
    assert lines[0] == "::error file=incidents/2026/a.md,line=5,col=9,title=S004::status: 'x' is not allowed, really"
    assert lines[1] == "::warning file=incidents/2026/b.md,line=20,col=3,title=I306::late by 5 min%0A100%25 sure"
    assert lines[2].startswith("::notice title=statusbook validate::3 files checked")


HOSTILE = Report((Problem("incidents/a\nb\t\x00\x1b.md", "bad\x07 value\n  here", code="L003", level=Level.ERROR, line=1, column=1),), 1)


def test_text_escapes_control_characters_so_each_problem_is_one_line() -> None:
    """A newline, tab, NUL or escape in a path is written as a backslash escape; message line breaks become spaces."""
    assert render(HOSTILE, "text").splitlines() == [
        "incidents/a\\nb\\t\\x00\\x1b.md:1:1: error [L003] bad\\x07 value   here",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_json_and_github_keep_control_characters_contained() -> None:
    """JSON stays valid and keeps the exact path; GitHub escapes line breaks its way and other controls with backslashes."""
    assert json.loads(render(HOSTILE, "json"))[0]["path"] == "incidents/a\nb\t\x00\x1b.md"
    assert render(HOSTILE, "github").splitlines()[0] == (
        "::error file=incidents/a%0Ab\\t\\x00\\x1b.md,line=1,col=1,title=L003::bad\\x07 value%0A  here")
