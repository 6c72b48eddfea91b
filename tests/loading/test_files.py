"""Finding and reading record files: regular files inside the root only, never more than the size limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.loading import files
from generator.loading.files import find_files, inside, leaving_link, read_file
from generator.loading.source import MAX_FILE_BYTES


def records(name: str) -> bool:
    """Want Markdown files, as the loader does."""
    return name.endswith(".md")


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A root with one record, and a file outside it."""
    (tmp_path / "root" / "incidents" / "2026").mkdir(parents=True)
    (tmp_path / "root" / "incidents" / "2026" / "a.md").write_text("---\n")
    (tmp_path / "outside.md").write_text("secret")
    return tmp_path / "root"


def found(root: Path) -> tuple[list[str], list[str]]:
    """Walk incidents/ and describe what was found and refused."""
    paths, problems = find_files(root, "incidents", records)
    return paths, [f"{p.path} {p.code}" for p in problems]


def test_inside_compares_whole_path_parts() -> None:
    assert inside("/srv/portal", "/srv/portal/incidents/a.md")
    assert inside("/srv/portal", "/srv/portal")
    assert not inside("/srv/portal", "/srv/portal2/a.md")
    assert inside("/", "/etc/passwd")


def test_links_out_are_refused_whatever_their_name_and_links_in_are_kept(root: Path) -> None:
    os.symlink(root.parent / "outside.md", root / "incidents" / "out.md")
    os.symlink("../../outside.md", root / "incidents" / "notes.txt")
    os.symlink("2026/a.md", root / "incidents" / "alias.md")
    os.symlink("2026", root / "incidents" / "mirror")
    os.symlink("missing.md", root / "incidents" / "broken.md")
    assert found(root) == (["incidents/2026/a.md", "incidents/alias.md", "incidents/broken.md"],
                           ["incidents/notes.txt L013", "incidents/out.md L013"])


def test_special_files_are_refused_only_when_named_like_records(root: Path) -> None:
    os.mkfifo(root / "incidents" / "pipe.md")
    os.mkfifo(root / "incidents" / "pipe")
    assert found(root) == (["incidents/2026/a.md"], ["incidents/pipe.md L014"])


def test_leaving_link_names_the_first_link_on_the_way_out(root: Path) -> None:
    os.symlink(root.parent, root / "templates")
    assert leaving_link(root, "templates/comms/x.j2").path == "templates"
    assert leaving_link(root, "incidents/2026/a.md") is None


def test_an_oversized_file_is_refused_from_its_size_without_a_read(root: Path, monkeypatch) -> None:
    with open(root / "big.md", "wb") as big:
        big.truncate(MAX_FILE_BYTES + 1)
    monkeypatch.setattr(files.os, "read", lambda *_: pytest.fail("the file was read"))
    data, problems = read_file(root, "big.md")
    assert data is None and [(p.code, p.message) for p in problems] == [("L001", f"file is larger than {MAX_FILE_BYTES} bytes")]


def test_a_file_that_grows_after_the_size_check_is_cut_at_one_byte_over(root: Path, monkeypatch) -> None:
    (root / "grows.md").write_bytes(b"x" * (MAX_FILE_BYTES + 10))
    real_fstat = os.fstat
    monkeypatch.setattr(files.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    taken = []
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: taken.append(real_read(fd, n)) or taken[-1])
    data, problems = read_file(root, "grows.md")
    assert data is None and problems[0].code == "L001"
    assert sum(map(len, taken)) == MAX_FILE_BYTES + 1


def test_a_link_out_is_refused_without_opening_its_target(root: Path, monkeypatch) -> None:
    os.symlink(root.parent / "outside.md", root / "statusbook.yml")
    opened = []
    real_open = os.open
    monkeypatch.setattr(files.os, "open", lambda path, *rest: opened.append(str(path)) or real_open(path, *rest))
    data, problems = read_file(root, "statusbook.yml")
    assert data is None and [p.code for p in problems] == ["L013"]
    assert opened == [str(root / "statusbook.yml")]


def test_a_link_inside_is_read(root: Path) -> None:
    os.symlink("incidents/2026/a.md", root / "people.yml")
    assert read_file(root, "people.yml") == (b"---\n", [])
