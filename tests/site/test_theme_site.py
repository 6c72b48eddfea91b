"""A themed copy of the example portal, built: the theme lands in every page, CNAME only in the public site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import GENERATOR
from generator.views.audience import Audience
from tests.site.conftest import build_site, site_files
from tests.site.theming import EXTRA_CSS, LOGO, themed_portal


@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The themed portal's public and internal sites, as files by path."""
    base = tmp_path_factory.mktemp("themed")
    root = themed_portal(base / "portal")
    built = {}
    for audience in Audience:
        result = build_site(root, base / audience.value, audience=audience)
        assert result.built, result.report.problems
        built[audience.value] = site_files(base / audience.value)
    return built


def pages(files: dict[str, bytes]) -> dict[str, str]:
    """The HTML pages of a site, by path."""
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_every_page_shows_the_logo_favicon_footer_links_and_stylesheets(themed, audience):
    files = themed[audience]
    assert files["assets/theme/logo.svg"] == LOGO.encode()
    assert files["assets/theme/extra.css"] == EXTRA_CSS.encode()
    assert b"--md-primary-fg-color: #0b5fff;" in files["assets/theme.css"]
    for path, html in pages(files).items():
        assert re.search(r'<img src="[./]*assets/theme/logo\.svg"', html), path
        assert re.search(r'<link rel="icon" href="[./]*assets/theme/favicon\.svg">', html), path
        assert 'data-md-color-primary="custom"' in html and 'data-md-color-accent="custom"' in html, path
        assert '<a href="mailto:support@acme.example">Support</a>' in html, path
        assert '<a href="https://acme.example/privacy">Privacy</a>' in html, path
        sheets = re.findall(r'<link rel="stylesheet" href="[./]*(assets/[^"]+)">', html)
        assert sheets[-3:] == ["assets/statusbook.css", "assets/theme.css", "assets/theme/extra.css"], path
        assert f'<meta name="generator" content="{GENERATOR}">' in html, path


def test_only_the_public_site_has_a_cname(themed):
    assert themed["public"]["CNAME"] == b"status.acme.example\n"
    assert "CNAME" not in themed["internal"]


def test_the_example_portal_names_statusbook_as_generator_and_keeps_materials_look(public_site: Path):
    html = (public_site / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{GENERATOR}">' in html
    assert html.count('name="generator"') == 1
    assert "assets/theme" not in html and "sb-footer-links" not in html
    assert not (public_site / "CNAME").exists()
