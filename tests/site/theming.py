"""A themed copy of the example portal: logo, favicon, colours, footer links, extra stylesheet and domain."""

from __future__ import annotations

from pathlib import Path

from tests.site.conftest import copy_portal

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#fff"/></svg>\n'
EXTRA_CSS = ".md-header { box-shadow: inset 0 -2px 0 #003399; }\n"
THEME = """theme:
  logo: brand/logo.svg
  favicon: brand/favicon.svg
  primary: "#0b5fff"
  accent: {light: "#b3261e", dark: "#ffb4ab"}
  extra_css: brand/extra.css
  footer:
    - {title: Support, url: "mailto:support@acme.example"}
    - {title: Privacy, url: "https://acme.example/privacy"}
  domain: status.acme.example
"""


def add_theme(root: Path, theme: str = THEME) -> Path:
    """Append a theme to a portal's statusbook.yml and write its files."""
    brand = root / "brand"
    brand.mkdir(exist_ok=True)
    (brand / "logo.svg").write_text(LOGO, encoding="utf-8")
    (brand / "favicon.svg").write_text(LOGO, encoding="utf-8")
    (brand / "extra.css").write_text(EXTRA_CSS, encoding="utf-8")
    with (root / "statusbook.yml").open("a", encoding="utf-8") as config:
        config.write(theme)
    return root


def themed_portal(target: Path, theme: str = THEME) -> Path:
    """Copy the example portal into ``target`` and theme it."""
    return add_theme(copy_portal(target), theme)


def theme_line(root: Path, text: str) -> int:
    """Return the line number of statusbook.yml that holds ``text``."""
    lines = (root / "statusbook.yml").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if text in line)
