"""The record memo: a rebuild parses only the record files that changed, and trusts only a memo this account signed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator.loading import corpus as corpus_module
from generator.loading import memo as memo_module
from generator.loading.corpus import load_root
from generator.loading.memo import MAGIC, Memo, file_digest, key_file, memo_file_for, read_memo, shape_of
from generator.loading.source import MAX_FILE_BYTES
from tests.site.conftest import copy_portal

EDITED = "incidents/2026/2026-06-09-api-elevated-errors.md"


@pytest.fixture
def portal(tmp_path) -> Path:
    """A copy of the example portal's records."""
    return copy_portal(tmp_path / "portal")


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The paths of the record files parsed from now on."""
    seen: list[str] = []
    parse = corpus_module.parse_records

    def counting(root, zone, jobs, workers, **options):
        seen.extend(path for path, _ in jobs)
        return parse(root, zone, jobs, workers, **options)

    monkeypatch.setattr(corpus_module, "parse_records", counting)
    return seen


def load(root: Path):
    """Load a root through its memo, in this process."""
    return load_root(root, workers=1, memo_file=memo_file_for(root))


def same(first, second) -> bool:
    """Whether two loads gave the same records, problems and positions."""
    return (first.corpus == second.corpus and first.problems == second.problems
            and first.positions.known == second.positions.known and first.file_count == second.file_count)


def retitle(root: Path) -> None:
    """Change one incident's title."""
    record = root / EDITED
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")


def test_a_second_load_parses_only_the_changed_file_and_gives_what_a_full_load_gives(portal, parsed):
    load(portal)
    assert len(parsed) > 30
    retitle(portal)
    parsed.clear()
    remembered = load(portal)
    assert parsed == [EDITED]
    assert same(remembered, load_root(portal, workers=1))
    assert "Edited " in next(i.title for i in remembered.corpus.incidents if EDITED.endswith(f"{i.id}.md"))


def test_nothing_changed_parses_nothing_and_leaves_the_memo_as_it_was(portal, parsed):
    load(portal)
    written = memo_file_for(portal).stat().st_mtime_ns
    parsed.clear()
    load(portal)
    assert parsed == []
    assert memo_file_for(portal).stat().st_mtime_ns == written


def test_a_removed_or_added_file_is_noticed(portal, parsed):
    load(portal)
    (portal / EDITED).rename(portal / "incidents" / "2026" / "2026-06-10-api-elevated-errors.md")
    parsed.clear()
    moved = load(portal)
    assert parsed == ["incidents/2026/2026-06-10-api-elevated-errors.md"]
    assert same(moved, load_root(portal, workers=1))


def test_a_memo_signed_with_another_key_is_never_unpickled_and_is_replaced(portal, parsed, monkeypatch):
    load(portal)
    key_file().write_bytes(b"k" * 32)
    monkeypatch.setattr(memo_module.pickle, "loads", lambda payload: pytest.fail("an unsigned memo was unpickled"))
    parsed.clear()
    load(portal)
    assert len(parsed) > 30
    monkeypatch.undo()
    assert read_memo(memo_file_for(portal), shape_of(load_root(portal).corpus.site.default_timezone)) is not None


def test_a_damaged_memo_is_never_unpickled(portal, parsed, monkeypatch):
    load(portal)
    memo = memo_file_for(portal)
    data = bytearray(memo.read_bytes())
    data[-10] ^= 0xFF
    memo.write_bytes(bytes(data))
    monkeypatch.setattr(memo_module.pickle, "loads", lambda payload: pytest.fail("a damaged memo was unpickled"))
    parsed.clear()
    load(portal)
    assert len(parsed) > 30


def test_a_key_others_may_read_is_not_used(portal, parsed):
    load(portal)
    os.chmod(key_file(), 0o644)
    parsed.clear()
    load(portal)
    assert len(parsed) > 30
    os.chmod(key_file(), 0o600)


def test_a_file_that_is_not_a_memo_is_left_alone(portal, parsed):
    memo = memo_file_for(portal)
    memo.parent.mkdir(parents=True, exist_ok=True)
    memo.write_text("my notes\n", encoding="utf-8")
    load(portal)
    load(portal)
    assert memo.read_text(encoding="utf-8") == "my notes\n"
    assert len(parsed) > 60


def test_another_default_time_zone_parses_everything(portal, parsed):
    load(portal)
    config = portal / "statusbook.yml"
    config.write_text(config.read_text(encoding="utf-8") + "default_timezone: Asia/Tokyo\n", encoding="utf-8")
    parsed.clear()
    load(portal)
    assert len(parsed) > 30


def test_a_file_read_with_a_problem_is_never_remembered(portal, parsed):
    large = portal / "incidents" / "2026" / "2026-06-11-large.md"
    large.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    first = load(portal)
    assert any(p.code == "L001" and p.path == "incidents/2026/2026-06-11-large.md" for p in first.problems)
    parsed.clear()
    again = load(portal)
    assert parsed == ["incidents/2026/2026-06-11-large.md"]
    assert same(first, again)


def test_the_memo_and_its_key_are_this_accounts_alone(portal):
    load(portal)
    memo = memo_file_for(portal)
    assert memo.read_bytes().startswith(MAGIC)
    assert memo.stat().st_mode & 0o077 == 0 and key_file().stat().st_mode & 0o077 == 0
    assert memo.parent.stat().st_mode & 0o077 == 0


