"""Every rule copes with any optional field missing: valid records never crash the checks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.checks.registry import run_checks
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.corpus import Corpus

REPO = Path(__file__).resolve().parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
BASE = load_root(REPO, workers=1).corpus


def emptied(record, name: str):
    """Return a copy of a record with one field reset to its default."""
    spec = next(f for f in dataclasses.fields(record) if f.name == name)
    default = spec.default_factory() if spec.default_factory is not dataclasses.MISSING else spec.default
    return dataclasses.replace(record, **{name: default})


def optional_fields(record) -> list[str]:
    """Name the fields of a record that have a default."""
    return [f.name for f in dataclasses.fields(record) if f.init and (f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING)]


INCIDENT_CASES = [(i, name) for i in range(len(BASE.incidents)) for name in optional_fields(BASE.incidents[i])]
POSTMORTEM_CASES = [(i, name) for i in range(len(BASE.postmortems)) for name in optional_fields(BASE.postmortems[i])]


@pytest.mark.parametrize(("index", "name"), INCIDENT_CASES)
def test_rules_survive_an_incident_without_an_optional_field(index: int, name: str) -> None:
    """Removing any optional incident field yields problems, never an exception."""
    incidents = list(BASE.incidents)
    incidents[index] = emptied(incidents[index], name)
    corpus = Corpus(BASE.site, BASE.people, incidents, BASE.postmortems, BASE.rotations)
    assert isinstance(run_checks(corpus, NOW), list)


@pytest.mark.parametrize(("index", "name"), POSTMORTEM_CASES)
def test_rules_survive_a_postmortem_without_an_optional_field(index: int, name: str) -> None:
    """Removing any optional postmortem field yields problems, never an exception."""
    postmortems = list(BASE.postmortems)
    postmortems[index] = emptied(postmortems[index], name)
    corpus = Corpus(BASE.site, BASE.people, BASE.incidents, postmortems, BASE.rotations)
    assert isinstance(run_checks(corpus, NOW), list)


def test_rules_survive_an_empty_corpus() -> None:
    """No people, no records: no exception; only the escalation contact the site names is unknown."""
    assert [(p.code, p.field) for p in run_checks(Corpus(BASE.site), NOW)] == [("R201", ("escalation_contact",))]
    assert run_checks(Corpus(dataclasses.replace(BASE.site, escalation_contact=None)), NOW) == []


ROTATION_CASES = [(i, name) for i in range(len(BASE.rotations)) for name in optional_fields(BASE.rotations[i])]


@pytest.mark.parametrize(("index", "name"), ROTATION_CASES)
def test_rules_survive_a_rotation_without_an_optional_field(index: int, name: str) -> None:
    """A rotation without shifts or overrides yields problems, never an exception."""
    rotations = list(BASE.rotations)
    rotations[index] = emptied(rotations[index], name)
    corpus = Corpus(BASE.site, BASE.people, BASE.incidents, BASE.postmortems, rotations)
    assert isinstance(run_checks(corpus, NOW), list)
