"""Ids and slugs from titles and names that may be written in any script."""

from __future__ import annotations

import unicodedata

from generator.responder.incident import slugify


def ascii_slug(text: str, limit: int = 60) -> str:
    """Slugify a text after folding accented letters to plain ones: 'Überweisungen' gives 'uberweisungen'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slugify(folded, limit)


def unique(base: str, taken: set[str]) -> str:
    """Return ``base``, or ``base-2``, ``base-3`` ... whichever is not taken yet."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
