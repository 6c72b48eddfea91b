"""A strict YAML reader: YAML 1.2 core scalars, no tags, no aliases, no duplicate keys."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.loading.marks import ENTRY, KIND, MAPPING, PART, SCALAR, SEQUENCE, Marks, escape
from generator.loading.source import Source
from generator.problems import Problem, error, warning

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.loader import Composer, Parser, Reader, Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        """Pure-Python stand-in for libyaml's parser."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


INVALID = object()
"""Marks a value that was refused; whoever meets it reports nothing more about it."""

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
TYPED = (INT, FLOAT, BOOL, NULL)

# The core-schema rules for null, bool, int and float in that order, as one pattern: the group that matched names the tag.
_PLAIN = re.compile(
    r"(?:(~|null|Null|NULL|)"
    r"|(true|True|TRUE|false|False|FALSE)"
    r"|([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
    r"|([-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)))$"
)
_PLAIN_TAGS = (STR, NULL, BOOL, INT, FLOAT)
_MAYBE_TYPED = frozenset("-+.0123456789tTfFnN~")


CUT_COMMENT = re.compile(r"[ \t]+(#\S.*)")
NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _float(text: str) -> float:
    """Convert a core-schema float, including ``.inf`` and ``.nan``."""
    lowered = text.lower()
    if lowered.endswith(".inf") or lowered == ".nan":
        return float(lowered.replace(".", ""))
    return float(text)


def resolve_plain(value: str) -> str:
    """Return the YAML 1.2 core-schema tag of an untagged plain scalar."""
    if value and value[0] not in _MAYBE_TYPED or ":" in value:  # no core-schema null, bool or number has a ':'
        return STR
    matched = _PLAIN.match(value)
    return _PLAIN_TAGS[matched.lastindex] if matched else STR


def fits(tag: str, text: str) -> bool:
    """Whether an explicitly tagged scalar's text reads as that tag does (an integer as a float too)."""
    resolved = resolve_plain(text)
    return resolved == tag or (tag == FLOAT and resolved == INT)


def scalar_tag(tag: Any, value: str) -> str:
    """Return a scalar's tag: its explicit one, else the core-schema tag its text resolves to (quoted: a string)."""
    if tag.__class__ is not slice:
        return tag
    return resolve_plain(value) if tag.step[0] else STR


class StrictComposer(_Parser):
    """libyaml's composer, leaving the YAML 1.2 core-schema resolution of each node to the builder.

    The composer asks for the tag of every node, keys included, and reports each step down and up the tree. Python
    methods would cost a call each; builtins that take the same arguments cost far less. ``slice`` keeps the
    question ``(kind, value, implicit)`` as the node's tag, and ``scalar_tag`` answers it only for the values that
    are built; the steps go to builtins that ignore them (``slice(parent, index)``, ``tuple()``).
    """

    resolve = staticmethod(slice)
    descend_resolver = staticmethod(slice)
    ascend_resolver = staticmethod(tuple)


def compose(source: Source) -> tuple[Node | None, list[Problem]]:
    """Parse the YAML of a source into a node tree, or report the syntax error."""
    composer = StrictComposer(source.yaml)
    try:
        return composer.get_single_node(), []
    except yaml.MarkedYAMLError as exc:
        line, column = _position(source, exc.problem_mark or exc.context_mark)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context}{_started_at(source, exc.context_mark)})"
        return None, [error(source.path, "L005", message, line=line, column=column)]
    except yaml.reader.ReaderError as exc:
        return None, [refused_character(source, exc)]
    except yaml.YAMLError as exc:
        return None, [error(source.path, "L005", f"YAML error: {' '.join(str(exc).split())}", line=source.yaml_line, column=1)]
    finally:
        composer.dispose()


def refused_character(source: Source, exc: yaml.reader.ReaderError) -> Problem:
    """Report a character YAML refuses, such as NUL, at its line and column."""
    found = NON_PRINTABLE.search(source.yaml)
    index = found.start() if found else 0
    line = source.yaml.count("\n", 0, index) + source.yaml_line
    column = index - (source.yaml.rfind("\n", 0, index) + 1) + 1
    character = ord(found.group()) if found else exc.character
    message = f"YAML syntax error: unacceptable character #x{character:04x} ({exc.reason}); remove it"
    return error(source.path, "L005", message, line=line, column=column)


def _position(source: Source, mark: Any) -> tuple[int, int]:
    """Turn a YAML mark into a 1-based file line and column."""
    if mark is None:
        return source.yaml_line, 1
    return mark.line + source.yaml_line, mark.column + 1


def _started_at(source: Source, mark: Any) -> str:
    """Say where the construct the parser was in began."""
    if mark is None:
        return ""
    line, column = _position(source, mark)
    return f" started at line {line}, column {column}"


def node_position(source: Source, node: Node) -> tuple[int, int]:
    """Return the 1-based file position where a node starts."""
    return _position(source, node.start_mark)


