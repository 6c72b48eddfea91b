"""Finished pages: their table of contents comes from the front matter, and files are read in MkDocs' order."""

from __future__ import annotations

from generator.publish.finished import nav_titles, toc_tokens, walk_order


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
