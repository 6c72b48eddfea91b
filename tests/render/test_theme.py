"""The theme's rendered files and the MkDocs configuration it gives."""

from __future__ import annotations

from pathlib import Path

from generator import GENERATOR
from generator.model.theme import DARK_PAGE, MIN_CONTRAST, Colour, FooterLink, Theme, ThemeFile, contrast, readable_on
from generator.publish.mkdocs_site import SiteSettings, mkdocs_config
from generator.render.theme import palette, stylesheet, stylesheets, theme_files, theme_link
from generator.views.audience import Audience

THEME = Theme(
    logo=ThemeFile("brand/logo.svg", b"<svg/>"), favicon=ThemeFile("brand/icon.PNG", b"png"),
    primary=Colour("#0b5fff", "#0b5fff"), accent=Colour("#b3261e", "#ffb4ab"),
    extra_css=ThemeFile("brand/extra.css", b"a{}"), footer=(FooterLink("Support", "mailto:s@acme.example"),),
    domain="status.acme.example",
)


def files_of(theme: Theme, audience: Audience) -> dict[str, bytes]:
    """The theme's files for one audience, by path."""
    return {item.path: item.content for item in theme_files(theme, audience)}


def test_theme_files_are_copied_and_only_the_public_site_gets_a_cname():
    public, internal = files_of(THEME, Audience.PUBLIC), files_of(THEME, Audience.INTERNAL)
    assert public["assets/theme/logo.svg"] == b"<svg/>"
    assert public["assets/theme/favicon.png"] == b"png"
    assert public["assets/theme/extra.css"] == b"a{}"
    assert public["CNAME"] == b"status.acme.example\n"
    assert "CNAME" not in internal and set(internal) == set(public) - {"CNAME"}


def test_no_theme_gives_no_files():
    assert files_of(Theme(), Audience.PUBLIC) == {}
    assert stylesheets(Theme()) == ("assets/statusbook.css",)


def test_every_site_has_a_light_and_a_dark_scheme_that_follow_the_system_with_a_toggle():
    light, dark = palette(Theme())
    assert light == {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo",
                     "accent": "indigo", "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}}
    assert dark == {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo",
                    "accent": "indigo", "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}}


def test_colours_become_materials_custom_properties_per_scheme():
    css = stylesheet(THEME)
    assert '[data-md-color-primary="custom"] { --md-primary-fg-color: #0b5fff;' in css
    assert '[data-md-color-accent="custom"] { --md-accent-fg-color: #b3261e;' in css
    assert '[data-md-color-scheme="slate"][data-md-color-accent="custom"] { --md-accent-fg-color: #ffb4ab;' in css
    assert "--md-primary-bg-color: #ffffff;" in css


def test_links_in_the_dark_scheme_are_lightened_until_they_read_on_the_page():
    css = stylesheet(THEME)
    light, dark = (line for line in css.splitlines() if 'primary="custom"' in line)
    assert "--md-typeset-a-color: #0b5fff;" in light
    link = dark.split("--md-typeset-a-color: ")[1][:7]
    assert link != "#0b5fff" and contrast(link, DARK_PAGE) >= MIN_CONTRAST
    assert "--md-primary-fg-color: #0b5fff;" in dark


def test_a_dark_colour_that_already_reads_is_kept():
    assert readable_on("#ffb4ab", DARK_PAGE) == "#ffb4ab"
    assert readable_on("#000000", DARK_PAGE) == "#999999"


def test_the_mkdocs_config_wires_logo_favicon_palette_and_stylesheets(tmp_path: Path):
    settings = SiteSettings("Acme", "https://status.acme.example/", (), 0, extra_css=stylesheets(THEME),
                            logo=theme_link(THEME, "logo"), favicon=theme_link(THEME, "favicon"),
                            palette=palette(THEME), footer=(("Support", "mailto:s@acme.example"),))
    config = mkdocs_config(settings, tmp_path / "docs", tmp_path / "site", tmp_path / "overrides")
    theme = config["theme"]
    assert theme["logo"] == "assets/theme/logo.svg" and theme["favicon"] == "assets/theme/favicon.png"
    assert [(p["scheme"], p["primary"], p["accent"]) for p in theme["palette"]] == [("default", "custom", "custom"),
                                                                                      ("slate", "custom", "custom")]
    assert config["extra_css"] == ["assets/statusbook.css", "assets/theme.css", "assets/theme/extra.css"]
    assert config["extra"]["sb_footer"] == [{"title": "Support", "url": "mailto:s@acme.example"}]
    assert config["extra"]["sb_generator"] == GENERATOR


def test_only_a_primary_colour_keeps_materials_accent():
    schemes = palette(Theme(primary=Colour("#0b5fff", "#0b5fff")))
    assert [(p["primary"], p["accent"]) for p in schemes] == [("custom", "indigo"), ("custom", "indigo")]


def test_an_unthemed_config_has_no_logo_favicon_or_palette(tmp_path: Path):
    config = mkdocs_config(SiteSettings("Acme", None, (), 0), tmp_path, tmp_path, tmp_path)
    assert not {"logo", "favicon", "palette"} & set(config["theme"])
    assert config["extra"] == {"sb_generator": GENERATOR, "generator": False, "sb_search": True, "sb_subscribe": "subscribe/"}
