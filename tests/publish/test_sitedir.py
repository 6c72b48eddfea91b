"""The site directory guard, the lock, scratch folders and the swap, on small trees without MkDocs."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.publish import sitedir
from generator.publish.sitedir import PublishError, SiteDirRefused, check_site_dir


def tree(folder: Path, files: dict[str, str]) -> Path:
    """Create ``files`` (relative path to text) under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def contents(folder: Path) -> dict[str, str]:
    """Read every file under ``folder`` by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def marked(folder: Path, files: dict[str, str]) -> Path:
    """A previous build: ``files`` plus the site marker."""
    tree(folder, files)
    sitedir.write_site_marker(folder, "public")
    return folder


@pytest.fixture
def root(tmp_path) -> Path:
    """A minimal portal root."""
    return tree(tmp_path / "portal", {"statusbook.yml": "site: {}\n", "incidents/2026/a.md": "---\n---\n"})


def test_missing_empty_and_marked_directories_are_accepted(root, tmp_path):
    (tmp_path / "empty").mkdir()
    marked(tmp_path / "old", {"index.html": "<p>", "incidents/x/index.html": "<p>"})
    for name in ("missing", "empty", "old"):
        check_site_dir(tmp_path / name, root, force=False)
    check_site_dir(root / "site" / "public", root, force=False)


@pytest.mark.parametrize("garbage", ["", "{", '{"generator": "hugo"}', "[1]"])
def test_a_marker_that_is_not_ours_does_not_count(root, tmp_path, garbage):
    site = tree(tmp_path / "site", {"index.html": "<p>", ".statusbook-site": garbage})
    with pytest.raises(SiteDirRefused, match="is not a previous Statusbook build"):
        check_site_dir(site, root, force=False)
    check_site_dir(site, root, force=True)


def test_a_file_is_not_a_site_directory(root, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(SiteDirRefused, match="is not a directory"):
        check_site_dir(tmp_path / "file", root, force=True)


def test_a_marked_checkout_is_still_refused(root, tmp_path):
    site = marked(tmp_path / "pages", {"index.html": "<p>", ".git/HEAD": "ref"})
    with pytest.raises(SiteDirRefused, match="holds .git"):
        check_site_dir(site, root, force=True)


def test_a_site_dir_reached_through_a_symlinked_parent_is_compared_by_real_path(root, tmp_path):
    os.symlink(root, tmp_path / "alias")
    with pytest.raises(SiteDirRefused, match="inside the portal's incidents/"):
        check_site_dir(tmp_path / "alias" / "incidents", root, force=True)


def test_leftovers_are_only_marked_scratch_folders(tmp_path):
    site = tmp_path / "site"
    left = sitedir.make_scratch(tmp_path, sitedir.scratch_prefix(site))
    tree(left, {"site/index.html": "<p>"})
    lookalike = tree(tmp_path / ".site.statusbook-mine", {"keep.txt": "mine"})
    other = sitedir.make_scratch(tmp_path, ".other.statusbook-")
    assert sitedir.leftover_scratch(site) == [left]
    sitedir.remove_leftovers(site)
    assert not left.exists() and lookalike.exists() and other.exists()


def test_a_scratch_folder_that_cannot_be_removed_stays_marked(tmp_path, monkeypatch):
    scratch = sitedir.make_scratch(tmp_path, ".site.statusbook-")
    tree(scratch, {"site/index.html": "<p>"})

    def stuck(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(sitedir, "remove_entry", stuck)
    sitedir.remove_scratch(scratch)
    assert sitedir.is_scratch(scratch)


def test_exchange_swaps_two_directories(tmp_path):
    first, second = tree(tmp_path / "a", {"f": "a"}), tree(tmp_path / "b", {"f": "b"})
    sitedir.exchange(first, second)
    assert contents(first) == {"f": "b"} and contents(second) == {"f": "a"}


@pytest.mark.parametrize("how", ["exchange", "renames", "contents"])
def test_replace_site_puts_the_new_build_in_place(tmp_path, monkeypatch, how):
    site = marked(tmp_path / "site", {"index.html": "old", "gone/index.html": "old", "same/a.css": "old"})
    built = tree(tmp_path / "work" / "site", {"index.html": "new", "same/a.css": "new", "fresh.html": "new"})
    expected = contents(built)
    if how != "exchange":
        code = errno.ENOSYS if how == "renames" else errno.EBUSY
        real_exchange = sitedir.exchange

        def refuse_site(first, second):
            if Path(second) == site or how == "renames":
                raise OSError(code, os.strerror(code), str(first))
            real_exchange(first, second)

        monkeypatch.setattr(sitedir, "exchange", refuse_site)
    sitedir.replace_site(built, site, tmp_path / "work")
    assert contents(site) == expected
    assert [p.name for p in site.iterdir() if p.name.startswith(".site.")] == []


def test_a_failed_contents_swap_puts_every_entry_back(tmp_path, monkeypatch):
    site = marked(tmp_path / "site", {"index.html": "old", "gone/index.html": "old", "same/a.css": "old"})
    before = contents(site)
    built = tree(tmp_path / "work" / "site", {"index.html": "new", "same/a.css": "new", "fresh.html": "new"})

    def full(journal, keep):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(site))

    monkeypatch.setattr(sitedir.Journal, "clear_out", full)
    with pytest.raises(OSError, match="No space left"):
        sitedir.swap_contents(built, site)
    assert contents(site) == before


WATCHER = """
import os, sys
index, ready, stop = sys.argv[1:]
missing = 0
open(ready, "w").close()
while not os.path.exists(stop):
    missing += not os.path.exists(index)
