"""The first weeks of the new portal's rotation, valid under the rotation rules (generator/checks/rotations.py).

A person's shifts must lie at least a week apart (C805) and the weeks between them must be covered (C803), so
one person cannot hold a rotation alone: the people take turns, each shift backed up by the next person. From
the 16th the next month must be planned (C807), so the shifts run until the end of the month after next: the portal
stays free of that warning until the 16th of next month.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from generator.model.coverage import month_after
from generator.model.rotation import WEEKDAYS, Shift

HANDOVER_DAY = "monday"
HANDOVER_TIME = time(10, 0)


def first_start(now: datetime) -> date:
    """Return the handover day of the shift that holds ``now`` (an aware moment in the rotation's zone)."""
    back = (now.weekday() - WEEKDAYS.index(HANDOVER_DAY)) % 7
    start = now.date() - timedelta(days=back)
    if datetime.combine(start, HANDOVER_TIME, now.tzinfo) > now:
        start -= timedelta(days=7)
    return start


def covered_until(now: datetime) -> datetime:
    """Return the end of the month after ``now``'s next month: a month beyond what C807 asks for now."""
    return datetime.combine(month_after(month_after(month_after(now.date()))), time(), now.tzinfo)


def shifts(people: tuple[str, ...], now: datetime) -> list[Shift]:
    """Return weekly shifts from the one holding ``now`` until the end of the month after next, people in turn."""
    start, until, found = first_start(now), covered_until(now), []
    while datetime.combine(start, HANDOVER_TIME, now.tzinfo) < until:
        index = len(found)
        person, backup = people[index % len(people)], people[(index + 1) % len(people)]
        found.append(Shift(start, person, backup))
        start += timedelta(days=7)
    return found
