"""Finished pages: their table of contents comes from the front matter, and files are read in MkDocs' order."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.build import site_files
from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.publish.finished import (
    PLAIN_PATH, FinishedPage, NavOnce, finished_front_matter, nav_titles, plain_base, toc_tokens, walk_order,
)
from generator.views.audience import Audience
from generator.views.page import site_view
from tests.site.conftest import NOW, REPO


def test_headings_nest_under_the_nearest_higher_heading():
    tokens = toc_tokens([[2, "a", "A"], [3, "a1", "A1"], [3, "a2", "A2"], [2, "b", "B"], [4, "b1", "B1"]])
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in tokens] == [("a", ["a1", "a2"]), ("b", ["b1"])]
    assert tokens[0]["name"] == "A" and tokens[0]["level"] == 2


def test_navigation_titles_are_found_in_sections():
    nav = [{"Now": "now.md"}, {"Components": [{"API": "components/api.md"}]}, {"On call": [{"Overview": "oncall/index.md"}]}]
    assert nav_titles(nav) == {"now.md": "Now", "components/api.md": "API", "oncall/index.md": "Overview"}


def test_files_are_ordered_as_a_docs_folder_is_walked():
    paths = ["incidents/b.md", "history.md", "incidents/a.md", "index.md", "api/v2/status.json", "incidents/index.md"]
    assert sorted(paths, key=walk_order) == [
        "index.md", "history.md", "api/v2/status.json", "incidents/index.md", "incidents/a.md", "incidents/b.md"]


def populated(tmp_path, plugin_content=None):
    """Read and render one finished page as MkDocs' build does before it draws any page; return the page."""
    from mkdocs.commands.build import _populate_page
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files, get_files

    from generator.publish.finished import FinishedPages, adopt_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: Status\ntoc: [[2, now, Now]]\n---\n<h2 id=\"now\">Now</h2>\n<p>All good</p>\n")
    config = load_config(config_file=None, docs_dir=str(docs), site_dir=str(tmp_path / "site"), site_name="T")
    if plugin_content:
        class Editing(BasePlugin):
            def on_page_content(self, html, **kwargs):
                return plugin_content(html)
        config.plugins["editing"] = Editing()
    config.plugins["finished"] = FinishedPages(docs, [])
    files = adopt_pages(Files(list(get_files(config))), config)
    page = files.documentation_pages()[0].page
    _populate_page(page, config, files)
    return page


def test_a_page_waiting_to_be_drawn_holds_no_content_and_reads_it_again_when_drawn(tmp_path):
    page = populated(tmp_path)
    assert page._text is None
    assert page.content == '<h2 id="now">Now</h2>\n<p>All good</p>\n'
    assert [link.id for link in page.toc] == ["now"]


def test_content_a_plugin_changed_is_kept(tmp_path):
    page = populated(tmp_path, lambda html: html.replace("All good", "Changed"))
    assert page._text is not None
    assert page.content == '<h2 id="now">Now</h2>\n<p>Changed</p>\n'


class Drawn:
    """A page as the navigation template sees it: its address, and active, as MkDocs marks the page it draws."""

    def __init__(self, url: str) -> None:
        """Hold the page's address."""
        self.url, self.active = url, True


class Nav:
    """A navigation of some pages."""

    def __init__(self, *pages) -> None:
        """Hold the pages in the navigation."""
        self.pages = list(pages)


def test_the_navigation_is_drawn_once_per_folder_for_pages_outside_it():
    drawn: list[str] = []

    def draw(context):
        drawn.append(context["page"].url)
        yield f"nav for {context['page'].url}"

    listed = Drawn("history/")
    nav, once = Nav(listed), NavOnce(draw)
    pages = [Drawn("incidents/a/"), Drawn("incidents/b/"), Drawn("postmortems/a/"), listed, listed, Drawn("incidents/c/")]
    output = ["".join(once({"page": page, "nav": nav})) for page in pages]
    assert drawn == ["incidents/a/", "postmortems/a/", "history/", "history/"]
    assert output[1] == "nav for incidents/a/" and output[2] == "nav for postmortems/a/"


