"""The theme in statusbook.yml: loading into the model, and every refusal at its exact position."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.theme import Colour, FooterLink, contrast
from generator.validate import validate
from tests.site.conftest import NOW
from tests.site.theming import LOGO, theme_line, themed_portal


def problems_at(root: Path) -> list[tuple[str, str, int, int]]:
    """Validate a portal and return its statusbook.yml problems as (level, code, line, column)."""
    report = validate(root, parse_now(NOW))
    return [(str(p.level), p.code, p.line, p.column) for p in report.problems if p.path == "statusbook.yml"]


def one_key_theme(tmp_path: Path, line: str) -> Path:
    """A themed copy of the example portal whose theme has one key."""
    return themed_portal(tmp_path / "portal", f"theme:\n  {line}\n")


def test_theme_loads_into_the_model(tmp_path):
    root = themed_portal(tmp_path / "portal")
    theme = load_root(root).corpus.site.theme
    assert theme.logo.path == "brand/logo.svg" and theme.logo.content == LOGO.encode()
    assert theme.favicon.suffix == ".svg"
    assert theme.primary == Colour("#0b5fff", "#0b5fff")
    assert theme.accent == Colour("#b3261e", "#ffb4ab")
    assert theme.extra_css.content.startswith(b".md-header")
    assert theme.footer == (FooterLink("Support", "mailto:support@acme.example"),
                            FooterLink("Privacy", "https://acme.example/privacy"))
    assert theme.domain == "status.acme.example"
    assert problems_at(root) == []


def test_a_site_without_a_theme_keeps_materials_look():
    theme = load_root(Path(__file__).resolve().parents[2]).corpus.site.theme
    assert theme.files() == {} and theme.primary is None and theme.footer == () and theme.domain is None


@pytest.mark.parametrize("value", ["../x.svg", "/etc/logo.svg", "brand/logo.gif", "brand\\\\logo.svg"])
def test_a_logo_path_that_leaves_the_root_or_is_no_image_is_refused(tmp_path, value):
    root = one_key_theme(tmp_path, f'logo: "{value}"')
    assert problems_at(root) == [("error", "S010", theme_line(root, "logo:"), 9)]


def test_a_missing_logo_is_an_error_at_its_key(tmp_path):
    root = one_key_theme(tmp_path, "logo: brand/missing.svg")
    assert problems_at(root) == [("error", "L001", theme_line(root, "logo:"), 9)]


def test_a_logo_that_links_outside_the_root_is_never_read(tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg>secret</svg>", encoding="utf-8")
    root = one_key_theme(tmp_path, "logo: brand/link.svg")
    os.symlink(secret, root / "brand/link.svg")
    assert problems_at(root) == [("error", "L013", theme_line(root, "logo:"), 9)]
    assert load_root(root).corpus.site.theme.logo.content == b""


def test_a_logo_under_a_folder_that_links_outside_is_never_read(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/logo.svg").write_text(LOGO, encoding="utf-8")
    root = one_key_theme(tmp_path, "favicon: out/logo.svg")
    os.symlink(tmp_path / "outside", root / "out")
    assert problems_at(root) == [("error", "L013", theme_line(root, "favicon:"), 12)]


def test_a_logo_that_is_a_folder_is_refused(tmp_path):
    root = one_key_theme(tmp_path, "logo: brand.svg")
    (root / "brand.svg").mkdir()
    assert [p[:2] for p in problems_at(root)] == [("error", "L014")]


@pytest.mark.parametrize("value, column", [('"#0b5ff"', 12), ('"blue"', 12), ("{light: \"#0b5fff\", dark: \"#xyzxyz\"}", 37)])
def test_a_bad_colour_is_refused_at_its_position(tmp_path, value, column):
    root = one_key_theme(tmp_path, f"primary: {value}")
    assert problems_at(root) == [("error", "S010", theme_line(root, "primary:"), column)]


def test_a_colour_scheme_mapping_needs_both_schemes(tmp_path):
    root = one_key_theme(tmp_path, 'accent: {light: "#b3261e"}')
    assert [p[:2] for p in problems_at(root)] == [("error", "S002")]


def test_a_primary_colour_that_white_text_cannot_be_read_on_is_a_warning(tmp_path):
    root = one_key_theme(tmp_path, 'primary: {light: "#0b5fff", dark: "#ffd700"}')
    assert problems_at(root) == [("warning", "A901", theme_line(root, "primary:"), 37)]


def test_an_accent_hard_to_read_on_the_page_is_a_warning(tmp_path):
    root = one_key_theme(tmp_path, 'accent: "#ffd700"')
    report = validate(root, parse_now(NOW))
    found = [p for p in report.problems if p.code == "A901"]
    assert [(p.line, p.column) for p in found] == [(theme_line(root, "accent:"), 11)]
    assert "contrast of 1.4" in found[0].message and "light scheme" in found[0].message


def test_contrast_follows_the_wcag_formula():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#0b5fff", "#ffffff") > 4.5


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x"])
def test_footer_links_are_only_http_mailto_or_relative(tmp_path, url):
    root = one_key_theme(tmp_path, f'footer: [{{title: Support, url: "{url}"}}]')
    assert [p[:3] for p in problems_at(root)] == [("error", "S010", theme_line(root, "footer:"))]


def test_a_domain_that_is_not_the_urls_host_is_a_warning(tmp_path):
    root = one_key_theme(tmp_path, "domain: status.other.example")
    assert problems_at(root) == [("warning", "A902", theme_line(root, "domain:"), 11)]


def test_a_domain_with_a_scheme_is_refused(tmp_path):
    root = one_key_theme(tmp_path, 'domain: "https://status.acme.example"')
    assert [p[:2] for p in problems_at(root)] == [("error", "S010")]
