"""The API files agree with each other: wherever the example portal's records are valid, and even rendered unchecked."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from generator.checks.rules import CheckContext
from generator.checks.moments import moment_in_future
from generator.clock import END, iso_utc
from generator.loading.corpus import load_root
from generator.render.statuspage import api_files
from generator.validate import check_loaded
from generator.views.audience import Audience
from generator.views.incidents import IMPACT_OF_STATUS, status_rank
from generator.views.page import site_view

REPO = Path(__file__).parents[2]
MINUTE = timedelta(minutes=1)
INDICATORS = ("none", "maintenance", "minor", "major", "critical")
UNDER_WAY = ("in_progress", "verifying")


def record_moments(corpus) -> set[datetime]:
    """Every moment any record names: milestones, windows, updates and their promises, handoffs, timelines, drafts."""
    found: set[datetime] = set()
    for incident in corpus.incidents:
        names = ("started", "detected", "acknowledged", "mitigated", "resolved", "scheduled_for", "scheduled_until")
        found |= {getattr(incident, n) for n in names}
        found |= {m for u in incident.updates for m in (u.at, u.next_update)}
        found |= {m for h in incident.handoffs for m in (h.at, h.acknowledged_at, h.next_update)}
        found |= {e.at for e in incident.timeline}
    found |= {p.drafted for p in corpus.postmortems}
    return {m for m in found if m is not None}


def status_moments(corpus) -> list[datetime]:
    """The moments a record may change what the API says: milestones, windows and updates."""
    names = ("started", "mitigated", "resolved", "scheduled_for", "scheduled_until")
    found = {getattr(i, n) for i in corpus.incidents for n in names} | {u.at for i in corpus.incidents for u in i.updates}
    return sorted(m for m in found if m is not None)


def candidate_nows(corpus) -> list[datetime]:
    """Each record moment, a minute before and a minute after, and the last moment Statusbook judges."""
    nows = {m + step for m in record_moments(corpus) for step in (-MINUTE, timedelta(0), MINUTE)}
    return sorted(nows | {END - timedelta(seconds=1)})


@pytest.fixture(scope="module")
def loaded():
    """The example portal, loaded once."""
    return load_root(REPO)


def reports_no_future(loaded, now: datetime) -> bool:
    """Whether no record reports a moment after ``now``: cheap to ask, and needed for the records to be valid."""
    return not any(moment_in_future(CheckContext(loaded.corpus, now)))


def valid_nows(loaded) -> list[datetime]:
    """The candidate moments at which the example's records are valid, so a build would publish them."""
    later = [now for now in candidate_nows(loaded.corpus) if reports_no_future(loaded, now)]
    return [now for now in later if not check_loaded(loaded, now).errors]


def api_at(loaded, nows: list[datetime]) -> dict[str, dict[str, dict]]:
    """The parsed API files of both audiences at each of ``nows``, keyed by 'audience now'."""
    found = {}
    for now in nows:
        for audience in Audience:
            files = api_files(site_view(loaded.corpus, audience, now))
            found[f"{audience.value} {iso_utc(now)}"] = {f.path.removeprefix("api/v2/"): json.loads(f.content) for f in files}
    return found


@pytest.fixture(scope="module")
def valid_apis(loaded) -> dict[str, dict[str, dict]]:
    """The API at every candidate moment where a build would publish it."""
    return api_at(loaded, valid_nows(loaded))


@pytest.fixture(scope="module", params=["valid", "unchecked"])
def apis(request, loaded, valid_apis) -> dict[str, dict[str, dict]]:
    """The API where the records are valid, and, rendered without the checks, at every record moment."""
    return valid_apis if request.param == "valid" else api_at(loaded, status_moments(loaded.corpus))


def ids(items: list[dict]) -> list[str]:
    """The ids of API objects, in order."""
    return [item["id"] for item in items]


def components_by_id(files: dict[str, dict]) -> dict[str, dict]:
    """The component objects of components.json, by id."""
    return {c["id"]: c for c in files["components.json"]["components"]}


def affecting(files: dict[str, dict]) -> list[dict]:
    """The unresolved incidents and the maintenance under way: what may give components a status."""
    return files["incidents/unresolved.json"]["incidents"] + files["scheduled-maintenances/active.json"]["scheduled_maintenances"]


