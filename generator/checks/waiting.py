"""Waiting rules: an update that says the response is blocked names who it is waiting on."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.waiting import unnamed_wait
from generator.problems import Level, Problem

RULES = RuleList()


@RULES.incident_rule("I312", "waiting-unnamed", Level.WARNING)
def waiting_unnamed(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """An update message says the response is blocked or waiting ("blocked", "waiting on" or "waiting for", as whole words in any case) but the update has no `waiting_on` naming who it waits for. Say who in `waiting_on.who` (the public page shows "waiting on" them) and what happens next in `waiting_on.what_next` (`statusbook incident update --waiting-on WHO --what-next TEXT`). Imported records are exempt."""
    if incident.is_imported:
        return
    for index, update in enumerate(incident.updates):
        words = unnamed_wait(update)
        if words:
            quoted = " and ".join(f"'{word}'" for word in words)
            message = f"message says {quoted} but the update does not name who in 'waiting_on'; add waiting_on: {{who: ..., what_next: ...}}"
            yield Problem(incident.path, message, ("updates", index, "message"))