print(missing)
"""


def test_replace_site_never_leaves_the_site_missing(tmp_path):
    site = marked(tmp_path / "site", {"index.html": "0"})
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(site / "index.html"), str(ready), str(stop)],
                               stdout=subprocess.PIPE, text=True)
    try:
        while not ready.exists() and watcher.poll() is None:
            time.sleep(0.01)
        for turn in range(300):
            built = tree(tmp_path / f"work{turn}" / "site", {"index.html": str(turn)})
            sitedir.replace_site(built, site, built.parent)
    finally:
        stop.touch()
        missing = int(watcher.communicate(timeout=60)[0])
    assert missing == 0


def test_the_lock_gives_up_after_its_timeout(tmp_path):
    site = tmp_path / "site"
    said = []
    with sitedir.site_lock(site, said.append):
        with pytest.raises(PublishError, match=f"another build into {site} has not finished after 0 seconds"):
            with sitedir.site_lock(site, said.append, timeout=0):
                pass
    with sitedir.site_lock(site, said.append, timeout=0):
        pass
    assert said == []


def test_the_lock_says_once_that_it_waits(tmp_path):
    site = tmp_path / "site"
    said = []
    with sitedir.site_lock(site, said.append):
        with pytest.raises(PublishError):
            with sitedir.site_lock(site, said.append, timeout=0.3):
                pass
    assert said == [f"Waiting for another build into {site} to finish"]


def test_os_errors_name_the_path_and_the_reason(tmp_path):
    error = OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / "site" / "x"))
    assert sitedir.os_error_message(error, tmp_path / "site") == (
        f"could not publish the site into {tmp_path / 'site'}: Read-only file system ({tmp_path / 'site' / 'x'}); "
        "the previous site was left as it was")


def test_a_directory_holding_only_an_interrupted_swap_counts_as_empty(root, tmp_path):
    site = tmp_path / "mnt"
    left = sitedir.make_scratch(tree(site, {}), sitedir.scratch_prefix(site))
    tree(left, {"new/index.html": "<p>"})
    check_site_dir(site, root, force=False)
    sitedir.remove_leftovers(site)
    assert list(site.iterdir()) == []


def test_an_unreadable_site_directory_is_a_publishing_error(root, tmp_path, monkeypatch):
    site = tree(tmp_path / "site", {"index.html": "<p>"})

    def denied(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(sitedir.os, "listdir", denied)
    with pytest.raises(PublishError, match=f"could not publish the site into {site}: Permission denied"):
        sitedir.SiteTarget(site, root).check()
