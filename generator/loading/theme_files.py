"""Read the files a theme names (logo, favicon, extra stylesheet) from inside the portal root."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.loading.files import leaving_link, read_file
from generator.model.site import Site
from generator.model.theme import ThemeFile
from generator.problems import Problem, error

THEME_KEY = "theme"


def at_key(config_path: str, key: str, problem: Problem) -> Problem:
    """Move a problem with a theme file to the statusbook.yml key that names it."""
    message = f"{THEME_KEY}.{key}: {problem.message}"
    return error(config_path, problem.code, message, (THEME_KEY, key))


def read_theme_file(root: Path, config_path: str, key: str, item: ThemeFile) -> tuple[ThemeFile, list[Problem]]:
    """Read one theme file, or report why not at its key; a path that leads out of the root is never opened."""
    link_out = leaving_link(root, item.path)
    if link_out is not None:
        return item, [at_key(config_path, key, link_out)]
    if not (root / item.path).exists() and not (root / item.path).is_symlink():
        message = f"{THEME_KEY}.{key}: {item.path} does not exist in the portal"
        return item, [error(config_path, "L001", message, (THEME_KEY, key))]
    data, problems = read_file(root, item.path)
    if data is None:
        return item, [at_key(config_path, key, p) for p in problems]
    return replace(item, content=data), []


def with_theme_files(root: Path, config_path: str, site: Site) -> tuple[Site, list[Problem]]:
    """Return the site with its theme files read, and the problems found reading them."""
    problems: list[Problem] = []
    found: dict[str, ThemeFile] = {}
    for key, item in site.theme.files().items():
        found[key], more = read_theme_file(root, config_path, key, item)
        problems.extend(more)
    return replace(site, theme=replace(site.theme, **found)), problems
