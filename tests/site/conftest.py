"""Built sites of the example portal, shared by the site tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.clock import parse_now
from generator.views.audience import Audience

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T18:00:00Z"


def copy_portal(target: Path) -> Path:
    """Copy the example portal's records into ``target``."""
    target.mkdir(parents=True)
    for name in ("statusbook.yml", "people.yml"):
        shutil.copy(REPO / name, target / name)
    for folder in ("incidents", "rotations"):
        shutil.copytree(REPO / folder, target / folder)
    return target


def build_site(root: Path, site_dir: Path, now: str = NOW, audience: Audience = Audience.PUBLIC):
    """Build a site and return the build result."""
    return build(root, audience, site_dir, parse_now(now))


def site_files(site_dir: Path) -> dict[str, bytes]:
    """Read every file of a built site, by relative path."""
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """The example portal's public site, built once."""
    site_dir = tmp_path_factory.mktemp("public") / "site"
    result = build_site(REPO, site_dir)
    assert result.built, result.report.problems
    return site_dir


@pytest.fixture(scope="session")
def internal_site(tmp_path_factory) -> Path:
    """The example portal's internal site, built once."""
    site_dir = tmp_path_factory.mktemp("internal") / "site"
    result = build_site(REPO, site_dir, audience=Audience.INTERNAL)
    assert result.built, result.report.problems
    return site_dir


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, launched headless through Playwright, one per test module."""
    from tests.site.browsing import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site_url(public_site: Path):
    """The example portal's public site, served on 127.0.0.1."""
    from tests.site.browsing import serving

    with serving(public_site) as url:
        yield url


@pytest.fixture
def open_page(browser, site_url):
    """Return a function that opens a page source of the public site in a fresh context; off-site requests are refused."""
    from tests.site.browsing import page_opener

    with page_opener(browser, site_url) as opener:
        yield opener


@pytest.fixture(scope="module")
def portal_url(internal_site: Path):
    """The example portal's internal site, served on 127.0.0.1."""
    from tests.site.browsing import serving

    with serving(internal_site) as url:
        yield url


@pytest.fixture
def open_portal(browser, portal_url):
    """Return a function that opens a page source of the portal in a fresh context; off-site requests are refused."""
    from tests.site.browsing import page_opener

    with page_opener(browser, portal_url) as opener:
        yield opener