def test_the_example_is_valid_at_enough_moments(loaded, valid_apis):
    """The property below is checked at several moments, including the end of the range; earlier ones are refused."""
    assert len(valid_apis) >= 2 * 10
    assert any(key.endswith("9998-12-31T23:59:59Z") for key in valid_apis)
    earliest = min(datetime.fromisoformat(key.split(" ")[1]) for key in valid_apis)
    assert check_loaded(loaded, earliest - timedelta(seconds=1)).errors


def test_unresolved_incidents_agree_across_files(apis):
    """An incident is listed unresolved in incidents.json exactly when unresolved.json and summary.json list it."""
    for key, files in apis.items():
        listed = [i for i in files["incidents.json"]["incidents"] if i["status"] != "resolved"]
        unresolved = files["incidents/unresolved.json"]["incidents"]
        assert sorted(ids(listed)) == sorted(ids(unresolved)), key
        assert files["summary.json"]["incidents"] == unresolved, key
        by_id = {i["id"]: i for i in files["incidents.json"]["incidents"]}
        assert all(by_id[i["id"]] == i for i in unresolved), key


def test_indicator_is_the_worst_of_open_incidents_and_components(apis):
    """The indicator is none exactly when no unresolved incident or running maintenance affects a component."""
    for key, files in apis.items():
        status = files["summary.json"]["status"]
        assert files["status.json"]["status"] == status, key
        impacts = [i["impact"] for i in files["incidents/unresolved.json"]["incidents"]]
        impacts += [IMPACT_OF_STATUS[c["status"]] for c in files["components.json"]["components"]]
        assert status["indicator"] == max(impacts, key=INDICATORS.index, default="none"), key
        touched = any(i["components"] for i in affecting(files))
        assert (status["indicator"] == "none") == (not touched), key


def test_maintenance_lists_agree_with_scheduled_maintenances(apis):
    """Active and upcoming hold exactly the windows scheduled-maintenances.json gives those statuses, summary both."""
    for key, files in apis.items():
        planned = files["scheduled-maintenances.json"]["scheduled_maintenances"]
        active = files["scheduled-maintenances/active.json"]["scheduled_maintenances"]
        upcoming = files["scheduled-maintenances/upcoming.json"]["scheduled_maintenances"]
        assert sorted(ids(active)) == sorted(m["id"] for m in planned if m["status"] in UNDER_WAY), key
        assert sorted(ids(upcoming)) == sorted(m["id"] for m in planned if m["status"] == "scheduled"), key
        assert files["summary.json"]["scheduled_maintenances"] == active + upcoming, key


def test_components_agree_with_what_affects_them(apis):
    """A component is degraded only by an unresolved incident or a running window listing it, and never worse than it."""
    for key, files in apis.items():
        assert files["summary.json"]["components"] == files["components.json"]["components"], key
        for component in components_by_id(files).values():
            if component["group"] or component["status"] == "operational":
                continue
            worst = [i for i in affecting(files) if component["id"] in ids(i["components"])]
            assert worst, f"{key}: {component['id']} is {component['status']} but nothing open affects it"


def test_groups_take_the_worst_status_of_their_members(apis):
    """A group's status is the worst of its members' in components.json."""
    for key, files in apis.items():
        by_id = components_by_id(files)
        for group in (c for c in by_id.values() if c["group"]):
            worst = max((by_id[m]["status"] for m in group["components"]), key=status_rank)
            assert group["status"] == worst, key


def test_nothing_published_lies_after_now(valid_apis):
    """Every update, creation and resolution time in a publishable API is at or before the moment it was built for."""
    for key, files in valid_apis.items():
        now = key.split(" ")[1].replace("Z", ".000Z")
        records = files["incidents.json"]["incidents"] + files["scheduled-maintenances.json"]["scheduled_maintenances"]
        for record in records:
            moments = [record["created_at"], record["updated_at"], record["resolved_at"], record["monitoring_at"]]
            moments += [u["created_at"] for u in record["incident_updates"]]
            assert all(m <= now for m in moments if m is not None), f"{key}: {record['id']}"
        assert files["summary.json"]["page"]["updated_at"] <= now, key
