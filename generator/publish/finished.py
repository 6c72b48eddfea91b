"""Pages that reach MkDocs as finished HTML: Statusbook rendered their content area, so no Markdown parser reads it.

Each page's file holds front matter (its title and its headings as ``toc: [[level, id, text], ...]``) and the HTML of
its content area. MkDocs and Material still read the front matter, draw the frame (navigation, header, search) and
write the page; only the Markdown conversion is skipped. Used by the build's plugin and by the preview's hook.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from generator.fingerprint import code_digest
from generator.publish.cache import SHAPING_DISTRIBUTIONS
from generator.render.compiled import compiled_templates

NAV_TEMPLATE = "partials/nav.html"
FRONT_MATTER_KEYS = ("title", "toc")
# A page address that joins a site address by plain concatenation: relative path segments, none of them dot segments.
PLAIN_PATH = re.compile(r"(?:[\w~%-][\w.~%-]*/)*(?:[\w~%-][\w.~%-]*)?", re.ASCII)
# A site address whose path needs no normalising: http(s) and a host, no dot segments, parameters, query or fragment.
PLAIN_BASE = re.compile(r"https?://[^/?#;\s\x00-\x1f]+(?:/(?:[\w~%-][\w.~%-]*/?)*)?", re.ASCII)


class InFile(str):
    """Content a plugin passed on unchanged: the page reads it from its file again when it is drawn."""


IN_FILE = InFile()


class FinishedPage(Page):
    """A page whose source is the finished HTML of its content area, read from its file only while it is drawn."""

    _text: str | None = None
    _body_at: int | None = None

    @property
    def content(self) -> str | None:
        """The page's finished HTML: read from its file when a theme draws the page, not held by every page at once."""
        if self._text is None and self._body_at is not None:
            self._text = self.file.content_string[self._body_at:]
        return self._text

    @content.setter
    def content(self, value: str | None) -> None:
        """Set the content, or let it go with None (MkDocs starts a page with None) or IN_FILE (read it again later)."""
        self._text = None if value is IN_FILE else value

    def _set_canonical_url(self, base: str | None) -> None:
        """Set the page's full and absolute address as MkDocs does, by concatenation when both addresses are plain."""
        url, joined = self.url, plain_base(base) if base else None
        if joined is None or not PLAIN_PATH.fullmatch(url):
            super()._set_canonical_url(base)
            return
        self.canonical_url, self.abs_url = joined[0] + url, joined[1] + url

    def is_as_read(self, html: str) -> bool:
        """Whether ``html`` is the very text this page read from its file, unchanged by any plugin."""
        return html is self._text and self._body_at is not None

    def read_source(self, config: MkDocsConfig) -> None:
        """Read the front matter, and where the content starts."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        self.markdown, self.meta = finished_front_matter(source) or meta.get_data(source)
        self._body_at = len(source) - len(self.markdown)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Take the table of contents from the front matter; the content stays in the file until the page is drawn."""
        self.markdown = ""  # not None: MkDocs reads a page's title only once its source is read
        self.toc = get_toc(toc_tokens(self.meta.get("toc") or []))
        self._title_from_render = None
        self.present_anchor_ids = {entry[1] for entry in self.meta.get("toc") or []}


def finished_front_matter(source: str) -> tuple[str, dict] | None:
    """The content and front matter of a page as the renderer writes it (``key: JSON`` lines, JSON being YAML too),
    read without a YAML parser; None for any other source, which MkDocs' reader then reads."""
    end = source.find("\n---\n", 3) if source.startswith("---\n") else -1
    if end < 0:
        return None
    data = {}
    for line in source[4:end].split("\n"):
        key, colon, value = line.partition(": ")
        if not colon or key not in FRONT_MATTER_KEYS:
            return None
        try:
            data[key] = json.loads(value)
        except ValueError:
            return None
    return source[end + 5:].lstrip("\n"), data


def toc_tokens(headings: list[list]) -> list[dict]:
    """Nest headings given as [level, id, text] under the nearest earlier heading of a higher level."""
    top: list[dict] = []
    open_levels: list[dict] = []
    for level, anchor, text in headings:
        token = {"level": level, "id": anchor, "name": text, "children": []}
        while open_levels and open_levels[-1]["level"] >= level:
            open_levels.pop()
        (open_levels[-1]["children"] if open_levels else top).append(token)
        open_levels.append(token)
    return top


def nav_titles(items: list | None) -> dict[str, str]:
    """Map each page of the navigation to its title there."""
    titles: dict[str, str] = {}
    for item in items or []:
        for title, target in item.items():
            if isinstance(target, list):
                titles.update(nav_titles(target))
            else:
                titles[target] = title
    return titles


@lru_cache(maxsize=8)
def plain_base(base: str) -> tuple[str, str] | None:
    """Return a plain site address ending in '/' and its path, or None when joining it needs ``urljoin``."""
    if not PLAIN_BASE.fullmatch(base):
        return None
    base = base if base.endswith("/") else base + "/"
    return base, urlsplit(base).path


def adopt_pages(files: Files, config: MkDocsConfig) -> Files:
    """Make every documentation page a finished page, keeping the title the navigation gives it."""
    titles = nav_titles(config.nav)
    for file in files.documentation_pages():
        FinishedPage(titles.get(file.src_uri), file, config)
    return files


