"""The marks kept from a record's one parse place every field where a walk over its YAML nodes does."""

from __future__ import annotations

import pytest
from yaml.nodes import MappingNode, Node, SequenceNode

from generator.loading import strictyaml
from generator.loading.source import split_front_matter

TEXT = """---
title: A
"odd\\x00key\\x01": 1
'with \\ slash': 2
components: {api: partial_outage, web: degraded}
updates:
  - at: x
    status: resolved
    tags: [a, b]
  - at: y
    nested:
      - - deep
empty:
---
body
"""
FIELDS = [
    (), ("title",), ("odd\x00key\x01",), ("with \\ slash",), ("components",), ("components", "web"),
    ("updates",), ("updates", 0), ("updates", 0, "status"), ("updates", 0, "tags", 1), ("updates", 0, "tags", 5),
    ("updates", 1, "nested", 0, 0), ("updates", 1, "nested", 0, 0, "below"), ("updates", 2, "at"), ("updates", "0"),
    ("missing",), ("missing", "deeper"), ("empty",), ("empty", "x"), ("title", "x"),
]


def walk(root: Node, field: tuple, at_key: bool) -> Node:
    """Return the deepest node along ``field`` by walking the node tree: the key node itself if ``at_key``."""
    node = root
    for depth, part in enumerate(field):
        if isinstance(node, MappingNode):
            pair = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if pair is None:
                return node
            node = pair[0] if (at_key and depth == len(field) - 1) else pair[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


@pytest.mark.parametrize("at_key", [False, True])
@pytest.mark.parametrize("field", FIELDS)
def test_marks_agree_with_a_walk_over_the_nodes(field, at_key) -> None:
    """Every field path, present or not, is placed where the node walk places it."""
    source, _ = split_front_matter("f.md", TEXT)
    _, marks, problems = strictyaml.read(source)
    root, _ = strictyaml.compose(source)
    assert problems == []
    assert marks.position(field, at_key) == strictyaml.node_position(source, walk(root, field, at_key))


def test_a_document_that_does_not_parse_places_fields_where_its_yaml_starts() -> None:
    """Without nodes, every field goes to the first line of the front matter."""
    source, _ = split_front_matter("f.md", "---\ntitle: [unclosed\n---\n")
    data, marks, problems = strictyaml.read(source)
    assert [p.code for p in problems] == ["L005"]
    assert marks.position(("title",)) == (2, 1)


def test_marks_and_loaded_files_come_back_equal_from_pickling(tmp_path) -> None:
    """The marks and a loaded file's result keep every field when a worker sends them back or a memo keeps them."""
    import pickle

    from generator.loading.corpus import load_file

    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents" / "a.md").write_text(TEXT, encoding="utf-8")
    loaded = load_file(tmp_path, None, ("incidents/a.md", "incident"))
    back = pickle.loads(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == loaded and back.marks == loaded.marks and back.marks.index and back.problems
