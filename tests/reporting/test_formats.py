"""Report formats: text lines, JSON objects and GitHub annotations."""

from __future__ import annotations

import json

from generator.problems import Problem, Level
from generator.reporting import render
from generator.validate import Report

REPORT = Report(
    (
        Problem("incidents/2026/a.md", "S004", Level.ERROR, "status: 'x' is not allowed, really", ("status",), line=5, column=9),
        Problem("incidents/2026/b.md", "I306", Level.WARNING, "late by 5 min\n100% sure", line=20, column=3),
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