def test_a_memo_of_another_shape_is_never_unpickled(portal, parsed, monkeypatch):
    load(portal)
    monkeypatch.setattr(memo_module, "code_digest", lambda: b"another version..")
    monkeypatch.setattr(memo_module.pickle, "loads", lambda payload: pytest.fail("a memo of another shape was unpickled"))
    parsed.clear()
    load(portal)
    assert len(parsed) > 30


def test_a_signed_memo_that_cannot_be_unpickled_means_parsing_everything(portal, parsed, monkeypatch):
    load(portal)

    def broken(payload):
        raise AttributeError("Can't get attribute 'Incident' on <module 'generator.model.incident'>")

    monkeypatch.setattr(memo_module.pickle, "loads", broken)
    parsed.clear()
    assert same(load(portal), load_root(portal, workers=1))
    assert len(parsed) > 30


def test_records_that_cannot_be_pickled_are_parsed_next_time_and_the_load_goes_on(portal, parsed, monkeypatch):
    def unpicklable(*arguments, **keywords):
        raise pickle.PicklingError("cannot pickle 'generator' object")

    real = pickle.dumps
    monkeypatch.setattr(memo_module.pickle, "dumps", unpicklable)
    first = load(portal)
    assert not memo_file_for(portal).exists()
    monkeypatch.setattr(memo_module.pickle, "dumps", real)
    parsed.clear()
    assert same(load(portal), first) and len(parsed) > 30


def test_without_a_memo_no_file_is_read_twice(portal, monkeypatch):
    recalled: list[tuple[str, str]] = []
    recall = corpus_module.recalled
    monkeypatch.setattr(corpus_module, "recalled", lambda root, job, *rest: recalled.append(job) or recall(root, job, *rest))
    load(portal)
    assert recalled == []
    load(portal)
    assert len(recalled) > 30


def test_a_memo_written_again_pickles_only_the_changed_file(portal, monkeypatch):
    load(portal)
    retitle(portal)
    pickled: list[type] = []
    real = pickle.dumps
    monkeypatch.setattr(memo_module.pickle, "dumps", lambda value, **options: pickled.append(type(value)) or real(value, **options))
    remembered = load(portal)
    assert pickled == [corpus_module.FileResult, memo_module.Memo]
    assert same(remembered, load_root(portal, workers=1))


def test_a_remembered_file_that_cannot_be_unpickled_is_parsed(portal, parsed, monkeypatch):
    load(portal)
    monkeypatch.setattr(memo_module, "unpickled", lambda payload: None)
    parsed.clear()
    assert same(load(portal), load_root(portal, workers=1))
    assert len(parsed) > 30


def test_files_are_digested_only_for_a_memo(portal):
    jobs = corpus_module.record_jobs(portal)
    without = corpus_module.load_records(portal, None, jobs, 1)
    for_memo = corpus_module.load_records(portal, None, jobs, 1, Memo(shape_of(None)))
    assert [r.digest for r in without] == [None] * len(jobs)
    assert [r.digest for r in for_memo] == [file_digest((portal / path).read_bytes()) for path, _ in jobs]
    assert [(r.path, r.record, r.problems, r.marks) for r in without] == [
        (r.path, r.record, r.problems, r.marks) for r in for_memo]


@pytest.fixture
def record_reads(monkeypatch) -> list[str]:
    """The record files read from now on (the settings, people and theme files are left out)."""
    seen: list[str] = []
    read = corpus_module.read_file
    def reading(root, path):
        if path.startswith(("incidents/", "rotations/")):
            seen.append(path)
        return read(root, path)

    monkeypatch.setattr(corpus_module, "read_file", reading)
    return seen


def test_a_file_unchanged_since_its_stamp_is_taken_from_the_memo_unread(portal, parsed, record_reads, monkeypatch):
    monkeypatch.setattr(corpus_module, "SETTLED_NS", 0)
    load(portal)
    retitle(portal)
    parsed.clear(), record_reads.clear()
    remembered = load(portal)
    assert set(record_reads) == {EDITED} and parsed == [EDITED]
    assert same(remembered, load_root(portal, workers=1))


def test_a_write_that_keeps_the_size_and_the_modification_time_is_noticed(portal, parsed, monkeypatch):
    monkeypatch.setattr(corpus_module, "SETTLED_NS", 0)
    load(portal)
    record, before = portal / EDITED, (portal / EDITED).stat()
    text = record.read_text(encoding="utf-8")
    start = text.index("title: ") + len("title: ")
    record.write_text(f"{text[:start]}_{text[start + 1:]}", encoding="utf-8")
    os.utime(record, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (record.stat().st_size, record.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    parsed.clear()
    remembered = load(portal)
    assert parsed == [EDITED]
    assert next(i.title for i in remembered.corpus.incidents if EDITED.endswith(f"{i.id}.md")).startswith("_")


def test_a_file_changed_moments_before_loading_is_not_stamped_and_is_read_again(portal, record_reads):
    load(portal)
    record_reads.clear()
    load(portal)
    assert len(record_reads) > 30
    assert {entry[3] for entry in read_memo(memo_file_for(portal), shape_of(None)).files.values()} == {None}
