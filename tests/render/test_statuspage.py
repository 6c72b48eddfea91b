"""The Statuspage-compatible API: files, field shapes and enums, what it lists, and a real Statuspage client reading it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.incident import Update
from generator.model.site import Component
from generator.render.statuspage import RECENT_LIMIT, api_files
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.checks.factories import at, corpus, incident, maintenance, site

REPO = Path(__file__).parents[2]
NOW = "2026-11-23T18:00:00Z"
OPEN = "2026-11-23-api-increased-latency"
UPCOMING = "2026-12-02-api-database-upgrade"
URL = "https://status.example.com/"
FILES = {
    "summary.json",
    "status.json",
    "components.json",
    "incidents.json",
    "incidents/unresolved.json",
    "scheduled-maintenances.json",
    "scheduled-maintenances/upcoming.json",
    "scheduled-maintenances/active.json",
}

TIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"}
TIME_OR_NULL = {"anyOf": [TIME, {"type": "null"}]}
TEXT_OR_NULL = {"type": ["string", "null"]}
COMPONENT_STATUS = {"enum": ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]}


def record(properties: dict, optional: tuple[str, ...] = ()) -> dict:
    """A JSON Schema object with exactly these properties, all required but ``optional``."""
    required = [k for k in properties if k not in optional]
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


PAGE = record({"id": {"type": "string", "pattern": "^[0-9a-f]{12}$"}, "name": {"type": "string"},
               "url": {"type": "string", "pattern": "^https?://"}, "time_zone": {"type": "string"}, "updated_at": TIME,
               "generator": {"type": "string", "pattern": "^Statusbook \\d+\\.\\d+"}})
STATUS = record({"indicator": {"enum": ["none", "minor", "major", "critical", "maintenance"]},
                 "description": {"type": "string"}})
COMPONENT = record(
    {
        "id": {"type": "string"}, "name": {"type": "string"}, "status": COMPONENT_STATUS, "created_at": TIME,
        "updated_at": TIME, "position": {"type": "integer", "minimum": 1}, "description": TEXT_OR_NULL,
        "showcase": {"type": "boolean"}, "start_date": {"type": "null"}, "group_id": TEXT_OR_NULL,
        "page_id": {"type": "string"}, "group": {"type": "boolean"}, "only_show_if_degraded": {"type": "boolean"},
        "components": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
    optional=("components",),
)
AFFECTED = record({"code": {"type": "string"}, "name": {"type": "string"}, "old_status": COMPONENT_STATUS,
                   "new_status": COMPONENT_STATUS})
UPDATE_FIELDS = {
    "id": {"type": "string"}, "body": {"type": "string"}, "incident_id": {"type": "string"}, "created_at": TIME,
    "updated_at": TIME, "display_at": TIME,
    "affected_components": {"anyOf": [{"type": "array", "items": AFFECTED, "minItems": 1}, {"type": "null"}]},
    "deliver_notifications": {"type": "boolean"}, "custom_tweet": TEXT_OR_NULL, "tweet_id": TEXT_OR_NULL,
}


def incident_schema(statuses: list[str], impacts: list[str], extra: dict | None = None) -> dict:
    """The schema of an incident or scheduled maintenance whose updates carry ``statuses``."""
    update = record({"status": {"enum": statuses}, **UPDATE_FIELDS})
    return record({
        "id": {"type": "string"}, "name": {"type": "string"}, "status": {"enum": statuses}, "created_at": TIME,
        "updated_at": TIME, "monitoring_at": TIME_OR_NULL, "resolved_at": TIME_OR_NULL, "impact": {"enum": impacts},
        "shortlink": {"type": "string", "pattern": "^https?://"}, "started_at": TIME, "page_id": {"type": "string"},
        "incident_updates": {"type": "array", "items": update, "minItems": 1},
        "components": {"type": "array", "items": COMPONENT},
        **(extra or {}),
    })


INCIDENT = incident_schema(["investigating", "identified", "monitoring", "resolved"], ["none", "minor", "major", "critical"])
MAINTENANCE = incident_schema(["scheduled", "in_progress", "verifying", "completed"], ["maintenance"],
                              {"scheduled_for": TIME, "scheduled_until": TIME})
COMPONENTS = {"type": "array", "items": COMPONENT}
INCIDENTS = {"type": "array", "items": INCIDENT}
MAINTENANCES = {"type": "array", "items": MAINTENANCE}
SCHEMAS = {
    "summary.json": record({"page": PAGE, "components": COMPONENTS, "incidents": INCIDENTS,
                            "scheduled_maintenances": MAINTENANCES, "status": STATUS}),
    "status.json": record({"page": PAGE, "status": STATUS}),
    "components.json": record({"page": PAGE, "components": COMPONENTS}),
    "incidents.json": record({"page": PAGE, "incidents": INCIDENTS}),
    "incidents/unresolved.json": record({"page": PAGE, "incidents": INCIDENTS}),
    "scheduled-maintenances.json": record({"page": PAGE, "scheduled_maintenances": MAINTENANCES}),
    "scheduled-maintenances/upcoming.json": record({"page": PAGE, "scheduled_maintenances": MAINTENANCES}),
    "scheduled-maintenances/active.json": record({"page": PAGE, "scheduled_maintenances": MAINTENANCES}),
}


@pytest.fixture(scope="module")
def example():
    """The example portal's records."""
    return load_root(REPO).corpus


