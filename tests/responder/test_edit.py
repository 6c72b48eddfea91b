"""Round-trip editing: unchanged records render byte for byte; new strings read back as the same strings."""

from __future__ import annotations

import pytest

from generator.loading import strictyaml
from generator.loading.source import yaml_source
from generator.responder import yamlrt
from generator.responder.edit import parse_document
from tests.responder.conftest import REPO

RECORDS = sorted(p for folder in ("incidents", "rotations") for p in (REPO / folder).rglob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_unchanged_record_renders_identically(path) -> None:
    """Parsing and rendering an example record changes nothing: comments, quotes, flow style and body stay."""
    text = path.read_text()
    assert parse_document(path.name, text).render() == text


@pytest.mark.parametrize("value", ["yes", "10:30", "2026-11-23", "null", "a: b", "- item", "#tag", "1e3", "plain words"])
def test_text_reads_back_as_the_same_string(value: str) -> None:
    """The project's strict loader reads what we write back as the same string (YAML 1.1 booleans, numbers quoted)."""
    dumped = yamlrt.dump(yamlrt.mapping({"message": yamlrt.text(value)}))
    assert strictyaml.load(yaml_source("x.yml", dumped)) == ({"message": value}, [])


def test_timestamps_stay_plain() -> None:
    """A timestamp string is written as a plain scalar, not quoted and not reformatted."""
    assert yamlrt.dump(yamlrt.mapping({"at": "2026-11-23T18:00:00Z"})) == "at: 2026-11-23T18:00:00Z\n"
