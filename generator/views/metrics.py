"""Response metrics per month and per severity: counts, durations, targets, update commitments and follow-up.

Definitions (the documentation copies these):

- **Incidents only.** Maintenance windows are not counted.
- **Month.** An incident counts in the calendar month (YYYY-MM) in which it was *detected*, in the team time zone
  (`timezone` in statusbook.yml). An incident without a detection time counts in the month it *started*; one with
  neither is left out, as is one that begins after the moment of the report. Months run from the first month with an
  incident to the month of the report, with no gaps: a month without incidents shows zeros.
- **Groups.** Each month has one group per severity that had incidents in it (in the order severities are configured;
  severities that are not configured come after them, by id) and an "All severities" group; the whole period has the
  same per-severity groups and an overall total.
- **Durations.** Time to detect runs from start of impact to detection; time to acknowledge, mitigate and resolve run
  from detection to the milestone (generator/views/measures.py). A duration counts only where both of its milestones
  are recorded; an incident still open has no time to resolve yet.
- **Median** is `statistics.median` of the known durations (the mean of the two middle values when their number is
  even). **90th percentile** is the nearest-rank percentile: sort the n known durations and take the ceil(0.9 x n)-th
  smallest (the largest for up to 9 values, the 9th of 10, the 18th of 20). Both are absent when no duration is known.
- **Within target.** Time to acknowledge is held to the severity's `response` target and time to resolve to its
  `resolve` target, both counted from detection (a `next_business_day` target ends at the end of the next Monday to
  Friday in the team time zone). An incident is *met* when the milestone came by the deadline, *missed* when it came
  later, or when it has not come and the deadline has passed. Incidents still within their deadline (pending) or with
  no deadline (no detection time, or no configured severity) are not judged. The share is met / judged.
- **Missed update commitments.** Each status update commits to the time of the next one; a commitment is missed when
  the next update came later than promised, or, for an open incident, when the promised time has passed without an
  update. The figure is their sum over the group's incidents.
- **Postmortems on time.** Judged: resolved incidents whose severity requires a postmortem (`postmortem: true`) and
  whose draft deadline, 48 hours after resolution, has passed, or whose postmortem records when it was drafted. On time:
  the postmortem exists and was drafted by the deadline. A postmortem missing past its deadline counts as late.
  Incidents whose postmortem file failed to load are not judged.
- **Action items done on time.** Judged: the action items of the postmortems of incidents whose severity requires a
  postmortem, whose due date has passed (the report's date in the team time zone is after the due date) or which are
  done. On time: done, with a `done_on` date on or before the due date. Items set to `not_doing` and items without a
  due date are not judged.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Iterator, Sequence

from generator.model.corpus import Corpus
from generator.model.followup import followup_due, requires_postmortem
from generator.model.incident import Incident
from generator.model.postmortem import ActionItem
from generator.model.site import Site
from generator.views.measures import MEASURE_LABELS, MEASURES, MET, MISSED, Measured, missed_commitments

ALL_SEVERITIES = "All severities"
NO_SEVERITY = "No severity"
PERCENTILE = 90


@dataclass(frozen=True, slots=True)
class Share:
    """How many of the judged cases met their deadline."""

    met: int
    judged: int

    @property
    def percent(self) -> float | None:
        """The share met as a percentage, or None when nothing was judged."""
        return 100 * self.met / self.judged if self.judged else None


@dataclass(frozen=True, slots=True)
class Spread:
    """The median and 90th percentile of one measure over the incidents of a group where it is known."""

    measure: str
    known: int
    median: timedelta | None
    p90: timedelta | None

    @property
    def label(self) -> str:
        """The measure as words, such as Time to resolve."""
        return MEASURE_LABELS[self.measure]


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one group of incidents: a month and a severity, a month, a severity, or all of them."""

    month: str | None
    severity: str | None
    label: str
    incidents: int
    incident_ids: tuple[str, ...]
    spreads: tuple[Spread, ...]
    within_response: Share
    within_resolve: Share
    missed_updates: int
    postmortems_on_time: Share
    actions_on_time: Share

    def spread(self, measure: str) -> Spread:
        """Return the spread of one measure: detect, acknowledge, mitigate or resolve."""
        return next(s for s in self.spreads if s.measure == measure)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One month's figures: per severity that had incidents, and for all severities."""

    month: str
    severities: tuple[Figures, ...]
    total: Figures

    def severity(self, severity_id: str | None) -> Figures | None:
        """Return this month's figures for one severity, if it had incidents."""
        return next((f for f in self.severities if f.severity == severity_id), None)