def example_view(example, now: str = NOW):
    """The example portal's public view at ``now``."""
    return site_view(example, Audience.PUBLIC, parse_now(now))


def api(view) -> dict[str, dict]:
    """Render the API and parse every file, keyed by its name under api/v2/."""
    return {f.path.removeprefix("api/v2/"): json.loads(f.content) for f in api_files(view)}


@pytest.fixture(scope="module")
def files(example) -> dict[str, dict]:
    """The example portal's API at NOW."""
    return api(example_view(example))


COMPS = (
    Component("api", "API", True, group="Platform"),
    Component("web", "Website", True),
    Component("db", "Database", True, group="Platform"),
    Component("ci", "CI runners", False, group="Internal"),
)


def small_view(*incidents, now="2026-06-10T12:00Z", components=COMPS):
    """A public view of a small site over the given records."""
    records = corpus(site=site(url=URL, components=components), incidents=list(incidents))
    return site_view(records, Audience.PUBLIC, at(now))


def open_incident(incident_id="2026-06-10-api-down", **fields):
    """An investigating major outage of the API that started an hour before 12:00."""
    values = dict(
        status="investigating", resolved=None, started=at("2026-06-10T11:00Z"), components={"api": "major_outage"},
        updates=(Update(at("2026-06-10T11:05Z"), "investigating", "Looking.", at("2026-06-10T12:30Z")),),
    )
    values.update(fields)
    return incident(incident_id, **values)


def test_every_file_is_rendered_under_api_v2(files):
    assert set(files) == FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_matches_the_statuspage_shape(files, name):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(SCHEMAS[name]).iter_errors(files[name])]
    assert errors == []


def test_schemas_reject_a_wrong_enum_and_a_missing_field(files):
    summary = json.loads(json.dumps(files["summary.json"]))
    summary["status"]["indicator"] = "green"
    del summary["components"][0]["page_id"]
    errors = list(Draft202012Validator(SCHEMAS["summary.json"]).iter_errors(summary))
    assert len(errors) == 2


def test_page_and_status_describe_the_site_now(files):
    page = files["status.json"]["page"]
    assert page["name"] == "Acme Cloud Status"
    assert page["url"] == "https://status.acme.example"
    assert page["time_zone"] == "Europe/Berlin"
    assert page["updated_at"] == "2026-11-23T17:35:00.000Z"
    assert files["status.json"]["status"] == {"indicator": "minor", "description": "Minor Service Outage"}
    assert all(body["page"] == page for body in files.values())


def test_unresolved_holds_exactly_the_open_incident(files):
    unresolved = files["incidents/unresolved.json"]["incidents"]
    assert [i["id"] for i in unresolved] == [OPEN]
    assert files["summary.json"]["incidents"] == unresolved
    found = unresolved[0]
    assert (found["status"], found["impact"], found["resolved_at"]) == ("monitoring", "minor", None)
    assert found["started_at"] == "2026-11-23T14:48:00.000Z"
    assert found["monitoring_at"] == "2026-11-23T16:44:00.000Z"
    assert found["shortlink"] == f"https://status.acme.example/incidents/{OPEN}/"
    assert [c["id"] for c in found["components"]] == ["api", "webhooks"]


