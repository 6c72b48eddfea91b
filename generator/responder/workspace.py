"""The site a command works on: its loaded records, the moment of the edit and who is acting."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from generator.loading.corpus import Loaded, RootError, load_root
from generator.model.corpus import Corpus
from generator.model.site import Site
from generator.responder.errors import UsageProblem
from generator.responder.identity import acting_person, require_person


@dataclass(frozen=True, slots=True)
class Workspace:
    """Everything an edit needs: root, loaded records, the moment (UTC) and the acting person."""

    root: Path
    loaded: Loaded
    now: datetime
    actor: str | None = None

    @property
    def corpus(self) -> Corpus:
        """The records as they are on disk."""
        return self.loaded.corpus

    @property
    def site(self) -> Site:
        """The site configuration."""
        return self.loaded.corpus.site

    def person(self, person_id: str, source: str) -> str:
        """Return a person id after checking that people.yml lists it."""
        return require_person(self.corpus.people, person_id, source)


def load_site(root: Path) -> Loaded:
    """Load every record under ``root``; a root without a usable configuration is a usage problem."""
    try:
        loaded = load_root(root)
    except RootError as exc:
        raise UsageProblem(str(exc)) from None
    if loaded.corpus is None:
        raise UsageProblem("statusbook.yml does not load; run statusbook validate and fix it first")
    return loaded


def open_workspace(root: Path, now: datetime, as_person: str | None = None,
                   environ: Mapping[str, str] | None = None, identify: bool = True) -> Workspace:
    """Load the site and, if ``identify``, find out who is acting."""
    loaded = load_site(root)
    actor = None
    if identify:
        actor = acting_person(root, loaded.corpus.people, as_person, os.environ if environ is None else environ)
    return Workspace(root, loaded, now.astimezone(timezone.utc), actor)