@dataclass(frozen=True, slots=True)
class SeverityKey:
    """A severity that appears in the metrics, with its label and resolve target."""

    id: str | None
    label: str
    resolve_target: timedelta | None


@dataclass(frozen=True, slots=True)
class Metrics:
    """Every figure of the metrics page and report, as of ``now``."""

    now: datetime
    timezone: str
    severities: tuple[SeverityKey, ...]
    months: tuple[MonthFigures, ...]
    by_severity: tuple[Figures, ...]
    total: Figures


def median(values: Sequence[timedelta]) -> timedelta | None:
    """Return the median of durations, or None when there are none."""
    return statistics.median(values) if values else None


def nearest_rank(values: Sequence[timedelta], percent: int = PERCENTILE) -> timedelta | None:
    """Return the nearest-rank percentile, the ceil(percent / 100 x n)-th smallest value; None when there are none."""
    if not values:
        return None
    rank = max(1, -(-len(values) * percent // 100))
    return sorted(values)[rank - 1]


def month_of(incident: Incident, site: Site) -> str | None:
    """Return the YYYY-MM, in the team time zone, of when an incident was detected, else when it started."""
    moment = incident.detected or incident.started
    return moment.astimezone(site.timezone).strftime("%Y-%m") if moment is not None else None


def counted(corpus: Corpus, now: datetime) -> list[tuple[str, Incident]]:
    """Return the incidents counted, each with its month, in order of month and id."""
    dated = []
    for incident in corpus.incidents:
        moment = incident.detected or incident.started
        if incident.is_maintenance or moment is None or moment > now:
            continue
        dated.append((month_of(incident, corpus.site), incident))
    return sorted(dated, key=lambda pair: (pair[0], pair[1].id))


def month_range(first: str, last: str) -> list[str]:
    """Return every YYYY-MM from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:])
    keys = []
    while f"{year:04d}-{month:02d}" <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def severity_label(severity_id: str | None, site: Site) -> str:
    """Name a severity as "SEV2 (Major)", or by its id alone when it has no other name."""
    if severity_id is None:
        return NO_SEVERITY
    severity = site.severity(severity_id)
    if severity is None or severity.name == severity_id:
        return severity_id
    return f"{severity_id} ({severity.name})"


def severity_order(site: Site, present: Iterable[str | None]) -> list[str | None]:
    """Order the severities present: configured ones as configured, then others by id, then none."""
    present = set(present)
    configured = [s.id for s in site.severities if s.id in present]
    others = sorted(s for s in present if s is not None and site.severity(s) is None)
    return list(dict.fromkeys(configured)) + others + ([None] if None in present else [])


class Judged:
    """What the figures judge of each incident, judged once for every figure that counts it (its month, its severity,
    both, and the totals): its response measures, its postmortem draft and its missed update commitments."""

    def __init__(self, corpus: Corpus, now: datetime, measured: Measured) -> None:
        self.corpus, self.now, self.measure = corpus, now, measured
        self.drafts: dict[int, bool | None] = {}
        self.missed: dict[int, int] = {}

    def draft(self, incident: Incident) -> bool | None:
        """Judge whether an incident's postmortem was drafted by its deadline; None when not judged."""
        if id(incident) not in self.drafts:
            self.drafts[id(incident)] = draft_on_time(incident, self.corpus, self.now)
        return self.drafts[id(incident)]

    def missed_updates(self, incident: Incident) -> int:
        """Count an incident's missed update commitments."""
        if id(incident) not in self.missed:
            self.missed[id(incident)] = missed_commitments(incident, self.now)
        return self.missed[id(incident)]


def spread(name: str, incidents: Sequence[Incident], judged: Judged) -> Spread:
    """Summarise one measure over the incidents where it is known."""
    known = [took for took in (judged.measure(name, i).took for i in incidents) if took is not None]
    return Spread(name, len(known), median(known), nearest_rank(known))


def target_share(name: str, incidents: Sequence[Incident], judged: Judged) -> Share:
    """Count incidents that met one measure's target among those judged met or missed at the moment of the figures."""
    verdicts = [judged.measure(name, i).verdict(judged.now) for i in incidents]
    return Share(verdicts.count(MET), verdicts.count(MET) + verdicts.count(MISSED))


def draft_on_time(incident: Incident, corpus: Corpus, now: datetime) -> bool | None:
    """Judge whether an incident's postmortem was drafted by its deadline; None when not judged."""
    due = followup_due(incident, corpus.site)
    if due is None or incident.id in corpus.unloaded_postmortems or not requires_postmortem(incident, corpus.site):
        return None
    postmortem = corpus.postmortem_of(incident.id)
    drafted = postmortem.drafted if postmortem is not None else None
    if drafted is None and not now > due.draft:
        return None
    return drafted is not None and drafted <= due.draft


def postmortems_on_time(incidents: Sequence[Incident], judged: Judged) -> Share:
    """Count postmortems drafted on time among those judged."""
    verdicts = [v for v in (judged.draft(i) for i in incidents) if v is not None]
    return Share(sum(verdicts), len(verdicts))


def followed_up_items(incidents: Sequence[Incident], corpus: Corpus) -> Iterator[ActionItem]:
    """Yield the action items of the postmortems of incidents whose severity requires one."""
    for incident in incidents:
        postmortem = corpus.postmortem_of(incident.id)
        if postmortem is not None and requires_postmortem(incident, corpus.site):
            yield from postmortem.action_items


def item_on_time(item: ActionItem, today: date) -> bool | None:
    """Judge whether an action item was done by its due date; None when not judged."""
    if item.status == "not_doing" or item.due is None:
        return None
    if item.status != "done" and not today > item.due:
        return None
    return item.status == "done" and item.done_on is not None and item.done_on <= item.due


def actions_on_time(incidents: Sequence[Incident], corpus: Corpus, now: datetime) -> Share:
    """Count action items done on time among those judged at ``now``'s date in the team time zone."""
    today = now.astimezone(corpus.site.timezone).date()
    verdicts = [v for v in (item_on_time(a, today) for a in followed_up_items(incidents, corpus)) if v is not None]
    return Share(sum(verdicts), len(verdicts))


def figures(month: str | None, severity: str | None, label: str, incidents: Sequence[Incident], judged: Judged) -> Figures:
    """Compute every figure of one group of incidents."""
    return Figures(
        month=month,
        severity=severity,
        label=label,
        incidents=len(incidents),
        incident_ids=tuple(i.id for i in incidents),
        spreads=tuple(spread(name, incidents, judged) for name in MEASURES),
        within_response=target_share("acknowledge", incidents, judged),
        within_resolve=target_share("resolve", incidents, judged),
        missed_updates=sum(judged.missed_updates(i) for i in incidents),
        postmortems_on_time=postmortems_on_time(incidents, judged),
        actions_on_time=actions_on_time(incidents, judged.corpus, judged.now),
    )


def per_severity(month: str | None, incidents: Sequence[Incident], order: Sequence[str | None], judged: Judged) -> tuple[Figures, ...]:
    """Compute the figures of each severity, in ``order``, that has incidents among ``incidents``."""
    rows = []
    for severity in order:
        chosen = [i for i in incidents if i.severity == severity]
        if chosen:
            rows.append(figures(month, severity, severity_label(severity, judged.corpus.site), chosen, judged))
    return tuple(rows)


def severity_key(severity_id: str | None, site: Site) -> SeverityKey:
    """Describe a severity for legends and target lines."""
    severity = site.severity(severity_id)
    return SeverityKey(severity_id, severity_label(severity_id, site), severity.resolve if severity else None)


def metrics_view(corpus: Corpus, now: datetime, measured: Measured | None = None) -> Metrics:
    """Compute the response metrics of every incident detected by ``now``, per month and per severity; ``measured``
    holds the incidents' response measures when another view computed them already."""
    dated = counted(corpus, now)
    incidents = [i for _, i in dated]
    order = severity_order(corpus.site, (i.severity for i in incidents))
    this_month = now.astimezone(corpus.site.timezone).strftime("%Y-%m")
    keys = month_range(dated[0][0], max(dated[-1][0], this_month)) if dated else []
    judged = Judged(corpus, now, measured or Measured(corpus.site))
    by_month: dict[str, list[Incident]] = {}
    for month, incident in dated:
        by_month.setdefault(month, []).append(incident)
    months = []
    for key in keys:
        chosen = by_month.get(key, [])
        total = figures(key, None, ALL_SEVERITIES, chosen, judged)
        months.append(MonthFigures(key, per_severity(key, chosen, order, judged), total))
    return Metrics(
        now=now,
        timezone=corpus.site.timezone.key,
        severities=tuple(severity_key(s, corpus.site) for s in order),
        months=tuple(months),
        by_severity=per_severity(None, incidents, order, judged),
        total=figures(None, None, ALL_SEVERITIES, incidents, judged),
    )