def test_mitigated_incident_no_longer_affects_components(files):
    statuses = {c["id"]: c["status"] for c in files["components.json"]["components"]}
    assert set(statuses.values()) == {"operational"}
    updates = files["incidents/unresolved.json"]["incidents"][0]["incident_updates"]
    api_changes = [(u["affected_components"][0]["old_status"], u["affected_components"][0]["new_status"]) for u in updates]
    assert api_changes == [
        ("operational", "operational"),
        ("degraded_performance", "operational"),
        ("degraded_performance", "degraded_performance"),
        ("operational", "degraded_performance"),
    ]


def test_component_status_during_impact(example):
    during = api(example_view(example, "2026-11-23T15:30:00Z"))
    statuses = {c["id"]: c["status"] for c in during["components.json"]["components"]}
    assert statuses["api"] == statuses["webhooks"] == "degraded_performance"
    assert statuses["group-platform"] == "degraded_performance"
    assert statuses["website"] == statuses["group-customer-facing"] == "operational"
    assert {c["id"]: c["updated_at"] for c in during["components.json"]["components"]}["api"] == "2026-11-23T14:48:00.000Z"


def test_updates_are_newest_first_with_numbered_ids(files):
    found = files["incidents/unresolved.json"]["incidents"][0]
    updates = found["incident_updates"]
    assert [u["id"] for u in updates] == [f"{OPEN}-{n}" for n in (4, 3, 2, 1)]
    assert [u["created_at"] for u in updates] == sorted((u["created_at"] for u in updates), reverse=True)
    assert found["updated_at"] == updates[0]["created_at"] and found["created_at"] == updates[-1]["created_at"]
    assert updates[-1]["body"].startswith("Public API requests are slower than usual")
    assert "**1.8 seconds**" in updates[-1]["body"] and not updates[-1]["body"].endswith("\n")


def test_upcoming_maintenance_is_listed_and_none_is_active(files):
    upcoming = files["scheduled-maintenances/upcoming.json"]["scheduled_maintenances"]
    assert [m["id"] for m in upcoming] == [UPCOMING]
    assert upcoming[0]["scheduled_for"] == "2026-12-02T05:00:00.000Z"
    assert upcoming[0]["scheduled_until"] == "2026-12-02T06:30:00.000Z"
    assert (upcoming[0]["status"], upcoming[0]["impact"]) == ("scheduled", "maintenance")
    assert files["scheduled-maintenances/active.json"]["scheduled_maintenances"] == []
    assert files["summary.json"]["scheduled_maintenances"] == upcoming


def test_maintenance_in_progress_is_active_and_puts_components_under_maintenance():
    running = maintenance(
        "2026-06-10-db-upgrade", status="in_progress", resolved=None, components={"db": "under_maintenance"},
        scheduled_for=at("2026-06-10T11:00Z"), scheduled_until=at("2026-06-10T13:00Z"), started=at("2026-06-10T11:00Z"),
        updates=(
            Update(at("2026-06-09T09:00Z"), "scheduled", "Planned."),
            Update(at("2026-06-10T11:00Z"), "in_progress", "Started."),
        ),
    )
    files = api(small_view(running))
    active = files["scheduled-maintenances/active.json"]["scheduled_maintenances"]
    assert [m["id"] for m in active] == [running.id]
    assert files["scheduled-maintenances/upcoming.json"]["scheduled_maintenances"] == []
    assert files["summary.json"]["scheduled_maintenances"] == active
    assert {c["id"]: c["status"] for c in files["components.json"]["components"]}["db"] == "under_maintenance"
    assert files["status.json"]["status"]["indicator"] == "maintenance"
    assert files["incidents.json"]["incidents"] == []
    changes = [u["affected_components"][0]["new_status"] for u in active[0]["incident_updates"]]
    assert changes == ["under_maintenance", "operational"]


