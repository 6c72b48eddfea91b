"""The one rule for ids that name rotations, components, people, severities and templates."""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SEVERITY_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
ID_RULE = "lower-case letters, digits, '-' and '_', starting with a letter or digit"
SEVERITY_ID_RULE = "letters, digits, '-' and '_', starting with a letter or digit"


def is_id(text: str) -> bool:
    """Tell whether a text follows the id rule."""
    return ID_PATTERN.match(text) is not None


def is_severity_id(text: str) -> bool:
    """Tell whether a text follows the id rule with letters of either case, as severity ids may."""
    return SEVERITY_ID_PATTERN.match(text) is not None
