"""Tests of the target rules: response and resolution against the severity."""

from __future__ import annotations

from datetime import timedelta

from generator.model.incident import Update
from tests.checks.factories import at, context, handled_incident, maintenance, run, severity, site

NEXT_DAY = site("Europe/Berlin", severities=(severity("SEV4", response="next_business_day", resolve=timedelta(days=7)),))


def open_incident(**fields):
    """Build an incident detected at 10:05 that is still being investigated."""
    update = Update(at("2026-06-01T10:12Z"), "investigating", "Looking.", at("2026-06-01T10:42Z"))
    values = dict(status="investigating", resolved=None, mitigated=None, mitigation=None, updates=(update,))
    values.update(fields)
    return handled_incident(**values)


def test_good_records_pass() -> None:
    """A fast response and resolution, and maintenance, produce nothing."""
    ctx = context(incidents=[handled_incident(), maintenance(), open_incident()], now="2026-06-01T10:30Z")
    assert run("T501", ctx) == [] and run("T502", ctx) == []


def test_t501_reports_late_acknowledgement() -> None:
    """An acknowledgement later than the response target is a warning at acknowledged."""
    (problem,) = run("T501", context(incidents=[handled_incident(acknowledged=at("2026-06-01T10:47Z"))]))
    assert problem.field == ("acknowledged",)
    assert problem.message == "acknowledged 42 min after detection; SEV2 target is 15 min"


def test_t501_reports_open_unacknowledged_incident_past_target() -> None:
    """An open incident nobody acknowledged breaches once the target passed."""
    incident = open_incident(acknowledged=None)
    (problem,) = run("T501", context(incidents=[incident], now="2026-06-01T11:05Z"))
    assert problem.field == ("status",) and "not acknowledged 1 h after detection" in problem.message
    assert run("T501", context(incidents=[incident], now="2026-06-01T10:15Z")) == []


def test_t501_next_business_day_in_team_zone() -> None:
    """A next-business-day target runs to the end of the next weekday in the team zone."""
    thursday_night = dict(severity="SEV4", started=at("2026-06-04T23:00Z"), detected=at("2026-06-04T23:30Z"))
    on_time = handled_incident(acknowledged=at("2026-06-08T21:00Z"), **thursday_night)
    late = handled_incident(acknowledged=at("2026-06-08T22:30Z"), **thursday_night)
    assert run("T501", context(site=NEXT_DAY, incidents=[on_time])) == []
    (problem,) = run("T501", context(site=NEXT_DAY, incidents=[late]))
    assert "SEV4 target is the end of the next business day (2026-06-08 23:59 Europe/Berlin)" in problem.message


def test_t501_skips_incidents_without_configured_severity_or_detection() -> None:
    """Without a configured severity or a detection time there is no target to measure."""
    late = at("2026-06-01T15:00Z")
    incidents = [handled_incident(severity="SEV9", acknowledged=late), handled_incident(detected=None, acknowledged=late)]
    assert run("T501", context(incidents=incidents)) == []


def test_t502_reports_late_resolution() -> None:
    """A resolution later than the resolve target is a warning at resolved."""
    (problem,) = run("T502", context(incidents=[handled_incident(resolved=at("2026-06-02T16:05Z"))]))
    assert problem.field == ("resolved",)
    assert problem.message == "resolved 30 h after detection; SEV2 target is 24 h"


def test_t502_reports_open_incident_past_target() -> None:
    """An incident still open after the resolve target says how long it has been open."""
    incident = open_incident()
    (problem,) = run("T502", context(incidents=[incident], now="2026-06-02T16:05Z"))
    assert problem.field == ("status",)
    assert problem.message == "open for 30 h; SEV2 target is 24 h"
    assert run("T502", context(incidents=[incident], now="2026-06-02T10:00Z")) == []