class StagedFile(File):
    """A file of the site held in memory, and whether it differs from the one in the previous build."""

    changed: bool = True

    def is_modified(self) -> bool:
        """Whether an incremental build must write the file again."""
        return self.changed


def walk_order(path: str) -> tuple:
    """Sort as MkDocs reads a docs folder: a folder's files before its subfolders, an index first, then by name."""
    parts = PurePosixPath(path).parts
    name = parts[-1]
    return (*((1, folder) for folder in parts[:-1]), (0, (name.rsplit(".", 1)[0] != "index", name)))


class FinishedPages(BasePlugin):
    """The build's plugin: the site's files are the rendered files in ``folder``, and every page is a finished page.

    Paths in ``unchanged`` are already in the site folder, identical, from the previous build; an incremental build
    neither reads nor writes them.
    """

    def __init__(self, folder: Path, paths: list[str], unchanged: frozenset[str] = frozenset(),
                 checkpoint: Callable[[], None] = lambda: None) -> None:
        """Hold where the rendered files are, their paths, which of them the site folder already has, and what to call
        after each page is drawn (raising there stops the build)."""
        super().__init__()
        self.folder, self.paths, self.unchanged, self.checkpoint = folder, paths, unchanged, checkpoint

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the rendered files and adopt the pages before the navigation is made from them."""
        for path in sorted(self.paths, key=walk_order):
            staged = StagedFile.generated(config, path, abs_src_path=str(self.folder / path))
            staged.changed = path not in self.unchanged
            files.append(staged)
        return adopt_pages(files, config)

    @event_priority(-100)  # after every other plugin, which may still change the content
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Let go of content no plugin changed, so pages waiting to be drawn do not all hold theirs at once."""
        return IN_FILE if isinstance(page, FinishedPage) and page.is_as_read(html) else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of a page's content once it is drawn into its frame (only the written file is needed after), and
        pass the checkpoint."""
        page.content = None
        self.checkpoint()
        return output

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Have the theme's environment list its templates without walking hidden folders (see ThemeLoader)."""
        config.theme.get_env = partial(listing_no_hidden, config.theme.get_env)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Load each theme template once: a build does not change them, so checking their files at every include
        costs; and draw the navigation once per folder for the pages outside it."""
        env.auto_reload = False
        env.bytecode_cache = compiled_templates("theme-templates", theme_settings())
        try:  # listing the theme's templates walks every folder of its icons; asking for the one is cheap
            template = env.get_template(NAV_TEMPLATE)
        except TemplateNotFound:
            return env
        template.root_render_func = NavOnce(template.root_render_func)
        return env


def listing_no_hidden(get_env: Callable[[], Environment]) -> Environment:
    """The theme's environment from ``get_env``, its template folders read by a ThemeLoader."""
    env = get_env()
    if isinstance(env.loader, FileSystemLoader):
        env.loader = ThemeLoader(env.loader.searchpath, env.loader.encoding, env.loader.followlinks)
    return env


class ThemeLoader(FileSystemLoader):
    """Loads the theme's templates as Jinja's file system loader does, but lists none in hidden folders.

    MkDocs lists the theme's templates only to find the static files it copies into the site, and never copies a
    file in a hidden folder; Material keeps its thousands of icons in ``.icons``, and walking them cost about half a
    second of every build. Loading a template, an icon included, is unchanged.
    """

    def list_templates(self) -> list[str]:
        """Every template outside hidden folders, by its name relative to the template folder that has it."""
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                base = PurePosixPath(Path(folder).relative_to(searchpath).as_posix())
                found.update((base / name).as_posix() for name in names)
        return sorted(found)


def theme_settings() -> bytes:
    """What shapes the theme's compiled templates besides their source: Statusbook's code and MkDocs' and Material's
    versions (MkDocs makes the environment, Material ships the templates)."""
    return code_digest() + " ".join(metadata.version(name) for name in SHAPING_DISTRIBUTIONS).encode()


class NavOnce:
    """Draws the theme's navigation once per folder for pages outside it, and for every other page each time.

    A page outside the navigation makes no item of it active, and the navigation's links are relative to the page's
    folder, so every such page in one folder (every incident's page in ``incidents/``) gets the same navigation.
    """

    def __init__(self, draw: Callable[[Context], Iterator[str]]) -> None:
        """Wrap the navigation template's render function, with nothing drawn yet."""
        self.draw = draw
        self.drawn: dict[str, str] = {}

    def __call__(self, context: Context) -> Iterator[str]:
        """Yield the navigation for the page being drawn."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or page in nav.pages:  # MkDocs marks every page active while drawing it
            yield from self.draw(context)
            return
        folder = posixpath.dirname(page.url.rstrip("/"))
        if folder not in self.drawn:
            self.drawn[folder] = "".join(self.draw(context))
        yield self.drawn[folder]


class IncrementalNotice(logging.Filter):
    """Drops MkDocs' caution about dirty builds: an incremental build is clean wherever the navigation could differ."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every message but that one."""
        return not record.getMessage().startswith("A 'dirty' build is being performed")
