"""Blameless postmortems and their action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from generator.model import compact_pickling

POSTMORTEM_STATUSES = ("draft", "in_review", "reviewed", "closed")
ACTION_TYPES = ("mitigate", "prevent", "process")
ACTION_STATUSES = ("open", "done", "not_doing")
REQUIRED_SECTIONS = (
    "Summary",
    "Impact",
    "Timeline",
    "Root cause",
    "What went well",
    "What could be improved",
    "Action items",
)


@compact_pickling
@dataclass(frozen=True, slots=True)
class ActionException:
    """Who accepted that an action item stays open past the 30-day window, and why."""

    accepted_by: str
    note: str


@compact_pickling
@dataclass(frozen=True, slots=True)
class ActionItem:
    """A follow-up that prevents a recurrence or improves the process."""

    title: str
    type: str
    status: str
    owner: str | None = None
    due: date | None = None
    ticket: str | None = None
    done_on: date | None = None
    reason: str | None = None
    exception: ActionException | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Section:
    """A second-level section of the postmortem body."""

    title: str
    text: str
    line: int


@compact_pickling
@dataclass(frozen=True, slots=True)
class Postmortem:
    """The postmortem of one incident, stored beside it."""

    incident_id: str
    path: str
    status: str
    public: bool
    authors: tuple[str, ...] = ()
    drafted: datetime | None = None
    reviewed_on: date | None = None
    action_items: tuple[ActionItem, ...] = ()
    sections: tuple[Section, ...] = ()
    body: str = ""
    body_line: int = 0

    def section(self, title: str) -> Section | None:
        """Return the section with this title, ignoring case."""
        wanted = title.casefold()
        return next((s for s in self.sections if s.title.casefold() == wanted), None)
