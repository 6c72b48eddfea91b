"""Load every record under a site root into one corpus, in parallel for large roots."""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from generator.loading import records
from generator.loading.files import find_files, read_file
from generator.loading.locate import marks_of_source
from generator.loading.marks import Marks
from generator.loading.memo import Memo, Stamp, file_digest, read_memo, shape_of, write_memo
from generator.loading.sharing import shared_map
from generator.loading.source import Source, decode, split_front_matter, yaml_source
from generator.loading.theme_files import with_theme_files
from generator.memory import collection_paused
from generator.model.corpus import Corpus
from generator.problems import Problem, error

CONFIG_FILE = "statusbook.yml"
PEOPLE_FILE = "people.yml"
INCIDENTS_DIR = "incidents"
ROTATIONS_DIR = "rotations"
TEMPLATES_DIR = "templates/comms"
SKIPPED_NAMES = {INCIDENTS_DIR: frozenset({"README.md", "index.md"}), ROTATIONS_DIR: frozenset({"README.md"})}
PARALLEL_FROM = 400
# Small chunks let this process and the workers meet close to the middle of the jobs: when they meet, this process
# waits for the chunks the workers hold (the one running and the one queued), and sending a chunk costs little.
CHUNKS_PER_PROCESS = 128
SMALLEST_CHUNK = 16
# A file is stamped (and later taken from the memo unread while its stamp holds) only once it has not changed for this
# long: more than the coarsest clock tick of file systems (FAT keeps two seconds), so no write can share its stamp.
SETTLED_NS = 3_000_000_000
LOADERS = {
    "incident": records.load_incident,
    "postmortem": records.load_postmortem,
    "rotation": records.load_rotation,
}


class RootError(Exception):
    """The directory is not a Statusbook site root."""


class Positions:
    """The marks of each file's one parse, by path, to place problems found after loading; a file never read here
    (so never parsed) is read and parsed on first use."""

    def __init__(self, root: Path, known: dict[str, Marks | None] | None = None) -> None:
        self.root = root
        self.known: dict[str, Marks | None] = {} if known is None else known

    def get(self, path: str) -> Marks | None:
        """Return the marks of a file, parsing it on first use if loading did not."""
        if path not in self.known:
            source = self.read(path)
            self.known[path] = None if source is None else marks_of_source(source)
        return self.known[path]

    def read(self, path: str) -> Source | None:
        """Read and split one file, or None if it cannot be read."""
        text, _ = read_text(self.root, path)
        if text is None:
            return None
        return split_front_matter(path, text)[0] if path.endswith(".md") else yaml_source(path, text)

    def with_sources(self, sources: dict[str, Source | None]) -> Positions:
        """Return positions with these files' marks in place of the loaded ones (for records not yet written)."""
        changed = {path: None if source is None else marks_of_source(source) for path, source in sources.items()}
        return Positions(self.root, {**self.known, **changed})


@dataclass(slots=True)
class Loaded:
    """The outcome of loading: the corpus (if the configuration loaded), problems and where each file's fields are."""

    corpus: Corpus | None
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    file_count: int = 0


@dataclass(frozen=True, slots=True)
class FileResult:
    """What loading one file gave: its record, its problems and the marks of its parse (its text stays behind), and
    the digest of its bytes when it was read without a problem."""

    path: str
    kind: str
    record: Any
    problems: list[Problem]
    marks: Marks | None = None
    digest: bytes | None = None

    def __reduce__(self) -> tuple:
        """Pickle as a call with the fields: far cheaper than a frozen slotted class's default state."""
        return FileResult, (self.path, self.kind, self.record, self.problems, self.marks, self.digest)


def is_record_name(name: str, folder: str) -> bool:
    """Say whether a file name in a record folder is one of a Markdown record; rotations/index.md is a record."""
    return name.endswith(".md") and name not in SKIPPED_NAMES[folder]


def is_template_name(name: str) -> bool:
    """Say whether a file name is one of a Jinja2 comms template."""
    return name.endswith(".j2")


