"""Read record files and split Markdown front matter from the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.loading.marks import Marks
from generator.problems import Problem, error

MAX_FILE_BYTES = 1_000_000
FENCE = "---"
# A line that closes front matter: '---' or '...', then nothing but white space (as str.rstrip strips it).
CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Source:
    """A record file's text, with where its YAML starts and, once parsed, where each of its fields starts."""

    path: str
    text: str
    yaml: str
    yaml_line: int
    body: str = ""
    body_line: int = 0
    marks: Marks | None = None

    def with_marks(self, marks: Marks) -> Source:
        """Return this source with the marks of its parse."""
        return Source(self.path, self.text, self.yaml, self.yaml_line, self.body, self.body_line, marks)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 bytes, dropping a BOM and normalising line endings."""
    if len(data) > MAX_FILE_BYTES:
        return None, [error(path, "L001", f"file is larger than {MAX_FILE_BYTES} bytes", line=1, column=1)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        return None, [error(path, "L002", message, line=line, column=column)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(path: str, text: str) -> tuple[Source | None, list[Problem]]:
    """Split ``---`` fenced YAML front matter from a Markdown body."""
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != FENCE:
        message = "missing front matter: the file must start with a line '---'"
        return None, [error(path, "L003", message, line=1, column=1)]
    closing = CLOSING_FENCE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        message = "unterminated front matter: no closing '---' line after the opening one"
        return None, [error(path, "L004", message, line=1, column=1)]
    yaml_text = text[first_end + 1 : closing.start()] or "\n"
    body = text[closing.end() + 1 :]
    return Source(path, text, yaml_text, 2, body, text.count("\n", 0, closing.start()) + 2), []


def yaml_source(path: str, text: str) -> Source:
    """Wrap a plain YAML file as a source that starts at line 1."""
    return Source(path, text, text, 1)
