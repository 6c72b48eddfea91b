"""Pauses of the Incident Commander: while the owner is away without cover, readers must know when they are back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.model.incident import Incident, Pause

FINAL_STATUSES = ("resolved", "completed")


@dataclass(frozen=True, slots=True)
class ShortCommitment:
    """An update whose next-update commitment falls before an uncovered pause ends; ``during``: posted in the pause."""

    update: int
    commitment: datetime
    during: bool


def first_update_during(incident: Incident, pause: Pause) -> int | None:
    """Return the index of the first update posted from the pause's start until its end, if any."""
    return next((i for i, u in enumerate(incident.updates) if pause.at <= u.at < pause.until), None)


def last_update_before(incident: Incident, moment: datetime) -> int | None:
    """Return the index of the last update posted before ``moment``, if any."""
    return next((i for i in reversed(range(len(incident.updates))) if incident.updates[i].at < moment), None)


def short_commitment(incident: Incident, pause: Pause) -> ShortCommitment | None:
    """Judge an uncovered pause: the next update after its start must commit to a time at or after ``until``.

    That update is the first one posted during the pause; without one, the commitment in force when the pause
    began must not fall due during it. A pause with cover, and a final update (no commitment), pass.
    """
    if pause.cover is not None:
        return None
    during = first_update_during(incident, pause)
    index = during if during is not None else last_update_before(incident, pause.at)
    if index is None or incident.updates[index].status in FINAL_STATUSES:
        return None
    due = incident.updates[index].next_update
    if due is None or due >= pause.until or (during is None and due < pause.at):
        return None
    return ShortCommitment(index, due, during is not None)

