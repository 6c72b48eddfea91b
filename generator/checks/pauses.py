"""Pause rules: an owner away without cover tells readers when the next update comes, and pauses are well formed."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident, Pause
from generator.model.ownership import owner_at
from generator.model.pauses import short_commitment
from generator.model.timing import format_time
from generator.problems import Level, Problem

RULES = RuleList()


def span(pause: Pause) -> str:
    """Say when a pause ran."""
    return f"{format_time(pause.at)} to {format_time(pause.until)}"


@RULES.incident_rule("I313", "pause-return", Level.WARNING)
def pause_return(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """The owner paused without `cover`, and the next update does not say when they are back: the first update posted during the pause commits in `next_update` to a time before the pause's `until` (or, with no update during the pause, the commitment in force when it began falls due within it). Commit to a time at or after `until`, or name who covers."""
    for index, pause in enumerate(incident.pauses):
        short = short_commitment(incident, pause)
        if short is None:
            continue
        who = owner_at(incident, pause.at) or "the owner"
        if short.during:
            message = (f"posted while {who} is paused without cover ({span(pause)}) but commits to the next update at "
                       f"{format_time(short.commitment)}, before they are back; commit to {format_time(pause.until)} or later")
            yield Problem(incident.path, message, ("updates", short.update, "next_update"))
        else:
            message = (f"{who} paused without cover ({span(pause)}) while updates[{short.update}] commits to the next update at "
                       f"{format_time(short.commitment)}; post an update that commits to {format_time(pause.until)} or later, or name a cover")
            yield Problem(incident.path, message, ("pauses", index))


@RULES.incident_rule("I314", "pause-window", Level.ERROR)
def pause_window(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A pause must end after it begins (`until` after `at`), begin no later than the record was resolved, and be covered, if at all, by someone other than the owner who pauses."""
    for index, pause in enumerate(incident.pauses):
        if pause.until <= pause.at:
            message = f"pause until {format_time(pause.until)} does not end after it begins at {format_time(pause.at)}"
            yield Problem(incident.path, message, ("pauses", index, "until"))
        if incident.resolved is not None and pause.at > incident.resolved:
            message = f"pause at {format_time(pause.at)} begins after the record was resolved at {format_time(incident.resolved)}"
            yield Problem(incident.path, message, ("pauses", index, "at"))
        if pause.cover is not None and pause.cover == owner_at(incident, pause.at):
            message = f"cover {pause.cover} is the owner who pauses; name someone else, or leave cover out"
            yield Problem(incident.path, message, ("pauses", index, "cover"))
