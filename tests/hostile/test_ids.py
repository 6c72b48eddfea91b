"""Ids that would break or take over site addresses, and internal notes in public updates, stop validate and build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.publish.sitedir import write_site_marker
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import NOW, REPO, copy_portal

RULE = "lower-case letters, digits, '-' and '_', starting with a letter or digit"
ROTATION = REPO / "rotations" / "platform-oncall.md"
INCIDENT = "incidents/2026/2026-11-23-api-increased-latency.md"
LINES = (REPO / INCIDENT).read_text().splitlines()
FIRST_UPDATE = next(n for n, line in enumerate(LINES, 1) if n > LINES.index("updates:") and line.startswith("  - at: "))


def bad_name(name: str) -> str:
    """The error for a rotation file whose name breaks the id rule."""
    return f"rotations/{name}.md:1:1: error [L012] file name '{name}' is not a valid rotation id ({RULE}); rename rotations/{name}.md"


def add_rotation(name: str):
    """Return a change that adds a copy of a real rotation as rotations/<name>.md."""

    def change(root: Path) -> None:
        (root / "rotations" / f"{name}.md").write_text(ROTATION.read_text())

    return change


def rename_component(root: Path) -> None:
    """Give the component 'search' the id 'index'."""
    config = root / "statusbook.yml"
    config.write_text(config.read_text().replace("  - id: search\n", "  - id: index\n"))
    for path in (root / "incidents").rglob("*.md"):
        path.write_text(re.sub(r"^  search:", "  index:", path.read_text(), flags=re.M))


def internal_update(root: Path) -> None:
    """Mark the first update of a public incident internal."""
    path = root / INCIDENT
    text = path.read_text()
    assert "public: true" in text
    before, updates = text.split("\nupdates:\n", 1)
    path.write_text(before + "\nupdates:\n" + updates.replace("  - at: ", "  - internal: true\n    at: ", 1))


CASES = {
    "index": (add_rotation("index"), "rotations/index.md:1:1: error [R107] rotation id 'index' would be served at oncall/, "
              "the address of the on-call overview; rename rotations/index.md"),
    "people": (add_rotation("people"), "rotations/people.md:1:1: error [R107] rotation id 'people' would be served at "
               "oncall/people/, the address of the folder of everyone's on-call calendars; rename rotations/people.md"),
    "dot-dot": (add_rotation("..foo"), bad_name("..foo")),
    "dash": (add_rotation("-x"), bad_name("-x")),
    "space": (add_rotation("with space"), bad_name("with space")),
    "non-ascii": (add_rotation("ünï"), bad_name("ünï")),
    "upper": (add_rotation("UPPER"), bad_name("UPPER")),
    "component": (rename_component, "statusbook.yml:41:9: error [R107] component id 'index' would be served at "
                  "components/, the address of the folder of component pages; rename the component"),
    "internal-update": (internal_update, f"{INCIDENT}:{FIRST_UPDATE}:5: error [S008] updates[0]: unknown field 'internal'; "
                        "updates of a public record are published as they are: put internal notes in 'timeline' "
                        "(statusbook incident update 2026-11-23-api-increased-latency --internal)"),
}


@pytest.fixture(params=sorted(CASES), ids=str)
def hostile(request, tmp_path: Path, monkeypatch) -> tuple[Path, str]:
    """A copy of the example portal with one hostile change, and the error it must produce."""
    change, expected = CASES[request.param]
    root = copy_portal(tmp_path / "root")
    change(root)
    monkeypatch.chdir(tmp_path)
    return root, expected


def invoke(*args: str):
    """Run the CLI in-process and return the result."""
    return CliRunner().invoke(cli, [*args, "--now", NOW], env={"GITHUB_ACTIONS": ""})


def errors(output: str) -> list[str]:
    """The error lines of a report."""
    return [line for line in output.splitlines() if ": error [" in line]


def test_validate_refuses_with_the_exact_message(hostile: tuple[Path, str]) -> None:
    """Validate exits 1 and reports exactly the one error the change causes."""
    root, expected = hostile
    result = invoke("validate", "--root", str(root))
    assert result.exit_code == 1, result.output
    assert errors(result.output) == [expected]


def test_build_refuses_and_touches_nothing(hostile: tuple[Path, str], tmp_path: Path) -> None:
    """Build exits 1, leaves an existing (previously built) site byte-identical and writes nothing anywhere else."""
    root, expected = hostile
    site = tmp_path / "site"
    (site / "oncall").mkdir(parents=True)
    (site / "index.html").write_text("<p>the site as it was</p>")
    (site / "oncall" / "index.html").write_text("<p>the on-call overview as it was</p>")
    write_site_marker(site, "internal")
    before = snapshot(tmp_path)
    result = invoke("build", "--root", str(root), "--audience", "internal", "--site-dir", str(site))
    assert result.exit_code == 1, result.output
    assert expected in errors(result.output + (result.stderr or ""))
    assert changes(before, snapshot(tmp_path)) == []


def test_the_internal_update_is_only_a_warning_on_a_private_record(tmp_path: Path) -> None:
    """An unknown update field of a record that is not public stays the S001 warning."""
    root = copy_portal(tmp_path / "root")
    internal_update(root)
    path = root / INCIDENT
    path.write_text(path.read_text().replace("public: true", "public: false", 1))
    result = invoke("validate", "--root", str(root))
    assert "[S008]" not in result.output
    assert re.search(rf"^{re.escape(INCIDENT)}:\d+:\d+: warning \[S001\] unknown field 'internal'", result.output, re.M)
