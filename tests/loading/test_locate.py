"""Locating field paths in the YAML of a record."""

from __future__ import annotations

from generator.loading.locate import locate
from generator.loading.source import split_front_matter
from generator.problems import error, warning

TEXT = "---\ntitle: A\nupdates:\n  - at: x\n    status: resolved\n  - at: y\n---\nbody\n"


def place(field, at_key=False):
    """Locate one problem about ``field`` in TEXT."""
    source, _ = split_front_matter("f.md", TEXT)
    problem = warning("f.md", "X001", "m", field, at_key=at_key)
    return locate([problem], {"f.md": source})[0]


def test_value_of_nested_field() -> None:
    """A field path leads to its value."""
    placed = place(("updates", 0, "status"))
    assert (placed.line, placed.column) == (5, 13)


def test_key_of_field() -> None:
    """at_key points at the key."""
    placed = place(("updates", 0, "status"), at_key=True)
    assert (placed.line, placed.column) == (5, 5)


def test_missing_field_points_at_its_parent() -> None:
    """A field that is not there points at the nearest existing parent."""
    placed = place(("updates", 1, "message"))
    assert (placed.line, placed.column) == (6, 5)


def test_problem_without_source_goes_to_line_one() -> None:
    """Problems about files that were never read stay at 1:1."""
    placed = locate([error("gone.md", "X", "m", ("a",))], {})[0]
    assert (placed.line, placed.column) == (1, 1)