def test_incidents_json_lists_incidents_only(files, example):
    listed = [i["id"] for i in files["incidents.json"]["incidents"]]
    view = example_view(example)
    assert listed == [v.id for v in view.incidents if not v.is_maintenance]
    assert UPCOMING not in listed and OPEN in listed
    maintenances = [m["id"] for m in files["scheduled-maintenances.json"]["scheduled_maintenances"]]
    assert maintenances == [v.id for v in view.incidents if v.is_maintenance]


def test_incidents_json_holds_the_latest_fifty():
    day = at("2026-01-01T10:00Z")
    ends = [day + timedelta(days=n, hours=1) for n in range(RECENT_LIMIT + 10)]
    many = [
        incident(f"2026-01-01-outage-{n:03d}", components={"api": "partial_outage"}, started=end - timedelta(hours=1),
                 resolved=end, updates=(Update(end, "resolved", "Fixed."),))
        for n, end in enumerate(ends)
    ]
    listed = api(small_view(*many, now="2026-12-31T00:00Z"))["incidents.json"]["incidents"]
    assert len(listed) == RECENT_LIMIT
    assert listed[0]["id"] == "2026-01-01-outage-059" and listed[-1]["id"] == "2026-01-01-outage-010"
    assert all(i["resolved_at"] is not None and i["impact"] == "major" for i in listed)


def test_groups_are_components_that_list_their_members():
    components = api(small_view())["components.json"]["components"]
    assert [(c["id"], c["position"], c["group"], c["group_id"]) for c in components] == [
        ("group-platform", 1, True, None),
        ("api", 1, False, "group-platform"),
        ("db", 2, False, "group-platform"),
        ("web", 2, False, None),
    ]
    assert components[0]["components"] == ["api", "db"]
    assert all("components" not in c for c in components[1:])


def test_group_id_never_takes_a_component_id():
    clash = (Component("group-platform", "Platform status", True), Component("api", "API", True, group="Platform"))
    components = api(small_view(components=clash))["components.json"]["components"]
    group = next(c for c in components if c["group"])
    assert group["id"] == "group-platform-2"
    assert next(c for c in components if c["id"] == "api")["group_id"] == "group-platform-2"


def test_group_takes_the_worst_status_of_its_members():
    components = api(small_view(open_incident()))["components.json"]["components"]
    assert {c["id"]: c["status"] for c in components} == {
        "group-platform": "major_outage", "api": "major_outage", "db": "operational", "web": "operational"}


def test_internal_components_and_incidents_appear_nowhere(example):
    rendered = b"".join(f.content for f in api_files(example_view(example)))
    shown = {v.id for v in example_view(example).incidents}
    hidden = [i.id for i in example.incidents if i.id not in shown]
    internal = [c for c in example.site.components if not c.public]
    assert hidden and internal
    for marker in hidden + [c.id for c in internal] + [c.name for c in internal] + ["Internal"]:
        assert marker.encode() not in rendered, marker


def test_internal_impact_is_left_out_of_a_public_incident():
    both = open_incident(components={"api": "partial_outage", "ci": "major_outage"})
    found = api(small_view(both))["incidents/unresolved.json"]["incidents"][0]
    assert found["impact"] == "major"
    assert [c["id"] for c in found["components"]] == ["api"]
    assert [a["code"] for a in found["incident_updates"][0]["affected_components"]] == ["api"]


def test_script_in_a_title_stays_an_inert_json_string():
    title = '</script><script>alert("x")</script> & more'
    rendered = {f.path: f.content for f in api_files(small_view(open_incident(title=title)))}
    for content in rendered.values():
        assert b"<script>" not in content and b"</script>" not in content
    parsed = json.loads(rendered["api/v2/incidents/unresolved.json"])
    assert parsed["incidents"][0]["name"] == title
    assert b"\\u003cscript\\u003e" in rendered["api/v2/incidents/unresolved.json"]


def test_output_is_utf8_without_ascii_escapes():
    named = (Component("api", "Zahlungsdienst Ü", True),)
    content = next(f.content for f in api_files(small_view(components=named)) if f.path.endswith("components.json"))
    assert "Zahlungsdienst Ü".encode() in content


