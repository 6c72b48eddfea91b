"""Views: what an audience sees, component status, the page indicator, uptime bars and history."""

from __future__ import annotations

from generator.model.incident import Update
from generator.model.site import Component
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, incident, postmortem, site

COMPONENTS = (
    Component("api", "API", True, group="Platform"),
    Component("web", "Website", True),
    Component("ci", "CI runners", False, group="Internal"),
)
NOW = at("2026-06-10T12:00Z")


def view(*incidents, audience=Audience.PUBLIC, now=NOW, postmortems=()):
    """Compute a site view over the given incidents."""
    records = corpus(site=site(components=COMPONENTS), incidents=list(incidents), postmortems=list(postmortems))
    return site_view(records, audience, now)


def open_incident(incident_id="2026-06-10-api-down", impact="major_outage", **fields):
    """An investigating incident on the API that started an hour before NOW."""
    values = dict(
        status="investigating",
        resolved=None,
        started=at("2026-06-10T11:00Z"),
        components={"api": impact},
        updates=(Update(at("2026-06-10T11:05Z"), "investigating", "Looking.", at("2026-06-10T12:30Z")),),
    )
    values.update(fields)
    return incident(incident_id, **values)


def test_public_view_hides_internal_incidents_components_and_unreviewed_postmortems():
    internal = open_incident("2026-06-10-ci-slow", public=False, components={"ci": "major_outage"})
    only_internal_component = open_incident("2026-06-09-ci-disk", components={"ci": "partial_outage"})
    shown = open_incident(components={"api": "major_outage", "ci": "major_outage"})
    draft = postmortem(shown.id, public=True, status="draft")
    seen = view(internal, only_internal_component, shown, postmortems=[draft])
    assert [v.id for v in seen.incidents] == [shown.id]
    assert [a.component.id for a in seen.incidents[0].affected] == ["api"]
    assert [s.component.id for s in seen.status.components] == ["api", "web"]
    assert seen.incidents[0].postmortem is None


def test_public_view_shows_production_incidents_only_unless_configured():
    """A public staging incident stays off the status page and leaves the component operational, until listed."""
    staging = open_incident("2026-06-10-api-staging", environment="staging")
    production = open_incident("2026-06-10-api-down", environment="production")
    seen = view(staging, production)
    assert [v.id for v in seen.incidents] == [production.id]
    alone = view(staging)
    assert alone.incidents == () and {s.component.id: s.status for s in alone.status.components}["api"] == "operational"
    records = corpus(site=site(components=COMPONENTS, public_environments=("production", "staging")), incidents=[staging])
    assert [v.id for v in site_view(records, Audience.PUBLIC, NOW).incidents] == [staging.id]
    assert [v.id for v in view(staging, audience=Audience.INTERNAL).incidents] == [staging.id]


def test_internal_view_sees_everything():
    internal = open_incident("2026-06-10-ci-slow", public=False, components={"ci": "major_outage"})
    seen = view(internal, audience=Audience.INTERNAL)
    assert [v.id for v in seen.incidents] == [internal.id]
    assert {s.component.id: s.status for s in seen.status.components}["ci"] == "major_outage"


def test_reviewed_public_postmortem_is_published_without_authors_or_owners():
    shown = open_incident()
    reviewed = postmortem(shown.id, public=True, status="reviewed", authors=("alice",))
    published = view(shown, postmortems=[reviewed]).incidents[0].postmortem
    assert published is not None and published.status == "reviewed"
    assert not hasattr(published, "authors")


def test_open_incident_sets_component_status_and_indicator():
    seen = view(open_incident(impact="partial_outage"))
    statuses = {s.component.id: s.status for s in seen.status.components}
    assert statuses == {"api": "partial_outage", "web": "operational"}
    assert seen.status.indicator == "major"
    assert seen.status.description == "Partial System Outage"


def test_mitigated_incident_stays_active_but_no_longer_degrades_components():
    mitigated = open_incident(status="monitoring", mitigated=at("2026-06-10T11:40Z"), impact="degraded_performance")
    seen = view(mitigated)
    assert [v.id for v in seen.status.active] == [mitigated.id]
    assert {s.component.id: s.status for s in seen.status.components}["api"] == "operational"
    assert seen.status.indicator == "minor"


def test_resolved_incident_leaves_all_operational():
    seen = view(incident("2026-06-01-old", components={"api": "major_outage"}))
    assert seen.status.indicator == "none"
    assert seen.status.active == ()


def test_maintenance_in_progress_and_upcoming():
    window = dict(type="maintenance", severity=None, components={"web": "under_maintenance"}, resolved=None)
    running = incident("2026-06-10-web-upgrade", status="in_progress", started=at("2026-06-10T11:30Z"),
                       scheduled_for=at("2026-06-10T11:30Z"), scheduled_until=at("2026-06-10T13:00Z"),
                       updates=(Update(at("2026-06-01T09:00Z"), "scheduled", "Planned."),), **window)
    planned = incident("2026-06-20-api-upgrade", status="scheduled", started=None,
                       scheduled_for=at("2026-06-20T04:00Z"), scheduled_until=at("2026-06-20T05:00Z"),
                       updates=(Update(at("2026-06-05T09:00Z"), "scheduled", "Planned."),), **window)
    seen = view(running, planned)
    assert [v.id for v in seen.status.maintenance_now] == [running.id]
    assert [v.id for v in seen.status.maintenance_upcoming] == [planned.id]
    assert {s.component.id: s.status for s in seen.status.components}["web"] == "under_maintenance"
    assert seen.status.indicator == "maintenance"


