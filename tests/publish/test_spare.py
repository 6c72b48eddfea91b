"""The spare tree: taken, pruned to the files it shares with the live site, and kept, on small trees without MkDocs."""

from __future__ import annotations

import os
from pathlib import Path

from generator.publish.spare import SPARE_MARKER, is_spare, keep_spare, prune, spare_folder, take_spare
from tests.publish.test_sitedir import tree


def listing(folder: Path) -> list[str]:
    """Every entry under ``folder``, folders with a trailing slash."""
    return sorted(p.relative_to(folder).as_posix() + ("/" if p.is_dir() else "") for p in folder.rglob("*"))


def test_the_spare_lives_beside_the_cache_file(tmp_path):
    assert spare_folder(tmp_path / ".statusbook-cache" / "public.json") == tmp_path / ".statusbook-cache" / "public.spare"


def test_pruning_keeps_only_asked_files_that_are_the_live_sites_own(tmp_path):
    live = tree(tmp_path / "live", {"a/index.html": "A", "b/index.html": "B2", "c/index.html": "C"})
    spare = tree(tmp_path / "spare", {"b/index.html": "B1", "gone/index.html": "G", "sitemap.xml": "S"})
    (spare / "a").mkdir()
    os.link(live / "a" / "index.html", spare / "a" / "index.html")
    os.link(live / "c" / "index.html", spare / "c.html")
    os.symlink(live / "c", spare / "linked")
    kept = prune(spare, live, {"a/index.html", "b/index.html", "c.html", "linked"})
    assert kept == {"a/index.html"}
    assert listing(spare) == ["a/", "a/index.html"]
    assert (live / "c" / "index.html").read_text(encoding="utf-8") == "C"


def test_a_spare_is_taken_whole_and_its_folder_dropped(tmp_path):
    spare = tmp_path / "site.spare"
    tree(spare, {SPARE_MARKER: "", "site/index.html": "old"})
    assert is_spare(spare)
    assert take_spare(spare, tmp_path / "work")
    assert not spare.exists() and listing(tmp_path / "work") == ["index.html"]


def test_a_folder_without_the_marker_is_not_a_spare_and_is_neither_taken_nor_replaced(tmp_path):
    spare = tree(tmp_path / "site.spare", {"site/index.html": "mine"})
    assert not is_spare(spare) and not take_spare(spare, tmp_path / "work")
    old = tree(tmp_path / "old", {"index.html": "old"})
    assert not keep_spare(old, spare)
    assert listing(spare) == ["site/", "site/index.html"] and old.is_dir()


def test_a_replaced_tree_is_kept_marked(tmp_path):
    old = tree(tmp_path / "old", {"index.html": "old"})
    spare = tmp_path / "cache" / "site.spare"
    assert keep_spare(old, spare)
    assert is_spare(spare) and not old.exists()
    assert (spare / "site" / "index.html").read_text(encoding="utf-8") == "old"


def test_a_tree_that_cannot_be_kept_leaves_no_spare(tmp_path):
    spare = tmp_path / "site.spare"
    assert not keep_spare(tmp_path / "missing", spare)
    assert not spare.exists()
