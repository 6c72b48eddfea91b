"""statusbook.yml's format key: missing, newer, older and current formats, judged against a fake table."""

from __future__ import annotations

from generator.loading.formats import format_problems
from generator.loading.source import yaml_source
from generator.model.formats import FormatChange
from generator.problems import Level

FAKE = (
    FormatChange(1, "first"),
    FormatChange(2, "renamed a key", ("rename 'url' to 'public_url' in statusbook.yml",)),
    FormatChange(3, "added an optional key"),
)
SOURCE = yaml_source("statusbook.yml", "name: x\n")


def judged(data: dict, installed: int = 3) -> list:
    """Judge the format of statusbook.yml data as a Statusbook 9.9.9 that reads format ``installed`` of FAKE."""
    return format_problems(SOURCE, data, [], installed=installed, changes=FAKE, version="9.9.9")


def test_current_format_is_fine() -> None:
    """Records of the installed format have no format problem."""
    assert judged({"format": 3}) == []


def test_an_older_format_without_edits_is_read_as_it_is() -> None:
    """Format 2 read by format 3, which changed nothing in records, is fine."""
    assert judged({"format": 2}) == []


def test_newer_format_asks_to_upgrade_statusbook() -> None:
    """A newer format is an error at the format key that names the installed version and what to install."""
    [problem] = judged({"format": 4})
    assert (problem.code, problem.level, problem.field) == ("L015", Level.ERROR, ("format",))
    assert problem.message == ("statusbook.yml is written for record format 4, but Statusbook 9.9.9 reads format 3; "
                               "upgrade Statusbook (pip install -U statusbook)")


def test_older_format_lists_every_edit() -> None:
    """An older format that needs edits is an error at the format key listing them and the format to set."""
    [problem] = judged({"format": 1})
    assert (problem.code, problem.level, problem.field) == ("L017", Level.ERROR, ("format",))
    assert problem.message == ("statusbook.yml is written for record format 1, but Statusbook 9.9.9 reads format 3, "
                               "which needs these edits to the records: (2) rename 'url' to 'public_url' in statusbook.yml; "
                               "then set 'format: 3'")


def test_missing_format_warns_at_line_1_what_to_add() -> None:
    """No format key: a warning at line 1 to add 'format: 1', and the edits format 1 needs, also at line 1."""
    warned, edits = judged({})
    assert (warned.code, warned.level, warned.line, warned.column) == ("L016", Level.WARNING, 1, 1)
    assert "add the line 'format: 1'" in warned.message
    assert (edits.code, edits.line, edits.column) == ("L017", 1, 1)


def test_missing_format_of_the_first_version_only_warns() -> None:
    """No format key while Statusbook reads format 1: only the warning."""
    assert [p.code for p in judged({}, installed=1)] == ["L016"]
