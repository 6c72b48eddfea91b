"""The repository's own example portal: valid, and covering every feature the portal shows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.validate import validate

REPO = Path(__file__).resolve().parent.parent
NOW = parse_now("2026-11-23T18:00:00Z")
DELIBERATE_WARNINGS = {"I306", "T501", "T502", "P603", "P606", "P614", "P615"}


@pytest.fixture(scope="module")
def corpus():
    """The example portal's records."""
    return load_root(REPO, workers=1).corpus


def test_example_has_no_errors_and_only_its_deliberate_warnings() -> None:
    """Each deliberate warning shows once; nothing else is reported."""
    report = validate(REPO, NOW)
    assert report.errors == 0, [p for p in report.problems if p.level.name == "ERROR"]
    assert Counter(p.code for p in report.problems) == Counter(DELIBERATE_WARNINGS)


def test_example_spans_six_months_and_all_severities(corpus) -> None:
    """At least 15 records over at least 6 months, with every severity."""
    incidents = corpus.incidents
    assert len(incidents) >= 15
    months = {(i.started or i.scheduled_for).strftime("%Y-%m") for i in incidents}
    assert len(months) >= 6
    assert {i.severity for i in incidents if i.type == "incident"} == {"SEV1", "SEV2", "SEV3", "SEV4"}


def test_example_has_active_scheduled_and_internal_records(corpus) -> None:
    """An open incident, a scheduled maintenance, and internal-only incidents."""
    assert any(i.type == "incident" and not i.is_closed for i in corpus.incidents)
    assert any(i.type == "maintenance" and i.status == "scheduled" and i.scheduled_for > NOW for i in corpus.incidents)
    assert any(not i.public for i in corpus.incidents)


def test_example_has_handoffs_and_postmortems_in_every_status(corpus) -> None:
    """Acknowledged handoffs, postmortems in each status, action items in each status."""
    assert sum(1 for i in corpus.incidents if i.handoffs) >= 2
    assert {p.status for p in corpus.postmortems} == {"draft", "in_review", "reviewed", "closed"}
    assert {a.status for p in corpus.postmortems for a in p.action_items} == {"open", "done", "not_doing"}


def test_example_has_two_rotations_with_overrides(corpus) -> None:
    """Two rotations, each with overrides."""
    assert len(corpus.rotations) == 2
    assert all(r.overrides for r in corpus.rotations)
