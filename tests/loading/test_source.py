"""Reading files: encodings, line endings and front matter fences."""

from __future__ import annotations

from generator.loading.source import decode, split_front_matter


def test_bom_and_crlf_are_normalised() -> None:
    """A UTF-8 BOM is dropped and CRLF becomes LF."""
    text, problems = decode("f.md", "\ufeff---\r\na: 1\r\n---\r\nbody\r\n".encode())
    assert problems == []
    assert text == "---\na: 1\n---\nbody\n"


def test_invalid_utf8_is_located() -> None:
    """A bad byte is reported at its line and column."""
    text, problems = decode("f.md", b"---\nab\xffc\n")
    assert text is None
    assert [(p.code, p.line, p.column) for p in problems] == [("L002", 2, 3)]


def test_front_matter_split_keeps_line_numbers() -> None:
    """The YAML starts on line 2 and the body after the closing fence."""
    source, problems = split_front_matter("f.md", "---\na: 1\nb: 2\n---\n# Body\n")
    assert problems == []
    assert (source.yaml, source.yaml_line, source.body, source.body_line) == ("a: 1\nb: 2\n", 2, "# Body\n", 5)


def test_missing_and_unterminated_front_matter() -> None:
    """Both are errors at the first line."""
    assert split_front_matter("f.md", "# Title\n")[1][0].code == "L003"
    assert split_front_matter("f.md", "---\na: 1\n")[1][0].code == "L004"
