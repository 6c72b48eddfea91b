"""Everything one site shows, computed once from the model before anything is rendered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.model.corpus import Corpus
from generator.model.site import Site
from generator.views.audience import Audience, Scope, scope
from generator.views.history import Day, Month, months, newest_first, recent_days
from generator.views.incidents import IncidentView, incident_view
from generator.views.status import PageStatus, page_status
from generator.views.uptime import Uptime, uptimes

from generator.views.portal import Portal, portal_view


@dataclass(frozen=True, slots=True)
class SiteView:
    """The data of one built site: its present, its uptime and its history."""

    site: Site
    audience: Audience
    now: datetime
    status: PageStatus
    uptime: tuple[Uptime, ...]
    incidents: tuple[IncidentView, ...]
    months: tuple[Month, ...]
    portal: Portal | None = None
    recent: tuple[Day, ...] = ()

    @property
    def url(self) -> str | None:
        """Where this audience's site is published: the status site's URL, or the internal portal's."""
        return self.site.internal_url if self.audience is Audience.INTERNAL else self.site.url

    @property
    def url_key(self) -> str:
        """The statusbook.yml key that holds this audience's site address."""
        return "internal_url" if self.audience is Audience.INTERNAL else "url"

    def incidents_of(self, component_id: str) -> tuple[IncidentView, ...]:
        """Return the incidents that affected a component, newest first."""
        return tuple(v for v in self.incidents if any(a.component.id == component_id for a in v.affected))


def incident_views(corpus: Corpus, seen: Scope, shown: set[str]) -> tuple[IncidentView, ...]:
    """Project every record the audience may see."""
    return tuple(incident_view(i, corpus.site, shown, seen.postmortems.get(i.id)) for i in seen.incidents)


def site_view(corpus: Corpus, audience: Audience, now: datetime) -> SiteView:
    """Compute what ``audience`` sees of ``corpus`` as of ``now``: the records announced by then, one source for every page and file."""
    seen = scope(corpus, audience)
    shown = {c.id for c in seen.components}
    every = incident_views(corpus, seen, shown)  # the internal audience sees every record: its portal shares these
    views = newest_first(tuple(v for v in every if v.announced_by(now)))
    status = page_status(seen.components, views, now)
    bars = uptimes(seen.components, views, now, corpus.site.timezone)
    portal = portal_view(corpus, now, every) if audience is Audience.INTERNAL else None
    zone = corpus.site.timezone
    recent = recent_days(views, now, zone)
    return SiteView(corpus.site, audience, now, status, bars, views, months(views, zone), portal, recent)
