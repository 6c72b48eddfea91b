"""Incremental builds: after a change, a build writes only what changed and gives exactly the files of a clean build."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.loading.memo import memo_file_for
from generator.publish import cache as cache_module
from generator.publish import mkdocs_site
from generator.publish.cache import CACHE_FOLDER, default_cache_file
from generator.publish.spare import is_spare, spare_folder
from generator.render import urls
from generator.render.pages import PageRenderer
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import NOW, copy_portal, site_files

LATER = "2026-11-24T12:00:00Z"
EDITED_ID = "2026-06-09-api-elevated-errors"
EDITED = f"incidents/2026/{EDITED_ID}.md"
REMOVED = "incidents/2026/2026-07-28-search-indexing-delay.md"
REUSING = re.compile(r"^Reusing (\d+) unchanged files of the previous build; writing (\d+)$", re.MULTILINE)


def run_build(root: Path, site_dir: Path, audience: str = "public", *extra: str, now: str = NOW):
    """Run statusbook build through the CLI and return the result, which must succeed."""
    arguments = ["build", "--root", str(root), "--audience", audience, "--site-dir", str(site_dir), "--now", now, *extra]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    return result


def reused(output: str) -> tuple[int, int]:
    """How many files a build reused and wrote, from its progress lines; (0, 0) for a clean build."""
    found = REUSING.search(output)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def clean_build(root: Path, folder: Path, audience: str = "public", now: str = NOW) -> dict[str, bytes]:
    """The files of a clean build of the same records into a new folder, without the cache."""
    run_build(root, folder, audience, "--no-cache", now=now)
    return site_files(folder)


def retitle(root: Path) -> None:
    """Change one incident's title, as an author editing a record would."""
    record = root / EDITED
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")


@pytest.fixture
def portal(tmp_path) -> Path:
    """A fresh copy of the example portal."""
    return copy_portal(tmp_path / "portal")


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_an_edited_incident_rewrites_only_what_shows_it_and_matches_a_clean_build(portal, tmp_path, audience):
    site_dir = tmp_path / "out" / "site"
    assert reused(run_build(portal, site_dir, audience).output) == (0, 0)
    retitle(portal)
    kept, written = reused(run_build(portal, site_dir, audience).output)
    assert kept > 5 * written > 0
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean", audience)
    assert "Edited " in (site_dir / "incidents" / "2026-06-09-api-elevated-errors" / "index.html").read_text(encoding="utf-8")


