"""A cheap, exact first test of whether a case-insensitive pattern of ASCII words can match a text at all.

Wording rules scan every body and message with case-insensitive patterns, which Python's ``re`` runs far slower than
a substring search. When no word the pattern needs appears in the folded text, the pattern cannot match, so the rule
skips it; when one does, the rule runs the pattern as before. Folding may let a text through that the pattern then
does not match, never the reverse.
"""

from __future__ import annotations


def folded(text: str) -> str:
    """Fold text so that every character ``re.IGNORECASE`` matches to an ASCII letter becomes that letter.

    ``str.casefold`` turns capitals into small letters, the Kelvin sign into k and the long s into s; the dotted
    capital I folds to i and a combining dot above, which is dropped, and the dotless i is read as i.
    """
    if text.isascii():
        return text.lower()
    return text.casefold().replace("\u0307", "").replace("\u0131", "i")


def mentions_any(stems: tuple[str, ...], text: str) -> bool:
    """Whether the folded ``text`` holds any of the lower-case ASCII ``stems``; False means that no case-insensitive
    pattern needing one of them matches ``text``."""
    lowered = folded(text)
    return any(stem in lowered for stem in stems)


def ascii_stems(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """The first word of each phrase, folded, to look for before matching the phrases; None when a phrase is not
    ASCII (folding is exact only for ASCII letters), so the pattern must always run."""
    if not all(phrase.isascii() for phrase in phrases):
        return None
    return tuple(parts[0].lower() for parts in map(str.split, phrases) if parts)
