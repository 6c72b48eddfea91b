"""Decisions and escalations recorded during an incident: the decision log, and who was called in, when and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.model import compact_pickling

# How a decision turned out, once known: it worked, or it failed and another was needed.
OUTCOMES = ("worked", "failed")
FAILED = "failed"
WORKED = "worked"
# What the team does when it cannot tell the impact of a change: roll it back first, then investigate.
DEFAULT_MITIGATION = "rollback"
DEFAULT_DECISION = ("When the impact cannot be determined, the default decision is to roll back: "
                    "undo the last change first, then investigate.")


@compact_pickling
@dataclass(frozen=True, slots=True)
class Decision:
    """One entry of the decision log: what was decided, by whom, why, and how it turned out."""

    at: datetime
    by: str
    decision: str
    why: str | None = None
    mitigation: str | None = None
    outcome: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the decision was tried and did not work."""
        return self.outcome == FAILED


@compact_pickling
@dataclass(frozen=True, slots=True)
class Escalation:
    """Someone called in with more authority or expertise: when, by whom, to whom and why."""

    at: datetime
    by: str
    to: str
    reason: str
