"""Rotation rules: weekly shifts on the handover day, full coverage, spacing and overrides."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import combinations
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.coverage import DECIDE_FROM_DAY, coverage, month_after, next_month_end
from generator.model.rotation import WEEKDAYS, Override, Rotation, Shift
from generator.problems import Level, Problem

RULES = RuleList()

MIN_SPACING = timedelta(days=7)

IndexedShift = tuple[int, Shift]


def when(rotation: Rotation, moment: datetime) -> str:
    """Render a moment in the rotation's zone, such as 2026-03-09 09:00 Europe/Berlin."""
    return f"{moment.astimezone(rotation.timezone):%Y-%m-%d %H:%M} {rotation.timezone.key}"


def by_start(rotation: Rotation) -> list[IndexedShift]:
    """Return the shifts with their list index, ordered by start date."""
    return sorted(enumerate(rotation.shifts), key=lambda pair: pair[1].start)


def neighbours(rotation: Rotation) -> Iterator[tuple[IndexedShift, IndexedShift]]:
    """Yield consecutive pairs of shifts in start order."""
    ordered = by_start(rotation)
    yield from zip(ordered, ordered[1:])


@RULES.rule("C801", "shift-day", Level.ERROR)
def shift_day(ctx: CheckContext) -> Iterator[Problem]:
    """A shift starts on a day other than the rotation's handover weekday. Shifts are weekly and change at the handover; move the start to the handover day."""
    for rotation in ctx.corpus.rotations:
        wanted = WEEKDAYS.index(rotation.handover_day)
        for index, shift in enumerate(rotation.shifts):
            if shift.start.weekday() != wanted:
                actual = WEEKDAYS[shift.start.weekday()].capitalize()
                message = f"shift starts {shift.start}, a {actual}; shifts start on the handover day, {rotation.handover_day.capitalize()}"
                yield Problem(rotation.path, message, ("shifts", index, "start"))


@RULES.rule("C802", "shifts-order", Level.ERROR)
def shifts_order(ctx: CheckContext) -> Iterator[Problem]:
    """Shifts are not listed in order of their start dates. List them oldest first so the schedule reads top to bottom."""
    for rotation in ctx.corpus.rotations:
        for index in range(1, len(rotation.shifts)):
            previous, shift = rotation.shifts[index - 1], rotation.shifts[index]
            if shift.start < previous.start:
                message = f"shift starting {shift.start} is listed after the one starting {previous.start}; list shifts in start order"
                yield Problem(rotation.path, message, ("shifts", index, "start"))


@RULES.rule("C803", "coverage-gap", Level.ERROR)
def coverage_gap(ctx: CheckContext) -> Iterator[Problem]:
    """Consecutive shifts leave time in which no one is on duty. Add a shift for the missing week or move the next shift's start to the end of the previous one."""
    for rotation in ctx.corpus.rotations:
        for (_, before), (index, after) in neighbours(rotation):
            end, start = rotation.shift_end(before), rotation.shift_start(after)
            if start > end:
                message = f"no one on duty from {when(rotation, end)} to {when(rotation, start)}; add a shift for that time"
                yield Problem(rotation.path, message, ("shifts", index, "start"))


@RULES.rule("C804", "coverage-overlap", Level.ERROR)
def coverage_overlap(ctx: CheckContext) -> Iterator[Problem]:
    """Consecutive shifts overlap or start on the same day, so two people hold one week's duty. Keep one shift per week; use an override for a partial swap."""
    for rotation in ctx.corpus.rotations:
        for (_, before), (index, after) in neighbours(rotation):
            end, start = rotation.shift_end(before), rotation.shift_start(after)
            if after.start == before.start:
                message = f"two shifts start on {after.start} ({before.person} and {after.person}); keep one shift per week"
                yield Problem(rotation.path, message, ("shifts", index, "start"))
            elif start < end:
                message = f"shift starting {when(rotation, start)} overlaps the previous shift, which runs until {when(rotation, end)}"
                yield Problem(rotation.path, message, ("shifts", index, "start"))


@RULES.rule("C805", "shift-spacing", Level.ERROR)
def shift_spacing(ctx: CheckContext) -> Iterator[Problem]:
    """One person has two shifts less than a week apart, such as back-to-back weeks. Leave at least one week between a person's shifts so they can rest."""
    for rotation in ctx.corpus.rotations:
        latest: dict[str, Shift] = {}
        for index, shift in by_start(rotation):
            previous = latest.get(shift.person)
            latest[shift.person] = shift
            if previous is not None and rotation.shift_start(shift) - rotation.shift_end(previous) < MIN_SPACING:
                earliest = previous.start + timedelta(days=14)
                message = (
                    f"{shift.person} is on duty from {previous.start} and again from {shift.start}; leave at least "
                    f"one week between a person's shifts (next shift from {earliest} at the earliest)"
                )
                yield Problem(rotation.path, message, ("shifts", index, "person"))