def test_same_view_gives_identical_bytes(example):
    first = [(f.path, f.content) for f in api_files(example_view(example))]
    second = [(f.path, f.content) for f in api_files(example_view(example))]
    assert first == second


def test_timestamps_parse_as_aware_utc(files):
    updates = [u for i in files["incidents.json"]["incidents"] for u in i["incident_updates"]]
    stamps = [files["summary.json"]["page"]["updated_at"]] + [u["display_at"] for u in updates]
    for stamp in stamps:
        assert datetime.fromisoformat(stamp).utcoffset() == timedelta(0)


# A real Statuspage client: statuspage-prometheus-exporter reads summary.json and writes Prometheus metrics.

class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        """Log nothing."""


def serve(directory: Path):
    """Serve ``directory`` over HTTP on 127.0.0.1 in a thread; return the server."""
    handler = partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_exporter(view, tmp_path: Path) -> dict[str, list]:
    """Publish the API of ``view``, run the exporter once against it, and return its metric samples by name."""
    parser = pytest.importorskip("prometheus_client.parser", reason="statuspage-prometheus-exporter is not installed")
    pytest.importorskip("statuspage_prometheus_exporter", reason="statuspage-prometheus-exporter is not installed")
    site = tmp_path / "site"
    for item in api_files(view):
        (site / item.path).parent.mkdir(parents=True, exist_ok=True)
        (site / item.path).write_bytes(item.content)
    server = serve(site)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api/v2/summary.json"
        (tmp_path / "services.json").write_text(json.dumps({"acme": {"url": url, "name": "Acme"}}))
        env = {k: v for k, v in os.environ.items() if "PROXY" not in k.upper() and k != "SLACK_WEBHOOK_URL"}
        env.update(RUN_MODE="once", CLEAR_CACHE="true", SERVICES_JSON_PATH=str(tmp_path / "services.json"),
                   METRICS_TEXTFILE_PATH=str(tmp_path / "metrics.prom"), NO_PROXY="127.0.0.1")
        done = subprocess.run([sys.executable, "-m", "statuspage_prometheus_exporter.status_monitoring"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    assert (tmp_path / "metrics.prom").exists(), done.stderr
    samples: dict[str, list] = {}
    for family in parser.text_string_to_metric_families((tmp_path / "metrics.prom").read_text()):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append(sample)
    return samples


def test_exporter_reads_the_open_incident_and_components(example, tmp_path):
    samples = run_exporter(example_view(example), tmp_path)
    assert [s.value for s in samples["statuspage_probe_check"]] == [1.0]
    assert [s.value for s in samples["statuspage_service_status"]] == [0.0]
    incidents = [s.labels for s in samples["statuspage_incident_info"] if s.value == 1.0]
    assert len(incidents) == 1
    assert incidents[0]["incident_id"] == OPEN
    assert incidents[0]["impact"] == "minor"
    assert incidents[0]["affected_components"] == "Public API, Webhooks"
    assert incidents[0]["started_at"] == "2026-11-23T14:48:00Z"
    assert incidents[0]["shortlink"] == f"https://status.acme.example/incidents/{OPEN}/"
    components = {s.labels["component_name"]: s.value for s in samples["statuspage_component_status"]}
    assert components["Public API"] == components["Webhooks"] == components["Website"] == 1.0
    assert "CI runners" not in components
    maintenance_ids = [s.labels["maintenance_id"] for s in samples["statuspage_maintenance_info"] if s.value == 1.0]
    assert maintenance_ids == [UPCOMING]


def test_exporter_reads_an_outage_and_an_all_clear(tmp_path):
    outage = run_exporter(small_view(open_incident()), tmp_path / "outage")
    components = {s.labels["component_name"]: s.value for s in outage["statuspage_component_status"]}
    assert components["API"] == 0.0 and components["Website"] == 1.0
    assert [s.labels["impact"] for s in outage["statuspage_incident_info"]] == ["critical"]
    quiet = run_exporter(small_view(), tmp_path / "quiet")
    assert [s.value for s in quiet["statuspage_service_status"]] == [1.0]
    assert {s.labels["incident_id"] for s in quiet["statuspage_incident_info"]} == {"none"}
