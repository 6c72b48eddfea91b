"""JSON: a list of problem objects with path, line, column, severity, code and message."""

from __future__ import annotations

import json

from generator.problems import field_name
from generator.validate import Report


def render(report: Report) -> str:
    """Render the problems as a JSON array."""
    items = [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "severity": str(p.level),
            "code": p.code,
            "message": p.message,
            "field": field_name(p.field),
        }
        for p in report.problems
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