@RULES.rule("C806", "backup-self", Level.ERROR)
def backup_self(ctx: CheckContext) -> Iterator[Problem]:
    """A shift's backup is the person on duty. The backup covers when the person on duty cannot: name someone else."""
    for rotation in ctx.corpus.rotations:
        for index, shift in enumerate(rotation.shifts):
            if shift.backup is not None and shift.backup == shift.person:
                message = f"backup is {shift.backup}, the person on duty; name someone else as backup"
                yield Problem(rotation.path, message, ("shifts", index, "backup"))


@RULES.rule("C807", "next-month-undecided", Level.WARNING)
def next_month_undecided(ctx: CheckContext) -> Iterator[Problem]:
    """From the 16th of a month, the next month's rotation must be decided: shifts must cover until the end of the next month. Add the next month's shifts."""
    for rotation in ctx.corpus.rotations:
        today = ctx.now.astimezone(rotation.timezone).date()
        if today.day < DECIDE_FROM_DAY:
            continue
        next_month = month_after(today)
        needed = next_month_end(rotation, today)
        span = coverage(rotation)
        if span is None or span[1] < needed:
            runs = f"shifts run until {when(rotation, span[1])}" if span else "no shifts are listed"
            message = (
                f"{runs}; from the {DECIDE_FROM_DAY}th of {today:%B} the {next_month:%B %Y} rotation must be decided: "
                f"add shifts until the end of {next_month:%B} ({when(rotation, needed)})"
            )
            yield Problem(rotation.path, message, ("shifts",), at_key=True)


@RULES.rule("C808", "no-one-on-duty", Level.WARNING)
def no_one_on_duty(ctx: CheckContext) -> Iterator[Problem]:
    """No shift covers the present moment: the rotation has run out, has not begun, or has a gap now. Add a shift so someone is on duty."""
    for rotation in ctx.corpus.rotations:
        if any(rotation.shift_start(s) <= ctx.now < rotation.shift_end(s) for s in rotation.shifts):
            continue
        span = coverage(rotation)
        if span is None:
            detail = "no shifts are listed"
        else:
            detail = f"shifts cover {when(rotation, span[0])} to {when(rotation, span[1])}"
        message = f"no one is on duty now ({when(rotation, ctx.now)}); {detail}"
        yield Problem(rotation.path, message, ("shifts",), at_key=True)


@RULES.rule("C809", "override-window", Level.ERROR)
def override_window(ctx: CheckContext) -> Iterator[Problem]:
    """An override ends before it starts, or lies outside the time the shifts cover. Correct its start and end; an override replaces part of a shift, so it must fall within the schedule."""
    for rotation in ctx.corpus.rotations:
        span = coverage(rotation)
        for index, override in enumerate(rotation.overrides):
            yield from window_problems(rotation, index, override, span)


def window_problems(
    rotation: Rotation, index: int, override: Override, span: tuple[datetime, datetime] | None
) -> Iterator[Problem]:
    """Yield what is wrong with one override's start and end."""
    if override.end <= override.start:
        message = f"override ends {when(rotation, override.end)}, not after its start {when(rotation, override.start)}"
        yield Problem(rotation.path, message, ("overrides", index, "end"))
    elif span is None:
        yield Problem(rotation.path, "override has no shifts to replace; add shifts first", ("overrides", index, "start"))
    elif override.start < span[0] or override.end > span[1]:
        name = "start" if override.start < span[0] else "end"
        message = (
            f"override from {when(rotation, override.start)} to {when(rotation, override.end)} falls outside the "
            f"shifts, which cover {when(rotation, span[0])} to {when(rotation, span[1])}"
        )
        yield Problem(rotation.path, message, ("overrides", index, name))


@RULES.rule("C810", "override-overlap", Level.ERROR)
def override_overlap(ctx: CheckContext) -> Iterator[Problem]:
    """Two overrides of one rotation overlap, so it is unclear who is on duty. Merge them or make them follow one another."""
    for rotation in ctx.corpus.rotations:
        valid = [(i, o) for i, o in enumerate(rotation.overrides) if o.end > o.start]
        for (first, a), (second, b) in combinations(valid, 2):
            if a.start < b.end and b.start < a.end:
                message = (
                    f"overrides[{second}] ({b.person}, {when(rotation, b.start)} to {when(rotation, b.end)}) overlaps "
                    f"overrides[{first}] ({a.person}, {when(rotation, a.start)} to {when(rotation, a.end)})"
                )
                yield Problem(rotation.path, message, ("overrides", second, "start"))
