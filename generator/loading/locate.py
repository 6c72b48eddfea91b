"""Place problems at a line and column by walking a record's YAML nodes along the field path."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from generator.loading.source import Source
from generator.loading.strictyaml import compose, node_position
from generator.problems import FieldPath, Problem


def find_node(root: Node, field: FieldPath, at_key: bool) -> Node:
    """Return the deepest node along ``field``: the key node itself if ``at_key``."""
    node = root
    for depth, part in enumerate(field):
        last = depth == len(field) - 1
        if isinstance(node, MappingNode):
            pair = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if pair is None:
                return node
            node = pair[0] if (last and at_key) else pair[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def locate(problems: list[Problem], sources: dict[str, Source]) -> list[Problem]:
    """Fill in line and column for problems that only name a field."""
    roots: dict[str, Node | None] = {}
    placed = []
    for problem in problems:
        if problem.line:
            placed.append(problem)
            continue
        source = sources.get(problem.path)
        if source is None:
            placed.append(problem.located(1, 1))
            continue
        if problem.path not in roots:
            roots[problem.path] = compose(source)[0]
        root = roots[problem.path]
        if root is None:
            placed.append(problem.located(source.yaml_line, 1))
            continue
        line, column = node_position(source, find_node(root, problem.field, problem.at_key))
        placed.append(problem.located(line, column))
    return placed
