"""Tests of the link rule I207: a SEV1 or SEV2 incident names its chat channel and its bridge."""

from __future__ import annotations

from generator.model.incident import Imported
from generator.model.links import Link
from generator.problems import Level
from tests.checks.factories import context, handled_incident, maintenance, run

CHANNEL = Link("channel", "https://chat.acme.example/archives/C01", "#inc-20260601-api-errors")
BRIDGE = Link("bridge", "https://meet.acme.example/inc-api-errors")


def linked(*incidents) -> list:
    """Run I207 over the given incidents."""
    return run("I207", context(incidents=list(incidents)))


def test_channel_and_bridge_pass() -> None:
    """A SEV2 with both, a SEV3 without any, and maintenance produce nothing."""
    assert linked(handled_incident(links=(BRIDGE, CHANNEL)), handled_incident(severity="SEV3"), maintenance()) == []


def test_no_links_is_a_warning_at_the_severity_with_the_channel_name() -> None:
    """Without links the warning points at the severity and suggests #inc-YYYYMMDD-slug from the id."""
    (problem,) = linked(handled_incident())
    assert (problem.code, problem.level, problem.field, problem.at_key) == ("I207", Level.WARNING, ("severity",), False)
    assert "SEV2 incident names no channel and no bridge in links" in problem.message
    assert "#inc-20260601-api-errors" in problem.message


def test_a_missing_bridge_is_reported_at_the_links_key() -> None:
    """With a channel but no bridge, the warning names the bridge only, at the links key."""
    (problem,) = linked(handled_incident(severity="SEV1", links=(CHANNEL, Link("ticket", "https://tracker.acme.example/INC-1"))))
    assert (problem.field, problem.at_key) == (("links",), True)
    assert "names no bridge in links; add a bridge link" in problem.message and "#inc-" not in problem.message


def test_imported_and_unknown_severities_are_exempt() -> None:
    """A record imported from Statuspage and an unconfigured severity are not judged."""
    assert linked(handled_incident(imported=Imported("statuspage", "abc")), handled_incident(severity="SEV9")) == []