def record_files(root: Path, folder: str) -> tuple[list[str], list[Problem]]:
    """List the Markdown record files under a folder, sorted, with the links out and non-regular files found."""
    return find_files(root, folder, partial(is_record_name, folder=folder))


def read_text(root: Path, path: str) -> tuple[str | None, list[Problem]]:
    """Read and decode one file, or say why it cannot be read."""
    data, problems = read_file(root, path)
    return (None, problems) if data is None else decode(path, data)


def load_file(root: Path, zone: ZoneInfo | None, job: tuple[str, str], digests: bool = True) -> FileResult:
    """Load one record file of a given kind; with ``digests``, keep the digest of its bytes for a memo."""
    path, kind = job
    data, problems = read_file(root, path)
    if data is None:
        return FileResult(path, kind, None, problems)
    text, decoded = decode(path, data)
    if text is None:
        return FileResult(path, kind, None, problems + decoded)
    source, record, found = LOADERS[kind](path, text, zone)
    marks, digest = None if source is None else source.marks, file_digest(data) if digests and not problems else None
    return FileResult(path, kind, record, problems + decoded + found, marks, digest)


def recalled(root: Path, job: tuple[str, str], memo: Memo, stamp: Stamp | None) -> FileResult | None:
    """What loading a file gave the last build, if the file is stamped as it was then, or is read without a problem
    and its bytes are the same."""
    found = memo.stamped(*job, stamp) if stamp is not None else None
    if found is not None:
        return found
    data, problems = read_file(root, job[0])
    return None if data is None or problems else memo.get(*job, file_digest(data))


