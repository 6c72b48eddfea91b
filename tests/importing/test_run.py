"""Tests of a whole import: what it writes, that the portal stays valid, and that nothing existing is touched."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.build import build
from generator.clock import parse_now
from generator.importing import write
from generator.responder import lock
from generator.validate import validate
from generator.views.audience import Audience
from tests.hostile.tree import changes, snapshot
from tests.importing.conftest import EXPORT, NOW, run_import

WRITTEN = [
    "incidents/2026/2026-10-01-elevated-api-error-rates.md",
    "incidents/2026/2026-10-08-webhook-deliveries-delayed.md",
    "incidents/2026/2026-10-21-uberweisungen-verzogert.md",
    "incidents/2026/2026-11-07-database-upgrade.md",
    "incidents/2026/2026-11-20-search-results-delayed.md",
    "statusbook.yml",
]
EXISTING = """---
title: Elevated API error rates
type: incident
severity: SEV1
status: resolved
public: true
components:
  api: major_outage
started: 2026-09-30T22:31:00Z
detected: 2026-09-30T22:40:00Z
resolved: 2026-10-01T01:10:00Z
commander: alice
updates:
  - at: 2026-10-01T01:10:00Z
    status: resolved
    message: Written by hand before the import.
---
"""


def test_the_import_writes_every_record_and_reports_what_did_not_fit(portal: Path) -> None:
    """Each file is listed, then the summary, the added components and the notes with their Statuspage ids."""
    result = run_import(portal, str(EXPORT))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:6] == WRITTEN
    assert lines[6] == "Imported 4 incidents and 1 maintenance, added 3 components; skipped 0 already imported; 6 notes"
    assert "  wb7h2n5c9k0e: update at 2026-10-12T09:00:00Z has status 'postmortem'; recorded as resolved" in lines
    assert any(line.startswith("  wb7h2n5c9k0e: component group 'Platform'") for line in lines)
    assert "  component search: added for Statuspage component x2m9c4rtp8aa (Search)" in lines


def test_the_imported_portal_validates_and_its_public_site_shows_the_records(portal: Path, tmp_path: Path) -> None:
    """No errors; the built status page lists the imported incidents, unicode titles included."""
    assert run_import(portal, str(EXPORT)).exit_code == 0
    assert validate(portal, parse_now(NOW)).errors == 0
    result = build(portal, Audience.PUBLIC, tmp_path / "site", parse_now(NOW))
    assert result.built, result.report.problems
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    for title in ("Elevated API error rates", "Überweisungen verzögert – 支払いの遅延", "Database upgrade", "Search results delayed"):
        assert title in pages


def test_a_rerun_writes_nothing(portal: Path) -> None:
    """Importing the same export again skips every record and leaves the tree identical."""
    run_import(portal, str(EXPORT))
    before = snapshot(portal)
    result = run_import(portal, str(EXPORT))
    assert result.exit_code == 0 and changes(before, snapshot(portal)) == []
    assert "Imported 0 incidents and 0 maintenances, added 0 components; skipped 5 already imported; 0 notes" in result.output


def test_an_existing_file_is_never_touched(portal: Path) -> None:
    """A record at the target path is left as it is and reported; the others are written."""
    target = portal / WRITTEN[0]
    target.parent.mkdir(parents=True)
    target.write_text(EXISTING, encoding="utf-8")
    before = snapshot(portal)
    result = run_import(portal, str(EXPORT))
    assert result.exit_code == 0, result.output
    assert f"  ap9x3m1q7z4t: skipped, {WRITTEN[0]} already exists; left as it is" in result.output
    assert changes(before, snapshot(portal)) == ["+ " + p for p in WRITTEN[1:-1]] + ["~ statusbook.yml"]
    assert target.read_text(encoding="utf-8") == EXISTING


def test_dry_run_prints_and_changes_nothing(portal: Path) -> None:
    """--dry-run lists what it would write and leaves the tree identical."""
    before = snapshot(portal)
    result = run_import(portal, str(EXPORT), "--dry-run")
    assert result.exit_code == 0 and changes(before, snapshot(portal)) == []
    assert result.output.splitlines()[0] == "Would write " + WRITTEN[0] and "Would import 4 incidents" in result.output


def test_an_invalid_result_is_refused_and_nothing_is_written(portal: Path) -> None:
    """Judged before the records happened, they lie in the future: refused, exit 1, tree identical."""
    before = snapshot(portal)
    result = run_import(portal, str(EXPORT), now="2026-10-15T00:00:00Z")
    assert result.exit_code == 1 and "Refused: the import would make the portal invalid" in result.output
    assert "I206" in result.output and changes(before, snapshot(portal)) == []


def test_a_failure_midway_removes_what_the_import_created(portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When statusbook.yml cannot be written, the records already created are removed again."""
    before = snapshot(portal)

    def fail(target: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "write_atomic", fail)
    result = run_import(portal, str(EXPORT))
    assert result.exit_code == 1
    assert result.output.startswith("Error: could not write statusbook.yml ([Errno 28] No space left on device); removed the ")
    assert changes(before, snapshot(portal)) == []


@pytest.mark.parametrize(("content", "message"), [
    ('{"incidents": [', "incidents.json:1:16: not valid JSON"),
    ('{"page": {}}', "is not a Statuspage API export"),
])
def test_bad_sources_are_usage_errors(portal: Path, tmp_path: Path, content: str, message: str) -> None:
    """Broken or foreign JSON exits 2 with the file named and changes nothing."""
    source = tmp_path / "incidents.json"
    source.write_text(content, encoding="utf-8")
    before = snapshot(portal)
    result = run_import(portal, str(source))
    assert result.exit_code == 2 and message in result.output and changes(before, snapshot(portal)) == []


def test_a_missing_source_or_unknown_commander_is_a_usage_error(portal: Path, tmp_path: Path) -> None:
    """Exit 2 for a SOURCE that does not exist and for a --commander people.yml lacks."""
    before = snapshot(portal)
    assert run_import(portal, str(tmp_path / "nowhere")).exit_code == 2
    result = run_import(portal, str(EXPORT), "--commander", "zoe")
    assert result.exit_code == 2 and "zoe" in result.output and changes(before, snapshot(portal)) == []


def test_a_portal_without_severities_is_a_usage_error(portal: Path) -> None:
    """Exit 2, not a crash, when statusbook.yml lists no severity to give imported incidents."""
    config = portal / "statusbook.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("severities:")] + "severities: []\n", encoding="utf-8")
    before = snapshot(portal)
    result = run_import(portal, str(EXPORT))
    assert result.exit_code == 2, result.output
    assert "statusbook.yml defines no severities" in result.output and changes(before, snapshot(portal)) == []


def test_the_import_holds_the_edit_lock_while_it_writes(portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The records are written while the portal's edit lock is held."""
    seen: list[bool] = []

    @contextmanager
    def recording(root: Path, **_):
        seen.append(root == portal and not (portal / WRITTEN[0]).exists())
        yield
        seen.append((portal / WRITTEN[0]).exists())

    monkeypatch.setattr(lock, "editing", recording)
    assert run_import(portal, str(EXPORT)).exit_code == 0 and seen == [True, True]
