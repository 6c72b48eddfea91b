"""The tree fingerprint itself notices every kind of change, or the hostile tests could not fail."""

from __future__ import annotations

import os

from tests.hostile.tree import changes, snapshot


def test_snapshot_notices_added_removed_changed_relinked_and_chmodded_entries(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.md").write_text("one")
    (tmp_path / "gone.txt").write_text("x")
    os.symlink("a/f.md", tmp_path / "link")
    before = snapshot(tmp_path)
    (tmp_path / "a" / "f.md").write_text("two")
    (tmp_path / "gone.txt").unlink()
    (tmp_path / "new.txt").write_text("y")
    os.unlink(tmp_path / "link")
    os.symlink("elsewhere", tmp_path / "link")
    os.chmod(tmp_path / "a", 0o700)
    assert changes(before, snapshot(tmp_path)) == ["- gone.txt", "+ new.txt", "~ a", "~ a/f.md", "~ link"]


def test_snapshot_leaves_out_the_skipped_folder(tmp_path):
    (tmp_path / "site").mkdir()
    before = snapshot(tmp_path, skip=(tmp_path / "site",))
    (tmp_path / "site" / "index.html").write_text("<p>")
    assert changes(before, snapshot(tmp_path, skip=(tmp_path / "site",))) == []