def test_a_portal_built_with_the_navigation_drawn_once_matches_one_drawing_it_every_time(tmp_path, monkeypatch):
    from tests.site.conftest import build_site, copy_portal, site_files

    audience = Audience.INTERNAL  # the public site has no navigation sidebar

    root = copy_portal(tmp_path / "portal")
    made: list[NavOnce] = []
    wrap = NavOnce.__init__
    monkeypatch.setattr(NavOnce, "__init__", lambda self, draw: made.append(self) or wrap(self, draw))
    build_site(root, tmp_path / "once", audience=audience)
    assert {"incidents", "postmortems"} <= made[-1].drawn.keys()
    monkeypatch.setattr(NavOnce, "__call__", lambda self, context: self.draw(context))
    build_site(root, tmp_path / "every", audience=audience)
    once, every = site_files(tmp_path / "once"), site_files(tmp_path / "every")
    assert once.keys() == every.keys()
    assert [path for path in once if once[path] != every[path] and path != ".statusbook-site"] == []
    assert 'class="md-nav md-nav--primary"' in once["incidents/2026-11-23-api-increased-latency/index.html"].decode()


def test_the_theme_files_copied_are_those_mkdocs_finds_walking_every_folder(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from generator.publish.finished import FinishedPages, ThemeLoader

    (tmp_path / "docs").mkdir()
    overrides = tmp_path / "overrides"
    (overrides / ".hidden").mkdir(parents=True)
    (overrides / ".hidden" / "skipped.css").write_text("a {}\n")
    (overrides / "extra.css").write_text("a {}\n")
    config = load_config(config_file=None, docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"),
                         site_name="T", theme={"name": "material", "custom_dir": str(overrides)})
    every = Files([])
    every.add_files_from_theme(config.theme.get_env(), config)
    config = FinishedPages(tmp_path, []).on_config(config)
    env = config.theme.get_env()
    listed = Files([])
    listed.add_files_from_theme(env, config)
    assert isinstance(env.loader, ThemeLoader)
    assert sorted(f.src_uri for f in listed) == sorted(f.src_uri for f in every)
    assert "extra.css" in {f.src_uri for f in listed} and len(listed) > 20
    assert env.get_template(".icons/material/check.svg").render()


@pytest.mark.parametrize("audience", list(Audience))
def test_front_matter_is_read_as_mkdocs_reads_it(audience):
    from mkdocs.utils import meta

    view = site_view(load_root(REPO).corpus, audience, parse_now(NOW))
    pages = [f.content.decode("utf-8") for f in site_files(view) if f.path.endswith(".md")]
    assert len(pages) > 30 and (audience is Audience.PUBLIC or any("\ntoc: " in page for page in pages))
    for page in pages:
        assert finished_front_matter(page) == meta.get_data(page)


@pytest.mark.parametrize("source", ["# Plain\n", "---\ntitle: [unclosed\n---\nx", "---\nauthor: \"A\"\n---\nx",
                                    "---\ntitle: \"T\"\n", "---\ntitle:\"T\"\n---\nx"])
def test_other_front_matter_is_left_to_mkdocs(source):
    assert finished_front_matter(source) is None


SITE_ADDRESSES = [
    "https://status.acme.example", "https://status.acme.example/", "https://acme.example/status",
    "https://acme.example/status/", "http://localhost:8000/", "https://user@acme.example:8443/status/",
    "https://acme.example/%7Ealice/", "HTTPS://Acme.example/", "https://acme.example/a/../b/",
    "https://acme.example/./s/", "https://acme.example//s/", "https://acme.example/s?x=1", "https://acme.example/s#top",
    "https://acme.example/s;p", "https://acme\t.example/", "ftp://acme.example/", "s3://bucket/", "", None,
]
SOURCES = ["index.md", "incidents/2026/index.md", "incidents/2026/x-y_z.md", "history/2026-11.md", "café/index.md",
           "with space.md", "a/b.c/d.md", "404.md", "-/.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("base", SITE_ADDRESSES)
def test_page_addresses_are_joined_as_mkdocs_joins_them(base, directory_urls):
    config = {"site_url": base, "repo_url": None, "edit_uri": None, "edit_uri_template": None}
    for source in SOURCES:
        ours = FinishedPage(None, File(source, "docs", "site", directory_urls), config)
        theirs = Page(None, File(source, "docs", "site", directory_urls), config)
        assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url), source


def test_plain_addresses_are_joined_without_urljoin():
    assert plain_base("https://acme.example/status") == ("https://acme.example/status/", "/status/")
    assert all(plain_base(base) is None for base in ("HTTPS://Acme.example/", "https://acme.example/a/../b/", "s3://b/"))
    assert PLAIN_PATH.fullmatch("incidents/2026/x-y_z/") and not PLAIN_PATH.fullmatch("a/../b/")
