"""Tests of matching components and adding the new ones to statusbook.yml."""

from __future__ import annotations

import difflib

from generator.importing.components import plan_components
from generator.importing.config import with_components
from generator.importing.export import read_export
from generator.loading.records import load_site
from tests.importing.conftest import DATA, EXPORT

CONFIG = (DATA / "portal" / "statusbook.yml").read_text(encoding="utf-8")


def test_components_match_by_name_and_new_ones_get_ids_and_groups() -> None:
    """Website and Public API are known by name; the rest are added, in their group, with ids from their names."""
    _, site, _ = load_site("statusbook.yml", CONFIG)
    plan = plan_components(read_export(EXPORT), site)
    assert plan.ids["8l4ygp009s5s"] == "website" and plan.ids["b13yz5g2cw10"] == "api"
    assert [(c.id, c.group) for c in plan.added] == [("search", "Platform"), ("webhooks", "Platform"), ("zahlungsdienst-uberweisungen", None)]
    assert plan.groups == {"k7f3qzl0m2vx": "Platform"}


def test_added_components_keep_every_comment_and_line() -> None:
    """The edit only appends lines: comments and layout stay, and the comment before severities stays there."""
    _, site, _ = load_site("statusbook.yml", CONFIG)
    text = with_components(CONFIG, plan_components(read_export(EXPORT), site).added)
    old, new = CONFIG.splitlines(), text.splitlines()
    diff = list(difflib.ndiff(old, new))
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert not [line for line in diff if line.startswith("- ")] and len(added) == 12
    assert "  - id: search  # imported from Statuspage component x2m9c4rtp8aa" in added
    comment = new.index("# Severities, most severe first.")
    assert new[comment - 3:comment] == ["    name: Zahlungsdienst – Überweisungen", "    public: true", ""]
    _, reloaded, problems = load_site("statusbook.yml", text)
    assert reloaded is not None and not problems and reloaded.component("webhooks").public