def test_a_later_moment_and_a_removed_incident_match_a_clean_build(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    (portal / REMOVED).unlink()
    result = run_build(portal, site_dir, now=LATER)
    assert reused(result.output)[0] > 0
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean", now=LATER)
    assert not (site_dir / "incidents" / "2026-07-28-search-indexing-delay").exists()


def test_changed_settings_build_everything(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    config = portal / "statusbook.yml"
    config.write_text(re.sub(r"^name: .*$", "name: Renamed Status", config.read_text(encoding="utf-8"), count=1, flags=re.M),
                      encoding="utf-8")
    assert reused(run_build(portal, site_dir).output) == (0, 0)
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")


def test_a_file_touched_in_the_site_means_a_clean_build(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    page = site_dir / "subscribe" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>hand edit</p></body>"), encoding="utf-8")
    retitle(portal)
    assert reused(run_build(portal, site_dir).output) == (0, 0)
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")


def test_no_cache_neither_reads_nor_writes_the_cache(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    cache = default_cache_file(site_dir)
    before = cache.read_bytes()
    retitle(portal)
    assert reused(run_build(portal, site_dir, "public", "--no-cache").output) == (0, 0)
    assert cache.read_bytes() == before
    # The site no longer is the build the cache describes, so the next build is clean too.
    assert reused(run_build(portal, site_dir).output) == (0, 0)


def test_a_foreign_file_where_the_cache_goes_is_left_alone(portal, tmp_path):
    site_dir = tmp_path / "site"
    cache = default_cache_file(site_dir)
    cache.parent.mkdir()
    cache.write_text("my notes\n", encoding="utf-8")
    result = run_build(portal, site_dir)
    assert f"Not using {cache}: it is not a Statusbook build cache; building everything" in result.output
    assert cache.read_text(encoding="utf-8") == "my notes\n"


def test_a_corrupt_cache_means_a_clean_build_and_is_replaced(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    cache = default_cache_file(site_dir)
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["digests"] = {path: "0" * 32 for path in data["digests"]}
    cache.write_text(json.dumps(data), encoding="utf-8")
    retitle(portal)
    assert reused(run_build(portal, site_dir).output) == (0, 0)
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")
    assert reused(run_build(portal, site_dir).output)[1] < 5


def test_a_failed_incremental_build_leaves_the_site_and_the_cache_as_they_were(portal, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    before = snapshot(tmp_path, skip=(portal,))
    retitle(portal)
    fail_to_publish(portal, site_dir, monkeypatch)
    assert changes(before, snapshot(tmp_path, skip=(portal,))) == []


def fail_to_publish(portal: Path, site_dir: Path, monkeypatch) -> None:
    """Build once more, with the disk found full when the build would take the site's place; the build must fail."""
    def full(built, target, holding):
        raise OSError(28, os.strerror(28), str(built))

    monkeypatch.setattr(mkdocs_site, "replace_site", full)
    result = CliRunner().invoke(cli, ["build", "--root", str(portal), "--site-dir", str(site_dir), "--now", NOW])
    assert result.exit_code == 1 and "Reusing" in result.output


def test_files_linked_from_the_previous_build_are_never_written_through(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    inodes = {path: os.stat(site_dir / path).st_ino for path in site_files(site_dir)}
    contents = site_files(site_dir)
    retitle(portal)
    run_build(portal, site_dir)
    after = site_files(site_dir)
    for path, content in after.items():
        if path in inodes and os.stat(site_dir / path).st_ino == inodes[path]:
            assert content == contents[path], f"{path} was rewritten in place"


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_records_that_did_not_change_are_not_rendered_again(portal, tmp_path, monkeypatch, audience):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir, audience)
    rendered: list[str] = []
    body = PageRenderer.body
    monkeypatch.setattr(PageRenderer, "body", lambda self, view, template, source, *rest: rendered.append(source)
                        or body(self, view, template, source, *rest))
    retitle(portal)
    run_build(portal, site_dir, audience)
    records = {source for source in rendered if re.match(r"(incidents|postmortems)/\d{4}-", source)}
    assert records == {f"incidents/{EDITED_ID}.md", f"postmortems/{EDITED_ID}.md"}
    listings = {source for source in rendered if source.startswith(("history/", "components/"))}
    assert listings == {urls.month_page("2026-06"), urls.component_page("api")}  # June is only linked from the history
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean", audience)


def test_a_kept_file_the_site_no_longer_holds_fails_the_build_and_keeps_the_site(portal, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    before = snapshot(tmp_path, skip=(portal,))
    retitle(portal)
    monkeypatch.setattr(mkdocs_site, "reusable", lambda *arguments: frozenset())
    result = CliRunner().invoke(cli, ["build", "--root", str(portal), "--site-dir", str(site_dir), "--now", NOW])
    assert result.exit_code == 1
    assert "the site folder changed while it was being built; build again" in result.output
    assert changes(before, snapshot(tmp_path, skip=(portal,))) == []


def test_unchanged_files_are_copied_where_links_cannot_be_made(portal, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    retitle(portal)

    def refused(source, target):
        raise OSError(1, os.strerror(1), str(target))

    monkeypatch.setattr(cache_module.os, "link", refused)
    assert reused(run_build(portal, site_dir).output)[0] > 0
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")


def test_the_record_memo_lives_in_the_accounts_cache_never_beside_the_site(portal, tmp_path):
    site_dir = tmp_path / "out" / "site"
    run_build(portal, site_dir)
    memo = memo_file_for(portal)
    assert memo.is_file() and tmp_path / "out" not in memo.parents
    assert sorted(p.name for p in (tmp_path / "out" / CACHE_FOLDER).iterdir()) == ["site.json"]


def test_no_cache_writes_no_record_memo(portal, tmp_path):
    run_build(portal, tmp_path / "site", "public", "--no-cache")
    assert not memo_file_for(portal).exists()


def folders(site_dir: Path) -> list[str]:
    """Every folder of a built site, by relative path."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_dir())


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_a_build_started_from_the_spare_tree_matches_a_clean_build_folders_included(portal, tmp_path, audience):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir, audience)
    retitle(portal)
    run_build(portal, site_dir, audience)
    assert is_spare(spare_folder(default_cache_file(site_dir)))
    (portal / REMOVED).unlink()
    assert reused(run_build(portal, site_dir, audience, now=LATER).output)[0] > 0
    clean = tmp_path / "clean"
    assert site_files(site_dir) == clean_build(portal, clean, audience, now=LATER)
    assert folders(site_dir) == folders(clean)


def test_a_failed_build_started_from_the_spare_never_changes_the_site(portal, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    retitle(portal)
    run_build(portal, site_dir)
    spare = spare_folder(default_cache_file(site_dir))
    before = snapshot(tmp_path, skip=(portal, spare))
    retitle(portal)
    fail_to_publish(portal, site_dir, monkeypatch)
    assert changes(before, snapshot(tmp_path, skip=(portal, spare))) == []


def test_files_the_spare_shares_with_the_site_are_never_written_through(portal, tmp_path):
    site_dir = tmp_path / "site"
    run_build(portal, site_dir)
    for _ in range(3):
        contents = site_files(site_dir)
        inodes = {path: os.stat(site_dir / path).st_ino for path in contents}
        retitle(portal)
        run_build(portal, site_dir)
        for path, content in site_files(site_dir).items():
            if path in inodes and os.stat(site_dir / path).st_ino == inodes[path]:
                assert content == contents[path], f"{path} was rewritten in place"
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")


def test_a_folder_where_the_spare_goes_that_is_not_ours_is_left_alone(portal, tmp_path):
    site_dir = tmp_path / "site"
    mine = spare_folder(default_cache_file(site_dir))
    (mine / "site").mkdir(parents=True)
    (mine / "site" / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(mine)
    for _ in range(3):
        retitle(portal)
        run_build(portal, site_dir)
    assert snapshot(mine) == before
    assert site_files(site_dir) == clean_build(portal, tmp_path / "clean")
