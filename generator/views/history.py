"""Incident history grouped by month, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from generator.views.incidents import IncidentView


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


@dataclass(frozen=True, slots=True)
class Month:
    """The incidents and maintenance that began in one calendar month of the team time zone."""

    year: int
    month: int
    incidents: tuple[IncidentView, ...]

    @property
    def key(self) -> str:
        """The month as YYYY-MM, used in paths."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def title(self) -> str:
        """The month in words: November 2026."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


@dataclass(frozen=True, slots=True)
class MonthLink:
    """A month the history page links to instead of listing it: its key, its name in words and how many records began in it."""

    key: str
    name: str
    count: int


# The history page lists the newest months with incidents in full, as Statuspage's lists three months; it links to
# each earlier month's own page, so the page stays short however long the history grows.
FULL_MONTHS = 3


def earlier_by_year(earlier: tuple[Month, ...]) -> tuple[tuple[int, tuple[MonthLink, ...]], ...]:
    """Group the months the history page links to by year, newest first, each with its count."""
    years: dict[int, list[MonthLink]] = {}
    for month in earlier:
        years.setdefault(month.year, []).append(MonthLink(month.key, MONTH_NAMES[month.month - 1], len(month.incidents)))
    return tuple((year, tuple(links)) for year, links in years.items())


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the team time zone and the incidents and maintenance that began on it."""

    day: date
    incidents: tuple[IncidentView, ...]


RECENT_DAYS = 7


def newest_first(views: tuple[IncidentView, ...]) -> tuple[IncidentView, ...]:
    """Sort incidents by when they began, newest first; ids break ties."""
    return tuple(sorted(views, key=lambda v: (v.begins, v.id), reverse=True))


def months(views: tuple[IncidentView, ...], zone: tzinfo) -> tuple[Month, ...]:
    """Group incidents by the month they began in ``zone``, newest month first."""
    grouped: dict[tuple[int, int], list[IncidentView]] = {}
    for view in newest_first(views):
        local = view.begins.astimezone(zone)
        grouped.setdefault((local.year, local.month), []).append(view)
    return tuple(Month(y, m, tuple(items)) for (y, m), items in sorted(grouped.items(), reverse=True))


def recent_days(views: tuple[IncidentView, ...], now: datetime, zone: tzinfo, count: int = RECENT_DAYS) -> tuple[Day, ...]:
    """List the ``count`` days up to ``now`` in ``zone``, newest first, each with what began on it by ``now``."""
    today = now.astimezone(zone).date()
    days = [today - timedelta(days=offset) for offset in range(count)]
    began = [v for v in newest_first(views) if v.begins <= now]
    return tuple(Day(d, tuple(v for v in began if v.begins.astimezone(zone).date() == d)) for d in days)
