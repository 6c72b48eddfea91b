"""Edit a record's front matter in place: round-trip YAML, refuse edits that break rules, write atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from generator.loading import records
from generator.loading.corpus import Loaded, read_text
from generator.model.corpus import Corpus
from generator.problems import Level, Problem
from generator.responder import yamlrt
from generator.responder.errors import RefusedEdit, UsageProblem, WriteFailed
from generator.validate import check_loaded

FENCE = "---"


@dataclass(slots=True)
class Document:
    """A Markdown record split into its opening fence, editable front matter and the rest, kept verbatim."""

    head: str
    data: Any
    tail: str

    def render(self) -> str:
        """Return the file text: the body after the front matter is unchanged byte for byte."""
        return self.head + yamlrt.dump(self.data) + self.tail


def parse_document(path: str, text: str) -> Document:
    """Split a record's text and parse its front matter for round-trip editing."""
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if lines[0].rstrip() != FENCE or closing is None:
        raise UsageProblem(f"{path} has no '---' fenced front matter; run statusbook validate and fix it first")
    try:
        data = yamlrt.load("\n".join(lines[1:closing]) + "\n")
    except YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise UsageProblem(f"{path} front matter is not valid YAML ({problem}); run statusbook validate and fix it first") from None
    if not hasattr(data, "insert"):
        raise UsageProblem(f"{path} front matter is not a mapping of fields; run statusbook validate and fix it first")
    return Document(lines[0] + "\n", data, "\n".join(lines[closing:]))


def read_document(root: Path, path: str) -> Document:
    """Read and parse one record file under ``root``, refusing one that loading refuses to read."""
    text, problems = read_text(root, path)
    if text is None:
        raise UsageProblem(f"{path}: {problems[0].message}; run statusbook validate and fix it first")
    return parse_document(path, text)


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it over ``target``."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~current_umask()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """Return the process umask without changing it for longer than a moment."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def loader_for(path: str):
    """Return the project's own loader of an incident or postmortem file."""
    return records.load_postmortem if path.endswith(records.POSTMORTEM_SUFFIX) else records.load_incident


def load_record(path: str, text: str, zone) -> tuple[Any, list[Problem]]:
    """Load an edited incident or postmortem with the project's own loader."""
    _, record, problems = loader_for(path)(path, text, zone)
    return record, problems


def swap_in(corpus: Corpus, edited: dict[str, Any]) -> Corpus:
    """Return the corpus with the edited records in place of the ones on disk."""
    incidents = [i for i in corpus.incidents if i.path not in edited]
    postmortems = [p for p in corpus.postmortems if p.path not in edited]
    unloaded = set(corpus.unloaded)
    for path, record in edited.items():
        is_postmortem = path.endswith(records.POSTMORTEM_SUFFIX)
        if record is not None:
            (postmortems if is_postmortem else incidents).append(record)
            unloaded.discard(records.record_id(path))
        elif not is_postmortem:
            unloaded.add(records.record_id(path))
    return replace(corpus, incidents=incidents, postmortems=postmortems, unloaded=frozenset(unloaded))


def with_changes(loaded: Loaded, changes: dict[str, str]) -> Loaded:
    """Return what loading the root would give if ``changes`` (path -> text) were on disk."""
    zone = loaded.corpus.site.default_timezone
    problems = [p for p in loaded.problems if p.path not in changes]
    edited, sources = {}, {}
    for path, text in changes.items():
        sources[path], edited[path], found = loader_for(path)(path, text, zone)
        problems.extend(found)
    return Loaded(swap_in(loaded.corpus, edited), loaded.positions.with_sources(sources), problems, loaded.file_count)


def errors_in(problems: tuple[Problem, ...], paths: set[str]) -> list[Problem]:
    """Keep the errors that are about the given files."""
    return [p for p in problems if p.level is Level.ERROR and p.path in paths]


def introduced(before: list[Problem], after: list[Problem]) -> list[Problem]:
    """Return the problems in ``after`` that were not already there ``before`` (positions may move)."""
    seen = Counter((p.path, p.code, p.message) for p in before)
    new = []
    for problem in after:
        key = (problem.path, problem.code, problem.message)
        if seen[key]:
            seen[key] -= 1
        else:
            new.append(problem)
    return new


def verify(loaded: Loaded, changes: dict[str, str], now: datetime) -> None:
    """Raise RefusedEdit if the changes add an error to any changed file."""
    paths = set(changes)
    before = errors_in(check_loaded(loaded, now).problems, paths)
    after = errors_in(check_loaded(with_changes(loaded, changes), now).problems, paths)
    new = introduced(before, after)
    if new:
        raise RefusedEdit("the edit would make the record invalid, so nothing was written", new)


def create_atomic(target: Path, text: str) -> None:
    """Write a new file atomically, refusing to replace one that appeared in the meantime."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o666 & ~current_umask())
        os.link(temporary, target)
    except FileExistsError:
        raise UsageProblem(f"{target} already exists; nothing was written") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def commit(loaded: Loaded, changes: dict[str, str], now: datetime, created: frozenset[str] = frozenset()) -> list[str]:
    """Verify the changes against every rule, then write each file atomically (new files first); return the paths."""
    verify(loaded, changes, now)
    root = loaded.positions.root
    for path in sorted(changes, key=lambda p: p not in created):
        if path in created:
            create_atomic(root / path, changes[path])
        else:
            write_atomic(root / path, changes[path])
    return list(changes)


@dataclass(slots=True)
class Created:
    """The files and folders one run created, so that exactly those can be removed again."""

    files: list[Path]
    folders: list[Path]

    def undo(self) -> None:
        """Remove exactly the files and folders this run created, newest first."""
        for path in reversed(self.files):
            path.unlink(missing_ok=True)
        for path in reversed(self.folders):
            try:
                path.rmdir()
            except OSError:
                pass

    def failed(self, path: str, exc: Exception) -> WriteFailed:
        """Undo the run and describe the failure."""
        self.undo()
        return WriteFailed(f"could not write {path} ({exc}); removed the {len(self.files)} files and "
                           f"{len(self.folders)} folders this run had created, nothing else")


def make_folders(root: Path, folder: Path, created: Created) -> None:
    """Create ``folder`` and its missing ancestors up to ``root``, recording each one created."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for path in reversed(missing):
        path.mkdir()
        created.folders.append(path)
    if not folder.is_dir() or (root.resolve() not in (folder.resolve(), *folder.resolve().parents)):
        raise OSError(f"{folder} is not a directory inside {root}")


def create_all(root: Path, files: dict[str, str]) -> Created:
    """Create every new file under ``root``, never replacing one; on a failure remove what was created and raise WriteFailed."""
    created = Created([], [])
    for path, text in files.items():
        try:
            make_folders(root, (root / path).parent, created)
            create_atomic(root / path, text)
        except (OSError, UsageProblem) as exc:
            raise created.failed(path, exc) from None
        created.files.append(root / path)
    return created