def test_uptime_counts_major_outage_in_full_and_partial_at_thirty_percent():
    major = incident("2026-06-08-api-down", components={"api": "major_outage"},
                     started=at("2026-06-08T10:00Z"), resolved=at("2026-06-08T11:00Z"))
    partial = incident("2026-06-09-api-slow", components={"api": "partial_outage"},
                       started=at("2026-06-09T10:00Z"), resolved=at("2026-06-09T12:00Z"))
    bars = {u.component.id: u for u in view(major, partial).uptime}
    api = bars["api"]
    assert len(api.days) == 90 and api.days[-1].day.isoformat() == "2026-06-10"
    days = {d.day.isoformat(): d for d in api.days}
    assert days["2026-06-08"].status == "major_outage" and days["2026-06-08"].minutes == (("major_outage", 60),)
    assert days["2026-06-09"].minutes == (("partial_outage", 120),)
    window_minutes = (89 * 24 + 12) * 60
    expected = 100 * (1 - (60 + 0.3 * 120) / window_minutes)
    assert api.percent == int(expected * 100) / 100
    assert bars["web"].percent == 100.0 and bars["web"].impacted_days == ()


def test_uptime_splits_an_incident_across_days_of_the_team_time_zone():
    overnight = incident("2026-06-08-api-down", components={"api": "major_outage"},
                         started=at("2026-06-08T21:30Z"), resolved=at("2026-06-08T22:30Z"))
    records = corpus(site=site("Europe/Berlin", components=COMPONENTS), incidents=[overnight])
    api = site_view(records, Audience.PUBLIC, NOW).uptime[0]
    minutes = {d.day.isoformat(): d.minutes for d in api.impacted_days}
    assert minutes == {"2026-06-08": (("major_outage", 30),), "2026-06-09": (("major_outage", 30),)}


def test_history_groups_by_month_newest_first():
    may = incident("2026-05-31-late", components={"api": "major_outage"}, started=at("2026-05-31T23:00Z"))
    june = incident("2026-06-02-early", components={"api": "major_outage"}, started=at("2026-06-02T01:00Z"))
    seen = view(may, june)
    assert [(m.key, [v.id for v in m.incidents]) for m in seen.months] == [
        ("2026-06", [june.id]), ("2026-05", [may.id])
    ]
    assert [v.id for v in seen.incidents_of("api")] == [june.id, may.id]


def test_a_component_named_by_a_mitigated_incident_is_recovering_not_operational():
    mitigated = open_incident(status="monitoring", mitigated=at("2026-06-10T11:40Z"), impact="degraded_performance")
    states = {s.component.id: s for s in view(mitigated).status.components}
    api, web = states["api"], states["web"]
    assert api.status == "operational" and api.incident is not None and api.incident.id == mitigated.id
    assert (api.words, api.summary, api.state) == ("Recovering", "Recovering: monitoring a fix", "recovering")
    assert (web.words, web.summary, web.incident) == ("Operational", "Operational", None)


def test_a_component_in_an_open_outage_names_the_outage_and_what_is_being_done():
    api = view(open_incident()).status.components[0]
    assert (api.status, api.words, api.summary) == ("major_outage", "Major outage", "Major outage: investigating the cause")


def test_a_resolved_incident_no_longer_names_its_components():
    api = view(incident("2026-06-01-old", components={"api": "major_outage"})).status.components[0]
    assert (api.incident, api.summary) == (None, "Operational")


def test_todays_bar_counts_an_open_outage_up_to_now():
    api = view(open_incident()).uptime[0]
    today = api.days[-1]
    assert today.day.isoformat() == "2026-06-10" and today.status == "major_outage"
    assert today.minutes == (("major_outage", 60),)
    assert api.percent < 100


def test_an_open_outage_without_a_start_counts_from_its_first_update():
    api = view(open_incident(started=None)).uptime[0]
    assert api.days[-1].status == "major_outage" and api.days[-1].minutes == (("major_outage", 55),)


def test_recent_days_list_the_last_week_newest_first_with_what_began_on_each():
    old = incident("2026-06-01-old", components={"api": "major_outage"}, started=at("2026-06-01T10:00Z"))
    earlier = incident("2026-06-08-api-slow", components={"api": "partial_outage"}, started=at("2026-06-08T10:00Z"),
                       resolved=at("2026-06-08T11:00Z"))
    today = open_incident()
    days = view(old, earlier, today).recent
    assert [d.day.isoformat() for d in days] == [f"2026-06-{n:02d}" for n in range(10, 3, -1)]
    assert {d.day.isoformat(): [v.id for v in d.incidents] for d in days if d.incidents} == {
        "2026-06-10": [today.id], "2026-06-08": [earlier.id]
    }
