"""Waiting on a third party: an update that says the response is blocked names who it waits for."""

from __future__ import annotations

import re

from generator.model.folding import mentions_any
from generator.model.incident import Update

# Words of an update message that say the response waits on someone; matched as whole words, in any case.
BLOCKED_WORDS = ("blocked", "waiting on", "waiting for")
_BLOCKED = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(w.split()) for w in BLOCKED_WORDS) + r")(?!\w)", re.IGNORECASE)


def blocked_words(message: str) -> list[str]:
    """Return the words of a message that say it is blocked or waiting, lower-cased, once each, in order."""
    found: dict[str, None] = {}
    if not mentions_any(("blocked", "waiting"), message):
        return []
    for match in _BLOCKED.finditer(message):
        found.setdefault(" ".join(match.group(0).lower().split()))
    return list(found)


def unnamed_wait(update: Update) -> list[str]:
    """Return the waiting words of an update that does not say in ``waiting_on`` who it waits for; [] when fine."""
    return [] if update.waiting_on is not None else blocked_words(update.message)
