"""Render validation reports as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

from generator.reporting import github, json_format, text
from generator.validate import Report

FORMATS = {"text": text.render, "json": json_format.render, "github": github.render}


def render(report: Report, name: str) -> str:
    """Render a report in the named format."""
    return FORMATS[name](report)
