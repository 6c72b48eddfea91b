"""Tests of reading the checks: section of statusbook.yml and of its JSON Schema."""

from __future__ import annotations

import jsonschema
import pytest

from generator.loading.levels import RuleLevels
from generator.loading.schema import Context
from generator.loading.strictyaml import INVALID


def run(value):
    """Convert a value as the checks: section and return it with the problem codes."""
    ctx = Context("statusbook.yml")
    return RuleLevels().convert(value, ctx, ("checks",)), [p.code for p in ctx.problems]


def test_levels_are_read_as_pairs_in_file_order() -> None:
    """Codes and levels are kept as written; which exist is judged with the rules."""
    assert run({"P606": "off", "I308": "error"}) == ((("P606", "off"), ("I308", "error")), [])


def test_wrong_types_are_refused() -> None:
    """A list instead of a mapping, or a boolean level, is a wrong type (S003)."""
    assert run(["I308"]) == (INVALID, ["S003"])
    assert run({"I308": False}) == (INVALID, ["S003"])


def test_schema_accepts_codes_and_levels_only() -> None:
    """Editors flag a level other than error, warning or off, and a key that is not shaped like a code."""
    schema = RuleLevels().json_schema()
    jsonschema.validate({"I308": "error", "P606": "off"}, schema)
    for bad in ({"I308": "loud"}, {"i308": "off"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
