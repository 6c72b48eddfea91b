"""Theme rules: colours people can read, and a custom domain that matches the site's address."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

from generator.checks.rules import CheckContext, RuleList
from generator.model.theme import DARK_PAGE, LIGHT_PAGE, MIN_CONTRAST, WHITE, Colour, contrast
from generator.problems import Level, Problem

RULES = RuleList()

# What each colour carries: white header text on the primary colour; the accent is text on the page background.
AGAINST = {"primary": {"light": WHITE, "dark": WHITE}, "accent": {"light": LIGHT_PAGE, "dark": DARK_PAGE}}
READING = {"primary": "white header text on it", "accent": "it as text on the page background"}


def pairs(key: str, colour: Colour) -> dict[tuple[str, str], str]:
    """Map each distinct (colour, background) pair to the first scheme that shows it."""
    found: dict[tuple[str, str], str] = {}
    for scheme in ("light", "dark"):
        found.setdefault((getattr(colour, scheme), AGAINST[key][scheme]), scheme)
    return found


def low_contrast(key: str, colour: Colour) -> Iterator[tuple[str, str, float]]:
    """Yield each scheme whose colour gives a contrast below the minimum, with the colour and the ratio."""
    for (value, background), scheme in pairs(key, colour).items():
        ratio = contrast(value, background)
        if ratio < MIN_CONTRAST:
            yield scheme, value, ratio


@RULES.rule("A901", "theme-contrast", Level.WARNING)
def theme_contrast(ctx: CheckContext) -> Iterator[Problem]:
    """A theme colour must leave text readable (WCAG contrast of at least 4.5:1): white header text on the primary colour, and the accent colour as text on the page background (white in the light scheme, Material's slate in the dark one)."""
    theme = ctx.corpus.site.theme
    for key in ("primary", "accent"):
        colour = getattr(theme, key)
        if colour is None:
            continue
        for scheme, value, ratio in low_contrast(key, colour):
            message = f"theme.{key}: {value} gives {READING[key]} a contrast of {ratio:.2f}:1 in the {scheme} scheme; WCAG asks for at least {MIN_CONTRAST}:1"
            yield Problem(ctx.corpus.config_path, message, ("theme", key, scheme))


@RULES.rule("A902", "domain-mismatch", Level.WARNING)
def domain_mismatch(ctx: CheckContext) -> Iterator[Problem]:
    """The custom domain (theme.domain, written to the public site's CNAME file) should be the host of the site's url; otherwise feeds and the API point at one address and the site is served at another."""
    site = ctx.corpus.site
    domain = site.theme.domain
    host = urlsplit(site.url).hostname if site.url else None
    if domain and host != domain:
        found = f"url's host is {host}" if host else "there is no url"
        yield Problem(ctx.corpus.config_path, f"theme.domain: {domain} is not the host of url ({found})", ("theme", "domain"))
