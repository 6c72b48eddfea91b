"""Verify planned files with the project's loader and every rule before anything is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from generator.loading import records
from generator.loading.corpus import CONFIG_FILE, Loaded
from generator.problems import Level, Problem
from generator.responder.edit import introduced, with_changes
from generator.responder.errors import RefusedEdit
from generator.validate import check_loaded


def with_site(loaded: Loaded, text: str | None) -> Loaded:
    """Return what loading the root would give with ``text`` as statusbook.yml (None: unchanged)."""
    if text is None:
        return loaded
    source, site, found = records.load_site(CONFIG_FILE, text)
    problems = [p for p in loaded.problems if p.path != CONFIG_FILE] + found
    if site is None:
        raise RefusedEdit(f"{CONFIG_FILE} would not load with the new components, so nothing was written", found)
    positions = loaded.positions.with_sources({CONFIG_FILE: source})
    return Loaded(replace(loaded.corpus, site=site), positions, problems, loaded.file_count)


def errors(loaded: Loaded, now: datetime) -> list[Problem]:
    """Return every error that validation finds."""
    return [p for p in check_loaded(loaded, now).problems if p.level is Level.ERROR]


def verify(loaded: Loaded, records_text: dict[str, str], config: str | None, now: datetime) -> None:
    """Raise RefusedEdit if the new records and configuration add an error anywhere in the portal."""
    after = with_changes(with_site(loaded, config), records_text)
    new = introduced(errors(loaded, now), errors(after, now))
    if new:
        raise RefusedEdit("the import would make the portal invalid, so nothing was written", new)