class _Builder:
    """Turn a node tree into plain data, reporting what strict YAML refuses and indexing where each node starts."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.aliased = False
        self.may_alias = "*" in source.yaml
        self.entries: list[str] = []
        self.offset = source.yaml_line
        self.comments = "#" in source.yaml
        self.plain_strings = not (self.may_alias or self.comments)  # a string scalar then is its own value

    def marks(self) -> Marks:
        """Return the index of every node built."""
        return Marks("".join(self.entries), self.offset)

    def refuse(self, node: Node, code: str, message: str) -> None:
        """Record a problem at a node."""
        line, column = node_position(self.source, node)
        self.problems.append(error(self.source.path, code, message, line=line, column=column))

    def build(self, node: Node, path: str = "", key: Node | None = None) -> Any:
        """Build the plain value of any node at an encoded field path, indexing where it (and its key) starts."""
        shape = node.__class__
        kind = SCALAR if shape is ScalarNode else SEQUENCE if shape is SequenceNode else MAPPING
        self.index(path, kind, node, key)
        if self.may_alias:  # without a '*' in the text there is no alias, so no node is met twice
            if id(node) in self.seen:
                self.aliased = True
                return INVALID
            self.seen.add(id(node))
        if kind is SCALAR:
            return self.scalar(node)
        if kind is SEQUENCE:
            items = [self.item(item, f"{path}{PART}{index}") for index, item in enumerate(node.value)]
            return items if node.tag.__class__ is slice or self.check_tag(node, SEQ) else INVALID
        mapping = self.mapping(node, path)
        return mapping if node.tag.__class__ is slice or self.check_tag(node, MAP) else INVALID

    def check_tag(self, node: Node, expected: str) -> bool:
        """Refuse explicit tags such as ``!!python/object``."""
        if node.tag == expected:
            return True
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.refuse(node, "L007", f"YAML tag '{tag}' is not allowed in records; remove it")
        return False

    def report_aliases(self) -> None:
        """Report every alias where it is written, found by scanning the tokens again."""
        for token in yaml.scan(self.source.yaml, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                line, column = _position(self.source, token.start_mark)
                message = f"alias '*{token.value}' is not allowed in records (anchors and aliases can hide exponential 'alias bombs'); write the value out"
                self.problems.append(error(self.source.path, "L008", message, line=line, column=column))

    def warn_cut_comment(self, node: ScalarNode) -> None:
        """Warn when a plain value is followed by ' #word': YAML drops that text as a comment."""
        if node.style or node.start_mark.line != node.end_mark.line:
            return
        text, end = self.source.yaml, node.end_mark.index
        stop = text.find("\n", end)
        stop = len(text) if stop < 0 else stop
        if text.find("#", end, stop) < 0:
            return
        cut = CUT_COMMENT.match(text, end, stop)
        if cut:
            line, column = _position(self.source, node.end_mark)
            kept = f"only '{node.value}'" if node.value else "empty"
            message = (f"'{cut.group(1)[:40]}' starts a YAML comment, so the value is {kept}; "
                       f"quote the whole value if '#' belongs to it")
            self.problems.append(warning(self.source.path, "L011", message, line=line, column=column + len(cut.group(0)) - len(cut.group(1))))

    def scalar(self, node: ScalarNode) -> Any:
        """Build a scalar by its core-schema tag."""
        if self.comments:
            self.warn_cut_comment(node)
        text = node.value
        tag = scalar_tag(node.tag, text)
        if tag == STR:
            return text
        if node.tag.__class__ is not slice and tag in TYPED and not fits(tag, text):
            short = tag.replace("tag:yaml.org,2002:", "!!")
            self.refuse(node, "L007", f"YAML tag '{short}' does not fit the value '{text[:40]}'; remove the tag")
            return INVALID
        if tag == INT:
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
        if tag == FLOAT:
            return _float(text)
        if tag == BOOL:
            return text.lower() == "true"
        if tag == NULL:
            return None
        self.check_tag(node, STR)
        return INVALID

    def mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        """Build a mapping whose keys are unique strings."""
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.refuse(key_node, "L009", "mapping keys must be plain words, not lists or mappings")
                continue
            key = key_node.value
            if key in result:
                self.refuse(key_node, "L006", f"duplicate key '{key}'; the first value is kept, remove one of them")
                continue
            result[key] = self.item(value_node, f"{path}{PART}{key if key.isprintable() else escape(key)}", key_node)
        return result

    def item(self, node: Node, path: str, key: Node | None = None) -> Any:
        """Build a child node: a string scalar in place, the same way ``build`` would, anything else by ``build``."""
        if not self.plain_strings or node.__class__ is not ScalarNode:
            return self.build(node, path, key)
        value, tag = node.value, node.tag
        if tag.__class__ is not slice or not (value and value[0] not in _MAYBE_TYPED or not tag.step[0]
                                              or ":" in value or _PLAIN.match(value) is None):
            return self.build(node, path, key)  # not an untagged string (as scalar_tag would resolve it)
        self.index(path, SCALAR, node, key)
        return value

    def index(self, path: str, kind: str, node: Node, key: Node | None) -> None:
        """Note where a node (and its key, if it has one) starts, under its encoded field path."""
        start, offset = node.start_mark, self.offset
        if key is None:
            self.entries.append(f"{ENTRY}{path}{KIND}{kind}{start.line + offset},{start.column + 1}")
        else:
            at = key.start_mark
            self.entries.append(
                f"{ENTRY}{path}{KIND}{kind}{start.line + offset},{start.column + 1},{at.line + offset},{at.column + 1}")


def read(source: Source) -> tuple[Any, Marks, list[Problem]]:
    """Read a source's YAML strictly, in one parse, into plain data, the marks of its nodes and its problems."""
    node, problems = compose(source)
    if node is None:
        return None, Marks("", source.yaml_line), problems
    builder = _Builder(source)
    data = builder.build(node)
    if builder.aliased:
        builder.report_aliases()
    return data, builder.marks(), builder.problems


def load(source: Source) -> tuple[Any, list[Problem]]:
    """Read a source's YAML strictly into plain data and its problems."""
    data, _, problems = read(source)
    return data, problems
