"""Incident history grouped by month, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from generator.views.incidents import IncidentView


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
