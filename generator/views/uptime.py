"""Daily uptime bars per component, computed from incident impact windows.

A day takes the worst status any incident gave the component that day. Downtime counts a major outage in full and a
partial outage at 30 %, as Statuspage does; degraded performance and maintenance show on the bars but are not downtime.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from generator.model.site import Component
from generator.views.incidents import IncidentView, status_rank

DOWNTIME_WEIGHTS = {"major_outage": 1.0, "partial_outage": 0.3}
WINDOW_DAYS = 90


@dataclass(frozen=True, slots=True)
class DayBar:
    """One day of one component: its worst status and the minutes of each impact."""

    day: date
    status: str
    minutes: tuple[tuple[str, int], ...]
    incidents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Uptime:
    """A component's bars over the window and its uptime percentage."""

    component: Component
    days: tuple[DayBar, ...]
    percent: float

    @property
    def impacted_days(self) -> tuple[DayBar, ...]:
        """The days that had any impact, newest first."""
        return tuple(d for d in reversed(self.days) if d.status != "operational")


def day_start(day: date, zone: tzinfo) -> datetime:
    """Return the UTC instant at which ``day`` begins in ``zone``."""
    return datetime.combine(day, time(), zone).astimezone(UTC)


def window_days(now: datetime, zone: tzinfo, count: int) -> list[date]:
    """List the ``count`` days ending with today in ``zone``, oldest first."""
    today = now.astimezone(zone).date()
    return [today - timedelta(days=offset) for offset in range(count - 1, -1, -1)]


def overlap_minutes(start: datetime, end: datetime, lo: datetime, hi: datetime) -> float:
    """Return how many minutes of [start, end) fall in [lo, hi)."""
    seconds = (min(end, hi) - max(start, lo)).total_seconds()
    return max(seconds, 0.0) / 60


def impact_start(view: IncidentView) -> datetime | None:
    """When the impact began: ``started``, or for an open incident that does not say, its first update."""
    if view.started is not None or view.is_maintenance or view.is_closed or not view.updates:
        return view.started
    return view.created


def impact_interval(view: IncidentView, now: datetime) -> tuple[datetime, datetime] | None:
    """Return the UTC interval in which the incident affected its components, up to ``now``; an open one lasts until ``now``."""
    start = impact_start(view)
    if start is None or start > now:
        return None
    end = view.impact_end or (now if not view.is_closed else view.resolved or now)
    return start.astimezone(UTC), min(end, now).astimezone(UTC)


class Tally:
    """Minutes of impact per component, day and status, with the incidents behind them."""

    def __init__(self, days: list[date], zone: tzinfo, now: datetime) -> None:
        """Prepare the day boundaries of the window."""
        self.days = days
        self.bounds = [day_start(d, zone) for d in days] + [day_start(days[-1] + timedelta(days=1), zone)]
        self.now = now.astimezone(UTC)
        self.minutes: dict[tuple[str, int, str], float] = defaultdict(float)
        self.incidents: dict[tuple[str, int], set[str]] = defaultdict(set)

    def add(self, view: IncidentView) -> None:
        """Add one incident's impact on each of its components."""
        interval = impact_interval(view, self.now)
        if interval is None or interval[1] <= self.bounds[0]:
            return
        for index in range(len(self.days)):
            lo, hi = self.bounds[index], min(self.bounds[index + 1], self.now)
            minutes = overlap_minutes(*interval, lo, hi)
            if minutes > 0:
                self.count(view, index, minutes)

    def count(self, view: IncidentView, index: int, minutes: float) -> None:
        """Record ``minutes`` of the incident's impacts on day ``index``."""
        for affected in view.affected:
            self.minutes[(affected.component.id, index, affected.impact)] += minutes
            self.incidents[(affected.component.id, index)].add(view.id)

    def by_bar(self) -> dict[tuple[str, int], dict[str, float]]:
        """Group the minutes by component and day, each bar's statuses in the order they were first counted."""
        grouped: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
        for (component_id, index, status), minutes in self.minutes.items():
            grouped[(component_id, index)][status] = minutes
        return grouped

    def bar(self, component_id: str, index: int, found: dict[str, float]) -> DayBar:
        """Return the bar of one component on day ``index`` from the minutes of each status ``found`` that day."""
        worst = max(found, key=status_rank, default="operational")
        minutes = tuple(sorted(((s, math.ceil(m)) for s, m in found.items()), key=lambda p: -status_rank(p[0])))
        return DayBar(self.days[index], worst, minutes, tuple(sorted(self.incidents.get((component_id, index), ()))))

    def percent(self, component_id: str) -> float:
        """Return the uptime percentage over the window, rounded down to two decimals."""
        total = (self.now - self.bounds[0]).total_seconds() / 60
        down = sum(m * DOWNTIME_WEIGHTS.get(s, 0.0) for (c, _, s), m in self.minutes.items() if c == component_id)
        share = 1.0 - down / total if total > 0 else 1.0
        return math.floor(share * 10000) / 100


def uptimes(
    components: tuple[Component, ...], views: tuple[IncidentView, ...], now: datetime, zone: tzinfo, count: int = WINDOW_DAYS
) -> tuple[Uptime, ...]:
    """Compute each component's daily bars and uptime over the ``count`` days ending ``now``."""
    tally = Tally(window_days(now, zone, count), zone, now)
    for view in views:
        tally.add(view)
    bars = tally.by_bar()
    return tuple(
        Uptime(c, tuple(tally.bar(c.id, i, bars.get((c.id, i), {})) for i in range(count)), tally.percent(c.id))
        for c in components
    )
