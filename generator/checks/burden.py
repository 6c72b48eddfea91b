"""On-call burden rules: too many after-hours incidents in one night, too many weeks of a rotation in one quarter."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.burden import (
    FAIR_SHARE_FACTOR,
    NIGHT_LIMIT,
    after_hours_acknowledgements,
    busy_nights,
    fair_share,
    over_share,
    quarter_of,
    quarter_weeks,
)
from generator.model.rotation import Rotation
from generator.problems import Level, Problem

RULES = RuleList()


@RULES.rule("C814", "after-hours-night", Level.WARNING)
def after_hours_night(ctx: CheckContext) -> Iterator[Problem]:
    """One person acknowledged more than two incidents outside their working hours in one night. A night runs from one day's start of working hours to the next day's, so a weekend day counts to it whole; who acknowledged an incident is its first commander (the `from` of its first handoff, or `commander`), and working hours are each person's in people.yml (`timezone`, `working_hours`, `working_days`), else 09:00 to 17:00, Monday to Friday, in statusbook.yml's `default_timezone` (or `timezone`). Reported on the incident that went over the limit: share the next night's pages with the backup, and review the paging that woke them."""
    for group in busy_nights(after_hours_acknowledgements(ctx.corpus)):
        last = group[-1]
        others = ", ".join(item.incident.id for item in group[:-1])
        message = (
            f"{last.person} acknowledged {len(group)} incidents outside working hours in the night of {last.night} "
            f"(also {others}); more than {NIGHT_LIMIT} in a night: let the backup take the next pages"
        )
        yield Problem(last.incident.path, message, ("acknowledged",))


@RULES.rule("C815", "unfair-share", Level.WARNING)
def unfair_share(ctx: CheckContext) -> Iterator[Problem]:
    """One person holds more than twice their fair share of a rotation's weeks in a calendar quarter. A quarter's fair share is its shifts (by start day) divided among the people who hold any of them; reported on the shift that goes over twice that. Spread the weeks across the rotation, or add people to it."""
    for rotation in ctx.corpus.rotations:
        for quarter, weeks in sorted(quarter_weeks(rotation).items()):
            for person, count in over_share(weeks):
                yield share_problem(rotation, quarter, person, count, fair_share(weeks))


def share_problem(rotation: Rotation, quarter: str, person: str, count: int, share: float) -> Problem:
    """Report a person's weeks in a quarter on the shift that goes over twice the fair share."""
    theirs = [i for i, s in enumerate(rotation.shifts) if s.person == person and quarter_of(s.start) == quarter]
    index = theirs[int(FAIR_SHARE_FACTOR * share)]
    message = (
        f"{person} holds {count} of the {quarter} weeks of {rotation.name}, more than twice the fair share of "
        f"{share:.3g} weeks; spread the weeks across the rotation"
    )
    return Problem(rotation.path, message, ("shifts", index, "person"))
