"""The account's cache folder: where it is, and that only a folder of this account's alone is used."""

from __future__ import annotations

import os
from pathlib import Path

from generator.account import cache_folder, private_folder


def test_the_cache_folder_is_under_xdg_cache_home_else_the_home_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "statusbook"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "statusbook"


def test_a_private_folder_is_made_for_this_account_alone():
    folder = private_folder("made")
    assert folder == cache_folder() / "made"
    assert folder.is_dir() and os.stat(folder).st_mode & 0o077 == 0


def test_a_folder_others_may_write_is_not_used():
    folder = private_folder("shared-templates")
    assert folder is not None
    os.chmod(folder, 0o777)
    try:
        assert private_folder("shared-templates") is None
    finally:
        os.chmod(folder, 0o700)


def test_a_link_where_the_folder_goes_is_not_used(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    cache_folder().mkdir(parents=True, exist_ok=True)
    (cache_folder() / "linked").symlink_to(elsewhere)
    assert private_folder("linked") is None
    assert Path(elsewhere).is_dir()
