"""Round-trip YAML that keeps comments, order and quoting, and reads timestamps as plain strings."""

from __future__ import annotations

import io
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STRING_TAGS = ("tag:yaml.org,2002:str", TIMESTAMP_TAG)
_PYYAML_RESOLVER = pyyaml.resolver.Resolver()


class PlainTimestampResolver(VersionedResolver):
    """A resolver without the timestamp rule, so timestamps load and dump as plain strings."""

    @property
    def versioned_resolver(self) -> Any:
        """Return the implicit rules of the document's YAML version, minus the timestamp rule."""
        table = super().versioned_resolver
        for entries in table.values():
            entries[:] = [(tag, pattern) for tag, pattern in entries if tag != TIMESTAMP_TAG]
        return table


def round_trip() -> YAML:
    """Return a YAML engine configured like the example records (2-space maps, indented lists)."""
    engine = YAML(typ="rt")
    engine.Resolver = PlainTimestampResolver
    engine.preserve_quotes = True
    engine.width = 4096
    engine.indent(mapping=2, sequence=4, offset=2)
    return engine


def load(text: str) -> Any:
    """Parse YAML text into round-trip data."""
    return round_trip().load(text)


def dump(data: Any) -> str:
    """Serialise round-trip data to YAML text."""
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def text(value: str) -> Any:
    """Wrap a string so the strict loader reads it back as the same string: block scalar if multi-line."""
    value = value.strip()
    if "\n" in value:
        return LiteralScalarString(value + "\n")
    tag = _PYYAML_RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False))
    return value if tag in STRING_TAGS else DoubleQuotedScalarString(value)


def mapping(pairs: dict[str, Any]) -> CommentedMap:
    """Build a round-trip mapping, keeping the given key order."""
    return CommentedMap(pairs)


def sequence(items: list[Any]) -> CommentedSeq:
    """Build a round-trip sequence."""
    return CommentedSeq(items)


def insert_after(data: CommentedMap, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes right after the last present key of ``after``, else at the end."""
    if key in data:
        data[key] = value
        return
    keys = list(data.keys())
    present = [keys.index(name) for name in after if name in data]
    data.insert(max(present) + 1 if present else len(keys), key, value)
