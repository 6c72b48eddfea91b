"""A build checks the records beside the rendering, in a forked process, and publishes only what they allow."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator.build
import generator.validate
from generator.cli import cli
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.publish import mkdocs_site
from generator.publish.sitedir import SiteTarget
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import NOW, copy_portal, site_files

OPEN_ID = "2026-11-23-api-increased-latency"
INHERITED_REPORT = generator.validate.inherited_report


def noting():
    """Run the checks as a forked checker does, first noting this process's id where the test says."""
    Path(os.environ["CHECKER_PID_FILE"]).write_text(str(os.getpid()))
    return INHERITED_REPORT()


def dying():
    """Die as a checker killed for want of memory would."""
    os._exit(9)


def run(root: Path, site_dir: Path, *extra: str):
    """Run statusbook build through the CLI and return the result."""
    return CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(site_dir), "--now", NOW, *extra])


@pytest.fixture
def portal(tmp_path) -> Path:
    """A fresh copy of the example portal."""
    return copy_portal(tmp_path / "portal")


@pytest.fixture
def checked_by(tmp_path, monkeypatch) -> Path:
    """Check every corpus beside the build, however small, noting in a file the process that ran the checks."""
    noted = tmp_path / "checker.pid"
    monkeypatch.setenv("CHECKER_PID_FILE", str(noted))
    monkeypatch.setattr(generator.validate, "CHECK_BESIDE_FROM", 0)
    monkeypatch.setattr(generator.validate, "inherited_report", noting)
    return noted


def detect_before_start(root: Path) -> None:
    """Move one incident's detection before its start: the record loads, and only the checks refuse it (I201)."""
    record = root / "incidents" / "2026" / f"{OPEN_ID}.md"
    text = record.read_text(encoding="utf-8").replace("detected: 2026-11-23T14:55:00Z", "detected: 2026-11-23T13:55:00Z")
    record.write_text(text, encoding="utf-8")


def test_checks_in_a_forked_process_give_the_same_site_and_report_as_checks_in_this_one(portal, tmp_path, checked_by):
    beside = run(portal, tmp_path / "beside", "--no-cache")
    assert beside.exit_code == 0, beside.output
    assert int(checked_by.read_text()) != os.getpid()
    checked_by.unlink()
    generator.validate.CHECK_BESIDE_FROM = 10**9
    before = run(portal, tmp_path / "before", "--no-cache")
    assert before.exit_code == 0 and not checked_by.exists()
    assert site_files(tmp_path / "beside") == site_files(tmp_path / "before")
    assert [line for line in beside.output.splitlines() if line.startswith("Checked")] == \
        [line for line in before.output.splitlines() if line.startswith("Checked")] != []


def test_errors_the_checks_find_after_rendering_leave_the_site_and_cache_as_they_were(portal, tmp_path, checked_by):
    site_dir = tmp_path / "site"
    assert run(portal, site_dir).exit_code == 0
    before = snapshot(tmp_path, skip=(portal, checked_by))
    detect_before_start(portal)
    result = run(portal, site_dir)
    assert result.exit_code == 1, result.output
    assert "Rendering" in result.output and "[I201]" in result.output
    assert result.output.endswith(f"Error: the records are invalid; {site_dir} was left unchanged.\n")
    assert changes(before, snapshot(tmp_path, skip=(portal, checked_by))) == []


def test_a_view_that_fails_on_invalid_records_reports_the_records(portal, tmp_path, checked_by, monkeypatch):
    def failing(*arguments):
        raise KeyError("a view of records the checks refuse")

    monkeypatch.setattr(generator.build, "site_view", failing)
    detect_before_start(portal)
    result = run(portal, tmp_path / "site")
    assert result.exit_code == 1 and "[I201]" in result.output and not (tmp_path / "site").exists()


def test_a_view_that_fails_on_valid_records_is_not_hidden(portal, tmp_path, checked_by, monkeypatch):
    def failing(*arguments):
        raise KeyError("a bug in a view")

    monkeypatch.setattr(generator.build, "site_view", failing)
    result = run(portal, tmp_path / "site")
    assert isinstance(result.exception, KeyError) and not (tmp_path / "site").exists()


def test_a_checker_that_dies_fails_the_build_and_leaves_the_site_alone(portal, tmp_path, checked_by, monkeypatch):
    site_dir = tmp_path / "site"
    assert run(portal, site_dir).exit_code == 0
    before = snapshot(tmp_path, skip=(portal, checked_by))
    monkeypatch.setattr(generator.validate, "inherited_report", dying)
    result = run(portal, site_dir)
    assert result.exit_code == 1
    assert "Error: the process checking the records stopped before it finished" in result.output
    assert changes(before, snapshot(tmp_path, skip=(portal, checked_by))) == []


def test_a_build_stops_as_soon_as_the_checks_report_errors(portal, tmp_path, checked_by, monkeypatch):
    ran: list[str] = []
    monkeypatch.setattr(generator.validate.ForkedReport, "ready", lambda self: self.future.result() is not None)
    monkeypatch.setattr(mkdocs_site, "run_mkdocs", lambda *arguments: ran.append("mkdocs"))
    detect_before_start(portal)
    result = run(portal, tmp_path / "site")
    assert result.exit_code == 1 and "[I201]" in result.output
    assert "Rendering" not in result.output and ran == [] and not (tmp_path / "site").exists()


def test_a_checkpoint_that_raises_stops_the_build_before_mkdocs_and_keeps_the_site(portal, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    assert run(portal, site_dir).exit_code == 0
    before = snapshot(tmp_path, skip=(portal,))
    calls: list[int] = []

    def stop_at_the_third() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise generator.build.RecordsInvalid()

    ran: list[str] = []
    monkeypatch.setattr(mkdocs_site, "run_mkdocs", lambda *arguments: ran.append("mkdocs"))
    view = site_view(load_root(portal).corpus, Audience.PUBLIC, parse_now(NOW))
    files, settings = generator.build.site_files(view), generator.build.settings_for(view, parse_now(NOW))
    with pytest.raises(generator.build.RecordsInvalid):
        mkdocs_site.publish(files, settings, SiteTarget(site_dir, portal), lambda _: None, checkpoint=stop_at_the_third)
    files.close()
    assert ran == [] and len(calls) == 3 and gc.isenabled()
    assert changes(before, snapshot(tmp_path, skip=(portal,))) == []
