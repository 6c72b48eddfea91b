"""Record format versions: the format this Statusbook reads, and what changed in each one.

statusbook.yml names the format its records are written for (``format: 1``). The table grows by one entry per
format: to change the record format, append ``FormatChange(N + 1, ...)`` to FORMAT_CHANGES and set FORMAT_VERSION
to N + 1. ``edits`` lists, as instructions, every change a portal written for format N must make to its records
(such as "rename 'x' to 'y' in every incident"); leave it empty when records of format N stay valid. A portal
written for an older format is then told every edit of every newer format, oldest first; one written for a newer
format is told to upgrade Statusbook.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_FORMAT = 1
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class FormatChange:
    """One record format: its version, what changed in it, and the edits older records need."""

    version: int
    changed: str
    edits: tuple[str, ...] = ()


FORMAT_CHANGES: tuple[FormatChange, ...] = (
    FormatChange(1, "The first record format: statusbook.yml, people.yml, incidents/, rotations/ as documented."),
)


def pending_edits(written_for: int, installed: int = FORMAT_VERSION,
                  changes: tuple[FormatChange, ...] = FORMAT_CHANGES) -> list[tuple[int, str]]:
    """List each edit, with its format, that records written for ``written_for`` need to follow ``installed``."""
    return [(c.version, edit) for c in changes if written_for < c.version <= installed for edit in c.edits]