def file_stamps(root: Path, jobs: list[tuple[str, str]]) -> dict[str, Stamp]:
    """Stamp each regular record file that last changed at least SETTLED_NS before now (links are read every time)."""
    settled = time.time_ns() - SETTLED_NS
    stamps = {}
    for path, _ in jobs:
        try:
            found = os.stat(root / path, follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode) and max(found.st_mtime_ns, found.st_ctime_ns) < settled:
            stamps[path] = (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    return stamps


def load_config(root: Path, path: str, loader) -> tuple[Source | None, Any, list[Problem]]:
    """Load statusbook.yml or people.yml."""
    text, problems = read_text(root, path)
    if text is None:
        return None, None, problems
    source, record, found = loader(path, text)
    return source, record, problems + found


def record_jobs(root: Path) -> list[tuple[str, str]]:
    """List every record file with the kind of record it holds."""
    return found_records(root)[0]


def found_records(root: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """List every record file with its kind, and report the links out and special files met on the way."""
    incidents, problems = record_files(root, INCIDENTS_DIR)
    rotations, more = record_files(root, ROTATIONS_DIR)
    jobs = [(path, "postmortem" if path.endswith(records.POSTMORTEM_SUFFIX) else "incident") for path in incidents]
    jobs.extend((path, "rotation") for path in rotations)
    return jobs, problems + more + find_files(root, TEMPLATES_DIR, is_template_name)[1]


def load_records(root: Path, zone: ZoneInfo | None, jobs: list[tuple[str, str]], workers: int,
                 memo: Memo | None = None, stamps: dict[str, Stamp] | None = None) -> list[FileResult]:
    """Load record files, taking what ``memo`` holds for files that did not change (as their ``stamps`` or bytes
    say), and parsing the rest (every file, without reading it first, when the memo holds none; without digesting
    their bytes when there is no memo)."""
    if memo is None:
        return parse_records(root, zone, jobs, workers, digests=False)
    if not memo.files:
        return parse_records(root, zone, jobs, workers)
    stamps = stamps or {}
    found = [recalled(root, job, memo, stamps.get(job[0])) for job in jobs]
    parsed = iter(parse_records(root, zone, [job for job, result in zip(jobs, found) if result is None], workers))
    return [result or next(parsed) for result in found]


def parse_records(root: Path, zone: ZoneInfo | None, jobs: list[tuple[str, str]], workers: int,
                  digests: bool = True) -> list[FileResult]:
    """Parse record files, spreading them over worker processes when there are many."""
    work = partial(load_file, root, zone, digests=digests)
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        return [work(job) for job in jobs]
    return shared_map(work, jobs, workers, max(SMALLEST_CHUNK, len(jobs) // (workers * CHUNKS_PER_PROCESS)))


def default_workers() -> int:
    """Use every core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def load_root(root: Path, workers: int | None = None, memo_file: Path | None = None) -> Loaded:
    """Load the configuration, people, incidents, postmortems and rotations under ``root``; with ``memo_file``, parse
    only the record files that changed since the memo was written, and write it again."""
    with collection_paused():  # collection passes over the growing corpus would cost a fifth of the time
        return load_everything(root, workers, memo_file)


def remembered_records(root: Path, zone: ZoneInfo | None, jobs: list[tuple[str, str]], workers: int,
                       memo_file: Path | None) -> list[FileResult]:
    """Load record files, through the memo at ``memo_file`` if there is one, and write the memo again if it changed."""
    if memo_file is None:
        return load_records(root, zone, jobs, workers)
    shape, stamps = shape_of(zone), file_stamps(root, jobs)  # stamped before reading: a later write changes them
    memo = read_memo(memo_file, shape) or Memo(shape)
    results = load_records(root, zone, jobs, workers, memo, stamps)
    entries = ((r.path, memo.entry(r.path, r.kind, r.digest, r, stamps.get(r.path))) for r in results if r.digest is not None)
    files = {path: entry for path, entry in entries if entry is not None}
    if files.keys() != memo.files.keys() or any(files[path] is not memo.files[path] for path in files):
        write_memo(memo_file, Memo(shape, files))
    return results


def load_everything(root: Path, workers: int | None, memo_file: Path | None = None) -> Loaded:
    """Load every file under ``root``; see load_root."""
    if not has_entry(root / CONFIG_FILE):
        raise RootError(f"{root} has no {CONFIG_FILE}; pass --root with the directory that holds your records")
    loaded = Loaded(None, Positions(root), file_count=1)
    site = keep(loaded, CONFIG_FILE, *load_config(root, CONFIG_FILE, records.load_site))
    if site is not None:
        site, found = with_theme_files(root, CONFIG_FILE, site)
        loaded.problems.extend(found)
    people = load_people(root, loaded)
    jobs, found = found_records(root)
    loaded.problems.extend(found)
    zone = site.default_timezone if site else None
    results = remembered_records(root, zone, jobs, workers or default_workers(), memo_file)
    loaded.file_count += len(results)
    by_kind: dict[str, list] = {"incident": [], "postmortem": [], "rotation": []}
    unloaded: dict[str, set[str]] = {"incident": set(), "postmortem": set(), "rotation": set()}
    for result in results:
        loaded.problems.extend(result.problems)
        loaded.positions.known[result.path] = result.marks
        if result.record is not None:
            by_kind[result.kind].append(result.record)
        else:
            unloaded[result.kind].add(records.record_id(result.path))
    if site is not None:
        loaded.corpus = Corpus(
            site, people or (), by_kind["incident"], by_kind["postmortem"], by_kind["rotation"],
            unloaded=frozenset(unloaded["incident"]), unloaded_postmortems=frozenset(unloaded["postmortem"]),
            people_loaded=people is not None,
        )
    return loaded


def has_entry(path: Path) -> bool:
    """Say whether a file, or a link to be checked, stands at ``path`` (a folder does not count)."""
    return path.is_symlink() or (path.exists() and not path.is_dir())


def keep(loaded: Loaded, path: str, source: Source | None, record: Any, problems: list[Problem]) -> Any:
    """Keep a file's marks and problems; return its record."""
    loaded.problems.extend(problems)
    loaded.positions.known[path] = None if source is None else source.marks
    return record


def load_people(root: Path, loaded: Loaded):
    """Load ``people.yml``, reporting it if it is missing."""
    loaded.file_count += 1
    if not os.path.lexists(root / PEOPLE_FILE):
        message = f"{PEOPLE_FILE} is missing; list everyone who appears in records there"
        loaded.problems.append(error(PEOPLE_FILE, "L001", message, line=1, column=1))
        return None
    return keep(loaded, PEOPLE_FILE, *load_config(root, PEOPLE_FILE, records.load_people))
