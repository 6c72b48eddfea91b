"""How the built sites look: logo, favicon, colours, footer links, an extra stylesheet and a custom domain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

IMAGE_SUFFIXES = (".svg", ".png", ".ico")
CSS_SUFFIXES = (".css",)
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Links a reader may follow: http(s), mailto or relative, as in rendered Markdown.
SAFE_URL = re.compile(r"^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")
MIN_CONTRAST = 4.5
WHITE = "#ffffff"
# What sits on or under each colour: header text on the primary colour, the page background under the accent.
LIGHT_PAGE = "#ffffff"
DARK_PAGE = "#1e2129"


@dataclass(frozen=True, slots=True)
class Colour:
    """One colour for each scheme, as #rrggbb."""

    light: str
    dark: str


@dataclass(frozen=True, slots=True)
class ThemeFile:
    """A file of the portal that the sites ship: its path under the root and, once read, its bytes."""

    path: str
    content: bytes = b""

    @property
    def suffix(self) -> str:
        """The file's suffix in lower case, such as .svg."""
        return PurePosixPath(self.path).suffix.lower()


@dataclass(frozen=True, slots=True)
class FooterLink:
    """A link shown in the footer of every page."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Theme:
    """The look of both sites; every part is optional and falls back to Material's."""

    logo: ThemeFile | None = None
    favicon: ThemeFile | None = None
    primary: Colour | None = None
    accent: Colour | None = None
    extra_css: ThemeFile | None = None
    footer: tuple[FooterLink, ...] = ()
    domain: str | None = None

    def files(self) -> dict[str, ThemeFile]:
        """Return the theme's files by their key."""
        named = {"logo": self.logo, "favicon": self.favicon, "extra_css": self.extra_css}
        return {key: item for key, item in named.items() if item is not None}


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a #rrggbb colour."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mixed(colour: str, other: str, share: float) -> str:
    """Return ``colour`` with ``share`` (0 to 1) of ``other`` mixed in, channel by channel, as #rrggbb."""
    channels = (round(int(colour[i : i + 2], 16) * (1 - share) + int(other[i : i + 2], 16) * share) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in channels)


def readable_on(colour: str, background: str) -> str:
    """Return ``colour``, lightened toward white in tenths as far as needed to reach 4.5:1 on a dark background."""
    for tenth in range(11):
        candidate = mixed(colour, WHITE, tenth / 10)
        if contrast(candidate, background) >= MIN_CONTRAST:
            return candidate
    return WHITE


def safe_url(url: str) -> bool:
    """Say whether a link is http(s), mailto or relative."""
    return bool(SAFE_URL.match(url.strip()))
