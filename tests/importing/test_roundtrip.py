"""Round trip: the example portal's own Statuspage-shaped API, imported into an empty portal, keeps its story."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.build import checked_site
from generator.clock import parse_now
from generator.importing.run import import_statuspage
from generator.loading.corpus import load_root
from generator.validate import validate
from generator.views.audience import Audience

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T18:00:00Z"
API_FILES = ("incidents.json", "scheduled-maintenances.json", "components.json")


def export_example(target: Path) -> dict[str, dict]:
    """Render the example portal's public API (no MkDocs build) and save its files as an export."""
    _, _, output = checked_site(REPO, Audience.PUBLIC, parse_now(NOW))
    target.mkdir()
    for name in API_FILES:
        (target / name).write_bytes(output.files[f"api/v2/{name}"])
    return {name: json.loads((target / name).read_text(encoding="utf-8")) for name in API_FILES}


def empty_portal(root: Path) -> Path:
    """A portal with the example's components, severities and people, and no records."""
    (root / "incidents").mkdir(parents=True)
    for name in ("statusbook.yml", "people.yml"):
        shutil.copy(REPO / name, root / name)
    return root


def story(item: dict) -> tuple:
    """What a reader sees of one API record: title, status and its updates oldest first."""
    updates = sorted(item["incident_updates"], key=lambda u: u["display_at"])
    return item["name"], item["status"], tuple((u["status"], u["body"]) for u in updates)


def test_the_example_api_survives_an_import(tmp_path: Path) -> None:
    """Titles, statuses and updates come back; every component is known; the portal validates."""
    exported = export_example(tmp_path / "export")
    root = empty_portal(tmp_path / "portal")
    outcome = import_statuspage(root, tmp_path / "export", parse_now(NOW))
    records = {i.title: i for i in load_root(root).corpus.incidents}
    listed = exported["incidents.json"]["incidents"] + exported["scheduled-maintenances.json"]["scheduled_maintenances"]
    assert outcome.added == [] and len(records) == len(listed) and outcome.skipped == []
    for item in listed:
        record = records[item["name"]]
        assert story(item) == (record.title, record.status, tuple((u.status, u.message.strip()) for u in record.updates))
        assert set(record.components) == {c["id"] for c in item["components"]}
    assert validate(root, parse_now(NOW)).errors == 0
