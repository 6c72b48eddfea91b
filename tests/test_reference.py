"""Generated reference material stays current, and the JSON Schemas agree with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator import reference
from generator.loading.corpus import record_jobs
from generator.loading.records import read_markdown
from generator.loading.source import decode, split_front_matter, yaml_source
from generator.loading.specs import RECORD_TYPES
from generator.loading.strictyaml import load

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("relative", sorted(reference.pages()))
def test_reference_pages_are_current(relative: str) -> None:
    """docs/reference matches the code; run `make reference` after changing specs or rules."""
    assert (REPO / "docs" / relative).read_text(encoding="utf-8") == reference.pages()[relative]


@pytest.mark.parametrize("name", sorted(reference.schema_texts()))
def test_json_schemas_are_current(name: str) -> None:
    """schemas/ matches the code; run `make reference` after changing specs."""
    assert (REPO / "schemas" / name).read_text(encoding="utf-8") == reference.schema_texts()[name]


def schema_for(kind: str) -> dict:
    """Return the JSON Schema of one record type."""
    return reference.json_schema(kind, RECORD_TYPES[kind])


def front_matter(path: Path):
    """Read the front matter of a record file as plain data."""
    text, _ = decode(path.name, path.read_bytes())
    source, _ = split_front_matter(path.name, text)
    return load(source)[0]


@pytest.mark.parametrize(("path", "kind"), record_jobs(REPO), ids=lambda v: str(v))
def test_example_records_satisfy_their_json_schema(path: str, kind: str) -> None:
    """What the loader accepts, an editor using the schema accepts too."""
    jsonschema.validate(front_matter(REPO / path), schema_for(kind))


@pytest.mark.parametrize(("name", "kind"), [("statusbook.yml", "statusbook"), ("people.yml", "people")])
def test_configuration_satisfies_its_json_schema(name: str, kind: str) -> None:
    """The example configuration validates against its schema."""
    data = load(yaml_source(name, (REPO / name).read_text()))[0]
    jsonschema.validate(data, schema_for(kind))


def test_schema_rejects_what_the_loader_rejects() -> None:
    """A YAML 1.1 boolean fails both the loader and the schema."""
    text = (REPO / "tests/cases/invalid/yaml11-boolean/incidents/2026/2026-06-01-slow-api.md").read_text()
    source, values, problems = read_markdown("x.md", text, RECORD_TYPES["incident"], None)
    assert [p.code for p in problems] == ["S003"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(load(source)[0], schema_for("incident"))


@pytest.mark.parametrize(("name", "kind", "key", "wrong"), [
    ("statusbook.yml", "statusbook", "url", 42),
    ("statusbook.yml", "statusbook", "components", {"api": "API"}),
    ("people.yml", "people", "people", "alice"),
])
def test_configuration_schema_rejects_a_wrong_type(name: str, kind: str, key: str, wrong) -> None:
    """The example configuration with one value of the wrong type fails its schema."""
    data = load(yaml_source(name, (REPO / name).read_text()))[0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, key: wrong}, schema_for(kind))


def test_schemas_folder_holds_no_stale_schema() -> None:
    """schemas/ holds exactly the generated files; a renamed record type leaves nothing behind."""
    assert sorted(p.name for p in (REPO / "schemas").iterdir()) == sorted(reference.schema_texts())


def test_schemas_are_valid_draft_2020_12() -> None:
    """Every generated schema is itself a valid JSON Schema."""
    for text in reference.schema_texts().values():
        jsonschema.Draft202012Validator.check_schema(json.loads(text))
