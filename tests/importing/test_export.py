"""Tests of reading a Statuspage export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.importing.export import read_export
from generator.responder.errors import UsageProblem
from tests.importing.conftest import EXPORT


def test_a_directory_gives_components_incidents_and_maintenance() -> None:
    """The known files of a directory are read; maintenance is told apart from incidents."""
    export = read_export(EXPORT)
    assert len(export.components) == 6 and len(export.incidents) == 4
    assert list(export.maintenances) == ["mt6v0d2r8s1y"]


def test_one_file_is_enough(tmp_path: Path) -> None:
    """A single incidents.json is an export; a maintenance listed in it counts as maintenance."""
    planned = json.loads((EXPORT / "scheduled-maintenances.json").read_text())["scheduled_maintenances"]
    (tmp_path / "summary.json").write_text(json.dumps({"incidents": planned}))
    assert list(read_export(tmp_path / "summary.json").maintenances) == ["mt6v0d2r8s1y"]


def test_a_json_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    """Broken JSON is a usage problem naming where it broke."""
    broken = tmp_path / "incidents.json"
    broken.write_text('{"incidents": [\n  {"id": }\n]}')
    with pytest.raises(UsageProblem, match=r"incidents\.json:2:10: not valid JSON"):
        read_export(broken)


@pytest.mark.parametrize("content", ['{"name": "x"}', "[1, 2]", '{"incidents": "none"}'])
def test_json_that_is_no_export_is_refused(tmp_path: Path, content: str) -> None:
    """A file without a Statuspage list is named as not being an export."""
    other = tmp_path / "other.json"
    other.write_text(content)
    with pytest.raises(UsageProblem, match="other.json is not a Statuspage API export"):
        read_export(other)


def test_a_directory_without_export_files_is_refused(tmp_path: Path) -> None:
    """An empty directory says which files it expected."""
    with pytest.raises(UsageProblem, match="holds none of incidents.json"):
        read_export(tmp_path)
