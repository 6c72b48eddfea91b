"""Pages that reach MkDocs as finished HTML: Statusbook rendered their content area, so no Markdown parser reads it.

Each page's file holds front matter (its title and its headings as ``toc: [[level, id, text], ...]``) and the HTML of
its content area. MkDocs and Material still read the front matter, draw the frame (navigation, header, search) and
write the page; only the Markdown conversion is skipped. Used by the build's plugin and by the preview's hook.
"""

from __future__ import annotations

from jinja2 import Environment
import logging
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class FinishedPage(Page):
    """A page whose source is the finished HTML of its content area."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Take the content as it is and the table of contents from the front matter; the file's bytes are no longer needed."""
        self.content = self.markdown
        if isinstance(self.file, StagedFile):
            self.file.release()
        self.toc = get_toc(toc_tokens(self.meta.get("toc") or []))
        self._title_from_render = None
        self.present_anchor_ids = {entry[1] for entry in self.meta.get("toc") or []}


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

    def release(self) -> None:
        """Let go of the bytes once a page has read them: only the page's text is needed to write it."""
        self._content = b""


def walk_order(path: str) -> tuple:
    """Sort as MkDocs reads a docs folder: a folder's files before its subfolders, an index first, then by name."""
    parts = PurePosixPath(path).parts
    name = parts[-1]
    return (*((1, folder) for folder in parts[:-1]), (0, (name.rsplit(".", 1)[0] != "index", name)))


class FinishedPages(BasePlugin):
    """The build's plugin: the site's files come from memory, and every documentation page is a finished page.

    Paths in ``unchanged`` are already in the site folder, identical, from the previous build; an incremental build
    neither reads nor writes them. The plugin takes the files out of ``contents`` as it adds them, and a page lets go
    of its text once written, so a large site is held in memory about once.
    """

    def __init__(self, contents: dict[str, bytes], unchanged: frozenset[str] = frozenset()) -> None:
        """Hold the rendered files and which of them the site folder already has."""
        super().__init__()
        self.contents, self.unchanged = contents, unchanged

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the rendered files and adopt the pages before the navigation is made from them."""
        for path in sorted(self.contents, key=walk_order):
            staged = StagedFile.generated(config, path, content=self.contents.pop(path))
            staged.changed = path not in self.unchanged
            files.append(staged)
        return adopt_pages(files, config)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of a page's text once it is drawn into its frame; only the written file is needed after."""
        page.markdown = page.content = None
        return output

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Load each theme template once: a build does not change them, so checking their files at every include costs."""
        env.auto_reload = False
        return env


class IncrementalNotice(logging.Filter):
    """Drops MkDocs' caution about dirty builds: an incremental build is clean wherever the navigation could differ."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every message but that one."""
        return not record.getMessage().startswith("A 'dirty' build is being performed")
