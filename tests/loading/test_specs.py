"""The configuration reference tells the truth: every example loads, and every documented default is what loading gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.loading import records, specs
from generator.loading.schema import Context, Field, ListOf, Record, yaml_value

CONFIGURATION = {
    "statusbook": specs.SITE,
    "components": specs.COMPONENT,
    "severities": specs.SEVERITY,
    "person": specs.PERSON_RECORD,
    "people": specs.PEOPLE,
}
FIELDS = [(name, item) for name, spec in CONFIGURATION.items() for item in spec.fields]


def minimal(spec: Record) -> dict[str, Any]:
    """Return a mapping with only the required fields of a record, filled from their examples."""
    values = {}
    for item in spec.fields:
        if item.required:
            nested = item.kind.item if isinstance(item.kind, ListOf) else None
            values[item.name] = [minimal(nested)] if isinstance(nested, Record) else yaml_value(item.example)
    return values


def loaded_site():
    """Load a statusbook.yml that has only the required keys."""
    _, site, problems = records.load_site("statusbook.yml", json.dumps(minimal(specs.SITE)))
    assert [p for p in problems if p.code != "L016"] == []
    return site


def loaded_person():
    """Load a people.yml that has only the required keys."""
    _, people, problems = records.load_people("people.yml", json.dumps(minimal(specs.PEOPLE)))
    assert problems == []
    return people[0]


def loaded(name: str) -> Any:
    """Return the model object loading gives for one configuration record with only its required keys."""
    site = loaded_site()
    return {
        "statusbook": lambda: site,
        "components": lambda: site.components[0],
        "severities": lambda: site.severities[0],
        "person": loaded_person,
    }[name]()


def converted(item: Field, text: str) -> Any:
    """Convert a default or example written as YAML text as loading would, insisting that it is valid."""
    ctx = Context("statusbook.yml")
    value = item.kind.convert(yaml_value(text), ctx, (item.name,))
    assert ctx.problems == [], f"{item.name}: {text!r}"
    return value


@pytest.mark.parametrize(("name", "item"), FIELDS, ids=lambda v: getattr(v, "name", v))
def test_every_configuration_key_has_a_valid_example(name: str, item: Field) -> None:
    """Each key of statusbook.yml and people.yml documents an example that loads without a problem."""
    assert item.example is not None
    converted(item, item.example)


@pytest.mark.parametrize(("name", "item"), [(n, i) for n, i in FIELDS if not i.required], ids=lambda v: getattr(v, "name", v))
def test_documented_default_is_what_loading_gives(name: str, item: Field) -> None:
    """An optional key left out takes exactly its documented default, or stays not set (None) when none is documented."""
    expected = None if item.default is None else converted(item, item.default)
    assert getattr(loaded(name), item.attribute) == expected


def test_required_keys_document_no_default() -> None:
    """A required key has no default to document."""
    assert [item.name for _, item in FIELDS if item.required and item.default is not None] == []
