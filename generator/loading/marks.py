"""Where each field of a parsed YAML document starts, kept from its one parse as a compact path index.

Loading parses every file once. While the strict reader builds the plain data it writes one entry per node into a
single string: the node's field path, its kind and where it and (in a mapping) its key start in the file. A problem
found later (by a check, after loading) names a field path; ``Marks.position`` finds its line and column by looking the
path up in that string, so no file is read or parsed again to place it. One string per file is cheap to send back from
a worker process and small to keep: about 30 bytes a node.

Entry format: ``ENTRY path KIND line,column[,key_line,key_column]``; a path is its parts each after ``PART``.
Keys are escaped so that the separators, which YAML only lets in through escapes in quoted keys, never clash.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.problems import FieldPath

ENTRY = "\x00"
PART = "\x01"
KIND = "\x03"
ESCAPE = "\x02"
MAPPING, SEQUENCE, SCALAR = "m", "s", "v"
_SEPARATORS = (ENTRY, PART, KIND, ESCAPE)


def escape(key: str) -> str:
    """Write a mapping key so that it never contains a separator (none of them is printable)."""
    if key.isprintable() or not any(s in key for s in _SEPARATORS):
        return key
    return "".join(f"{ESCAPE}{ord(c):x};" if c in _SEPARATORS else c for c in key)


def child_path(path: str, part: str) -> str:
    """Return the encoded path of a child: a mapping key (escaped) or a sequence index."""
    return f"{path}{PART}{part}"


@dataclass(frozen=True, slots=True)
class Marks:
    """The start of every node of one YAML document, by field path, in file lines and columns (1-based)."""

    index: str
    line: int

    def __reduce__(self) -> tuple:
        """Pickle as a call with the fields: far cheaper than a frozen slotted class's default state."""
        return Marks, (self.index, self.line)

    def entry(self, path: str) -> tuple[str, list[str]] | None:
        """Return the kind and the numbers of the node at an encoded path, if there is one."""
        start = self.index.find(f"{ENTRY}{path}{KIND}")
        if start < 0:
            return None
        start += len(path) + 2
        end = self.index.find(ENTRY, start)
        text = self.index[start:end] if end >= 0 else self.index[start:]
        return text[0], text[1:].split(",")

    def position(self, field: FieldPath, at_key: bool = False) -> tuple[int, int]:
        """Return where the deepest node along ``field`` starts: its key if ``at_key``; a missing part stops at its parent."""
        path, found = "", self.entry("")
        if found is None:
            return self.line, 1
        for depth, part in enumerate(field):
            kind = found[0]
            if kind == MAPPING:
                child = child_path(path, escape(str(part)))
            elif kind == SEQUENCE and isinstance(part, int) and part >= 0:
                child = child_path(path, str(part))
            else:
                break
            below = self.entry(child)
            if below is None:
                break
            if at_key and kind == MAPPING and depth == len(field) - 1:
                return int(below[1][2]), int(below[1][3])
            path, found = child, below
        return int(found[1][0]), int(found[1][1])

