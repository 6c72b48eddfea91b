"""Load every record under a site root into one corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.loading import records
from generator.loading.source import Source, decode
from generator.model.corpus import Corpus
from generator.problems import Problem, error

CONFIG_FILE = "statusbook.yml"
PEOPLE_FILE = "people.yml"
INCIDENTS_DIR = "incidents"
ROTATIONS_DIR = "rotations"
SKIPPED_NAMES = frozenset({"README.md", "index.md"})


class RootError(Exception):
    """The directory is not a Statusbook site root."""


@dataclass(slots=True)
class Loaded:
    """The outcome of loading: the corpus (if the configuration loaded), problems and sources."""

    corpus: Corpus | None
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    file_count: int = 0


def record_files(root: Path, folder: str) -> list[str]:
    """List the Markdown record files under a folder, as sorted root-relative paths."""
    base = root / folder
    if not base.is_dir():
        return []
    found = (p for p in base.rglob("*.md") if p.is_file() and p.name not in SKIPPED_NAMES)
    return sorted(p.relative_to(root).as_posix() for p in found)


def read_text(root: Path, path: str, loaded: Loaded) -> str | None:
    """Read and decode one file, recording problems if it cannot be read."""
    loaded.file_count += 1
    try:
        data = (root / path).read_bytes()
    except OSError as exc:
        loaded.problems.append(error(path, "L001", f"cannot read file: {exc.strerror}", line=1, column=1))
        return None
    text, problems = decode(path, data)
    loaded.problems.extend(problems)
    return text


def load_one(root: Path, path: str, loader: Callable, loaded: Loaded, *args):
    """Run one record loader on one file and keep its source and problems."""
    text = read_text(root, path, loaded)
    if text is None:
        return None
    source, record, problems = loader(path, text, *args)
    loaded.problems.extend(problems)
    if source is not None:
        loaded.sources[path] = source
    return record


def load_root(root: Path) -> Loaded:
    """Load the configuration, people, incidents, postmortems and rotations under ``root``."""
    if not (root / CONFIG_FILE).is_file():
        raise RootError(f"{root} has no {CONFIG_FILE}; pass --root with the directory that holds your records")
    loaded = Loaded(None)
    site = load_one(root, CONFIG_FILE, records.load_site, loaded)
    people = load_people(root, loaded)
    zone = site.default_timezone if site else None
    incidents, postmortems, unloaded = [], [], set()
    for path in record_files(root, INCIDENTS_DIR):
        is_postmortem = path.endswith(records.POSTMORTEM_SUFFIX)
        loader = records.load_postmortem if is_postmortem else records.load_incident
        record = load_one(root, path, loader, loaded, zone)
        if record is not None:
            (postmortems if is_postmortem else incidents).append(record)
        elif not is_postmortem:
            unloaded.add(records.record_id(path))
    rotations = []
    for path in record_files(root, ROTATIONS_DIR):
        rotation = load_one(root, path, records.load_rotation, loaded, zone)
        if rotation is not None:
            rotations.append(rotation)
    if site is not None:
        loaded.corpus = Corpus(
            site, people or (), incidents, postmortems, rotations,
            unloaded=frozenset(unloaded), people_loaded=people is not None,
        )
    return loaded


def load_people(root: Path, loaded: Loaded):
    """Load ``people.yml``, reporting it if it is missing."""
    if not (root / PEOPLE_FILE).is_file():
        message = f"{PEOPLE_FILE} is missing; list everyone who appears in records there"
        loaded.problems.append(error(PEOPLE_FILE, "L001", message, line=1, column=1))
        return None
    return load_one(root, PEOPLE_FILE, records.load_people, loaded)
