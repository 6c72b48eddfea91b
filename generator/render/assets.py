"""The site's stylesheet and script, shipped with the package."""

from __future__ import annotations

from importlib.resources import files

from generator.render import urls
from generator.render.output import OutputFile

ASSETS = {urls.STYLESHEET: "statusbook.css", urls.SCRIPT: "statusbook.js"}


def asset_files() -> list[OutputFile]:
    """Return the stylesheet and script as site files."""
    folder = files("generator.render") / "assets"
    return [OutputFile(path, (folder / name).read_bytes()) for path, name in ASSETS.items()]
