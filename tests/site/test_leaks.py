"""Nothing internal reaches the public site: plant a unique marker in every internal field and search all output."""

from __future__ import annotations

import gzip
import io
import itertools
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.site.conftest import build_site, copy_portal

MARK = "ZQXLEAK"
counter = itertools.count(1)
# Each severity id of statusbook.yml and the marker that replaces it, there and in every record that names it.
severity_ids: dict[str, str] = {}


def marker(where: str) -> str:
    """Return a fresh marker naming where it was planted."""
    return f"{MARK}{next(counter)}-{where}"


def round_trip() -> YAML:
    """A YAML reader and writer that keeps the file's layout."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def edit_front_matter(path: Path, change) -> None:
    """Apply ``change(front, body) -> body`` to a record's front matter and body."""
    _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
    yaml = round_trip()
    front = yaml.load(front_text)
    body = change(front, body)
    out = io.StringIO()
    yaml.dump(front, out)
    path.write_text("---\n" + out.getvalue() + "---\n" + body, encoding="utf-8")


def plant_incident(front, body: str) -> str:
    """Mark the notes, timeline, handoffs, links, what next after a wait, wrap-up prevention, decisions and escalations of
    every incident; the title and updates of internal ones and of those outside production, which the status page does
    not show."""
    if front.get("severity") in severity_ids:
        front["severity"] = severity_ids[front["severity"]]
    front["links"] = [*(front.get("links") or []), {"kind": "doc", "url": "https://docs.acme.example/", "title": ""}]
    for link in front["links"]:
        link["url"] = f"https://chat.acme.example/{marker('link-url')}"
        link["title"] = marker("link-title")
    for entry in front.get("timeline") or []:
        entry["event"] += " " + marker("timeline")
    for update in front.get("updates") or []:
        if update.get("waiting_on"):
            update["waiting_on"]["what_next"] = marker("waiting-next")
    for decision in front.get("decisions") or []:
        decision["decision"] += " " + marker("decision")
        decision["why"] = (decision.get("why") or "Why.") + " " + marker("decision-why")
    for escalation in front.get("escalations") or []:
        escalation["reason"] += " " + marker("escalation-reason")
    for handoff in front.get("handoffs") or []:
        handoff["status"] += " " + marker("handoff-status")
        handoff["next_steps"] += " " + marker("handoff-steps")
    for update in front.get("updates") or []:
        if "prevention" in update:
            update["prevention"] += " " + marker("prevention")
    if not front["public"] or front.get("environment", "production") != "production":
        front["title"] += " " + marker("internal-title")
        for update in front.get("updates") or []:
            update["message"] += " " + marker("internal-update")
    return body + "\n" + marker("notes") + "\n"


def plant_postmortem(front, body: str) -> str:
    """Mark the tickets of every postmortem, and the text of those not published."""
    for item in front.get("action_items") or []:
        item["ticket"] = marker("ticket")
    published = front["public"] and front["status"] in ("reviewed", "closed")
    return body if published else body + "\n" + marker("postmortem-body") + "\n"


def plant_site(path: Path) -> None:
    """Mark internal components, severity descriptions and the internal portal's address."""
    yaml = round_trip()
    config = yaml.load(path.read_text(encoding="utf-8"))
    config["internal_url"] = f"https://records.example/{marker('internal-url')}/"
    for component in config["components"]:
        if not component["public"]:
            component["name"] = marker("component-name")
            component["description"] = marker("component-description")
            component["group"] = marker("component-group")
    for severity in config["severities"]:
        severity["description"] = marker("severity-description")
        severity["name"] = marker("severity-name")
        severity["id"] = severity_ids.setdefault(severity["id"], marker("severity-id"))
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)


def plant_people(path: Path) -> None:
    """Mark every person's name and contacts."""
    yaml = round_trip()
    people = yaml.load(path.read_text(encoding="utf-8"))
    for person in people["people"]:
        person["name"] += " " + marker("person-name")
        person["contacts"] = {kind: marker(f"contact-{kind}") for kind in person.get("contacts") or {"email": ""}}
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(people, out)


def plant_rotation(front, body: str) -> str:
    """Mark a rotation's name, override reasons and description."""
    front["name"] += " " + marker("rotation-name")
    for override in front.get("overrides") or []:
        override["reason"] = marker("override-reason")
    return body + "\n" + marker("rotation-body") + "\n"


def plant_everything(root: Path) -> None:
    """Plant markers in every internal field of the portal."""
    plant_site(root / "statusbook.yml")
    plant_people(root / "people.yml")
    for record in sorted((root / "incidents").glob("*/*.md")):
        change = plant_postmortem if record.name.endswith(".postmortem.md") else plant_incident
        edit_front_matter(record, change)
    for rotation in sorted((root / "rotations").glob("*.md")):
        edit_front_matter(rotation, plant_rotation)


def output_texts(site_dir: Path):
    """Yield every file of the site as text, unpacking gzip."""
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the example portal with markers everywhere internal, and its public site."""
    base = tmp_path_factory.mktemp("leaks")
    root = copy_portal(base / "portal")
    plant_everything(root)
    site_dir = base / "site"
    result = build_site(root, site_dir)
    assert result.built, [f"{p.path}: {p.message}" for p in result.report.problems if p.level.name == "ERROR"]
    return root, site_dir


def test_markers_were_planted_in_every_kind_of_internal_field(planted):
    root, _ = planted
    text = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file())
    kinds = {"timeline", "handoff-status", "handoff-steps", "internal-title", "internal-update", "notes", "ticket",
             "postmortem-body", "component-name", "component-description", "component-group", "severity-description",
             "severity-name", "severity-id", "link-url", "link-title", "waiting-next", "prevention", "decision", "decision-why",
             "escalation-reason",
             "person-name", "contact-email", "rotation-name", "override-reason", "rotation-body", "internal-url"}
    assert {k for k in kinds if f"-{k}" in text} == kinds


def test_no_marker_reaches_any_public_output_file(planted):
    _, site_dir = planted
    leaks = [(path.relative_to(site_dir).as_posix(), line.strip()[:120])
             for path, text in output_texts(site_dir) for line in text.splitlines() if MARK in line]
    assert leaks == []


def test_internal_component_and_incident_ids_are_absent(planted):
    _, site_dir = planted
    ids = ("ci-runners", "data-warehouse", "2026-06-22-ci-runner-disk-full", "2026-11-23-ci-arm-builds-slow")
    found = [(path.name, i) for path, text in output_texts(site_dir) for i in ids if i in text]
    assert found == []


def test_severity_ids_are_absent(planted):
    """Severity is our internal process: its ids (planted as markers) appear on no public page, feed or API file."""
    root, site_dir = planted
    records = "\n".join(p.read_text(encoding="utf-8") for p in (root / "incidents").glob("*/*.md"))
    assert any(f"severity: {planted_id}" in records for planted_id in severity_ids.values())
    found = [(path.relative_to(site_dir).as_posix(), i) for path, text in output_texts(site_dir)
             for i in severity_ids.values() if i in text]
    assert found == []
