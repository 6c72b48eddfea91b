"""Tests of the severity targets an incident is held to and when they expire."""

from __future__ import annotations

from datetime import timedelta

from generator.model.targets import target_due, target_of
from tests.checks.factories import at, handled_incident, maintenance, site


def test_targets_run_from_detection() -> None:
    """Acknowledgement is due 15 min and resolution 24 h after detection, for the test SEV2."""
    incident = handled_incident()
    assert target_of("acknowledge", incident, site()) == timedelta(minutes=15)
    assert target_due("acknowledge", incident, site()) == at("2026-06-01T10:20Z")
    assert target_due("resolve", incident, site()) == at("2026-06-02T10:05Z")


def test_no_target_without_severity_detection_or_measure() -> None:
    """Maintenance, an undetected incident and a measure without a target have no due moment."""
    assert target_due("resolve", maintenance(), site()) is None
    assert target_due("resolve", handled_incident(detected=None), site()) is None
    assert target_due("mitigate", handled_incident(), site()) is None
