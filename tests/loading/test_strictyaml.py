"""Strict YAML: core-schema scalars, and refusal of what YAML 1.1 would silently accept."""

from __future__ import annotations

import pytest

from generator.loading.source import yaml_source
from generator.loading.strictyaml import INVALID, load


def read(text: str):
    """Load YAML text, returning data and ``line:col CODE`` strings."""
    data, problems = load(yaml_source("f.yml", text))
    return data, [f"{p.line}:{p.column} {p.code}" for p in problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:30", "10:30"),
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("2026-01-01", "2026-01-01"),
        ("0123", 123),
        ("0x1f", 31),
        ("1.5", 1.5),
        ("true", True),
        ("False", False),
        ("~", None),
        ("'true'", "true"),
    ],
)
def test_scalars_follow_the_yaml_12_core_schema(text, expected) -> None:
    """Only core-schema words become booleans, numbers or null; everything else stays text."""
    data, problems = read(f"value: {text}\n")
    assert problems == []
    assert data == {"value": expected}


def test_infinity_and_nan_are_floats() -> None:
    """The core schema's special floats are read as floats."""
    data, _ = read("a: .inf\nb: -.Inf\nc: .nan\n")
    assert data["a"] == float("inf") and data["b"] == float("-inf") and data["c"] != data["c"]


def test_duplicate_key_is_refused_at_the_second_key() -> None:
    """A repeated key is an error at the repetition; the first value is kept."""
    data, problems = read("a: 1\nb: 2\na: 3\n")
    assert data == {"a": 1, "b": 2}
    assert problems == ["3:1 L006"]


def test_python_tag_is_refused_and_never_constructed() -> None:
    """An explicit python tag is refused at the tagged value."""
    data, problems = read("a: !!python/object/apply:os.system ['false']\n")
    assert data["a"] is INVALID
    assert problems == ["1:4 L007"]


def test_every_alias_is_reported_where_it_is_written() -> None:
    """An alias bomb is refused alias by alias, without expanding it."""
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{k}: &{k} [{', '.join(['*' + prev] * 9)}]\n" for prev, k in zip("abcdefgh", "bcdefghi")
    )
    _, problems = read(text)
    assert len(problems) == 8 * 9
    assert problems[0] == "2:8 L008"


def test_syntax_error_points_where_the_parser_stopped() -> None:
    """A syntax error carries the parser's position."""
    data, problems = read("a: [1, 2\nb: 3\n")
    assert data is None
    assert problems == ["2:2 L005"]


def test_mapping_as_key_is_refused() -> None:
    """Complex keys are refused."""
    _, problems = read("? [a, b]\n: c\n")
    assert problems == ["1:3 L009"]


def test_empty_document_is_none() -> None:
    """An empty document is None with no problem; callers decide what that means."""
    assert read("") == (None, [])


def test_hash_word_after_a_plain_value_warns_that_the_rest_is_dropped() -> None:
    data, problems = load(yaml_source("x.yml", "event: Reports in #eng-ci that builds fail\n"))
    assert data == {"event": "Reports in"}
    assert [(p.code, p.level.name, p.line, p.column) for p in problems] == [("L011", "WARNING", 1, 19)]
    assert "'#eng-ci that builds fail' starts a YAML comment" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        'event: "Reports in #eng-ci"\n',
        "event: Reports in  # a comment with a space\n",
        "event: >-\n  Reports in #eng-ci\n",
        "event: Reports#1 in CI\n",
    ],
)
def test_quoted_values_spaced_comments_blocks_and_inner_hashes_do_not_warn(text) -> None:
    _, problems = load(yaml_source("x.yml", text))
    assert problems == []


@pytest.mark.parametrize(("text", "expected"), [("a: 1\nb: x\0y\n", ["2:5 L005"]), ("a: 'é€\x1b'\n", ["1:7 L005"])])
def test_characters_yaml_refuses_are_placed_at_their_line_and_column(text: str, expected: list[str]) -> None:
    """NUL and other control characters are placed by line and column, not by a byte offset."""
    assert read(text) == (None, expected)


def test_a_value_that_is_all_comment_is_called_empty() -> None:
    """An unquoted colour such as '#0b5fff' is a YAML comment: the warning says the value is empty."""
    data, problems = load(yaml_source("x.yml", "theme:\n  primary: #0b5fff\n"))
    assert data == {"theme": {"primary": None}}
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        ("L011", 2, 12, "'#0b5fff' starts a YAML comment, so the value is empty; quote the whole value if '#' belongs to it")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("! 12", 12),  # libyaml reads the non-specific tag as no tag
        ("! true", True),
        ("'12'", "12"),
        ('"null"', "null"),
        ("!!str 12", "12"),
        ("!!str", ""),
        ("''", ""),
        ("", None),
        ("12:30", "12:30"),
        ("0x1F", 31),
        ("-.5e3", -500.0),
        ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
        ("Null", None),
        ("farah", "farah"),
    ],
)
def test_scalars_resolve_alike_at_the_top_in_mappings_and_in_lists(text, expected) -> None:
    """A value's tag is its explicit one, else what its plain text resolves to; the same wherever it stands."""
    top, top_problems = read(f"{text}\n")
    nested, nested_problems = read(f"a: {text}\nb:\n- {text}\n- c: {text}\n")
    assert top_problems == nested_problems == []
    assert top == expected
    assert nested == {"a": expected, "b": [expected, {"c": expected}]}


def test_keys_that_look_typed_stay_text() -> None:
    """Keys are never resolved: ``true``, ``1`` and ``null`` as keys are the words themselves."""
    data, problems = read("true: 1\n1: 2\nnull: 3\n'x': 4\n! y: 5\n")
    assert problems == []
    assert data == {"true": 1, "1": 2, "null": 3, "x": 4, "y": 5}


def test_explicit_collection_tags_are_allowed_and_others_refused() -> None:
    """``!!seq`` and ``!!map`` on their own kinds are plain YAML; any other tag on a collection is refused."""
    data, problems = read("a: !!seq [1]\nb: !!map {c: 1}\nd: !!map [1]\ne: !x {f: 1}\n")
    assert data["a"] == [1] and data["b"] == {"c": 1}
    assert data["d"] is INVALID and data["e"] is INVALID
    assert problems == ["3:4 L007", "4:4 L007"]


@pytest.mark.parametrize("text", ["!!int x", "!!float x", "!!bool maybe", "!!null x", "!!int 1.5"])
def test_a_core_tag_that_does_not_fit_its_value_is_refused_at_the_value(text) -> None:
    """An explicit ``!!int`` and the like on text that does not read as one is a problem, never a crash."""
    data, problems = read(f"a: {text}\n")
    assert data["a"] is INVALID
    assert problems == ["1:4 L007"]


@pytest.mark.parametrize(("text", "expected"), [("!!int 7", 7), ("!!float 5", 5.0), ("!!bool true", True), ("!!null", None)])
def test_a_core_tag_that_fits_its_value_is_read(text, expected) -> None:
    """An explicit core tag on text that reads as it is plain YAML."""
    data, problems = read(f"a: {text}\n")
    assert problems == [] and data == {"a": expected}
