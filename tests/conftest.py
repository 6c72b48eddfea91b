"""Settings for every test: caches Statusbook keeps for this account go to a temporary folder, not the home folder."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def account_cache(tmp_path_factory):
    """Point XDG_CACHE_HOME (the record memo and its key) at a folder of the test session's own."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("account-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved
