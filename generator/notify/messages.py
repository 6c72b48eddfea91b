"""What to send: one message per update per channel, and reminders of due updates and maintenance windows."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.model.notify import Channel
from generator.model.ownership import owner_of
from generator.render import urls
from generator.views.audience import Audience
from generator.views.incidents import IncidentView
from generator.views.measures import next_update_due
from generator.views.page import SiteView, site_view
from generator.views.people import name_of

# A start or end notice is not sent once the moment is this far past: a late run must not announce old news.
NOTICE_FRESH = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Message:
    """One message for one channel: an update of a record as the channel's audience sees it, or a notice about it."""

    key: str
    channel: Channel
    kind: str
    incident: IncidentView
    at: datetime
    view: SiteView
    notice: str | None = None

    @property
    def update(self):
        """The update the message is about: the latest the record had when the message became due."""
        return self.incident.latest

    @property
    def link(self) -> str:
        """The address of the record's page on the channel's site."""
        return urls.absolute(self.view.url or "", urls.incident_page(self.incident.id))

    @property
    def components(self) -> tuple[str, ...]:
        """The names of the components the record affects, as the audience sees them."""
        return tuple(a.component.name for a in self.incident.affected)


def as_of(incident: IncidentView, number: int) -> IncidentView:
    """Return the record as it stood right after its update ``number`` (from 1)."""
    updates = incident.updates[:number]
    return replace(incident, updates=updates, status=updates[-1].status)


def posted(incident: IncidentView, now: datetime) -> IncidentView | None:
    """Return the record with only the updates posted by ``now``, or None if it has none yet."""
    count = sum(1 for u in incident.updates if u.at <= now)
    return as_of(incident, count) if count else None


def concerned(channel: Channel, incident: IncidentView) -> bool:
    """Whether a record touches one of the components the channel follows."""
    return channel.touches({a.component.id for a in incident.affected})


def update_messages(channel: Channel, incident: IncidentView, view: SiteView) -> list[Message]:
    """Return one message per update of the record, keyed by record id, update position and channel."""
    return [
        Message(f"{incident.id}/update-{u.number}/{channel.id}", channel, "update", as_of(incident, u.number), u.at, view)
        for u in incident.updates
    ]


def clock(moment: datetime) -> str:
    """Write a moment in UTC, to the minute: 2026-12-02 05:00 UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def minutes(span: timedelta) -> int:
    """Return a span in whole minutes, rounded up."""
    return max(0, math.ceil(span.total_seconds() / 60))


def spoken(span: timedelta) -> str:
    """Say a span as '45 minutes', '2 hours' or '1 day 3 hours 30 minutes'."""
    left, parts = minutes(span), []
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        count, left = divmod(left, size)
        if count:
            parts.append(f"{count} {unit}{'' if count == 1 else 's'}")
    return " ".join(parts) or "0 minutes"


def tightest(befores: tuple[timedelta, ...], due: datetime, now: datetime) -> timedelta | None:
    """Return the shortest reminder lead whose window ``now`` is in, before ``due``."""
    inside = [b for b in befores if due - b <= now < due]
    return min(inside, default=None)


def due_reminders(channel: Channel, incident: IncidentView, record: Incident, corpus: Corpus, view: SiteView) -> list[Message]:
    """Remind an internal channel once per commitment: before the next update is due, and once it is overdue."""
    due = next_update_due(record)
    if due is None or incident.is_closed:
        return []
    owner = name_of(corpus, owner_of(record)) or "nobody"
    base = f"{incident.id}/update-{incident.latest.number}"
    lead = tightest(channel.reminders(maintenance=False), due, view.now)
    if view.now >= due:
        text = f"Update overdue since {clock(due)}; owner: {owner}."
        return [Message(f"{base}/overdue/{channel.id}", channel, "overdue", incident, due, view, text)]
    if lead is None:
        return []
    text = f"Update due in {spoken(due - view.now)} ({clock(due)}); owner: {owner}."
    return [Message(f"{base}/due-{minutes(lead)}m/{channel.id}", channel, "due", incident, due - lead, view, text)]


def maintenance_notices(channel: Channel, incident: IncidentView, view: SiteView) -> list[Message]:
    """Announce a maintenance window before it starts, when it starts and when it ends, once per planned window."""
    start, end, now = incident.scheduled_for, incident.scheduled_until, view.now
    if not incident.is_maintenance or start is None or end is None or incident.is_closed:
        return []
    base = f"{incident.id}/window-{start.astimezone(UTC):%Y%m%dT%H%MZ}"
    lead = tightest(channel.reminders(maintenance=True), start, now)
    if lead is not None:
        text = f"Maintenance starts in {spoken(start - now)}, at {clock(start)}, until {clock(end)}."
        return [Message(f"{base}/starts-in-{minutes(lead)}m/{channel.id}", channel, "maintenance_soon", incident, start - lead, view, text)]
    if start <= now < min(end, start + NOTICE_FRESH):
        text = f"Maintenance window started at {clock(start)}; planned until {clock(end)}."
        return [Message(f"{base}/started/{channel.id}", channel, "maintenance_started", incident, start, view, text)]
    if end <= now < end + NOTICE_FRESH:
        text = f"Maintenance window planned to end at {clock(end)} has ended."
        return [Message(f"{base}/ended/{channel.id}", channel, "maintenance_ended", incident, end, view, text)]
    return []


def channel_messages(channel: Channel, view: SiteView, corpus: Corpus) -> list[Message]:
    """Return every message the channel should have had by now, oldest first."""
    records = {i.id: i for i in corpus.incidents}
    found: list[Message] = []
    for whole in view.incidents:
        incident = posted(whole, view.now)
        if incident is None or not concerned(channel, incident):
            continue
        found += update_messages(channel, incident, view)
        found += maintenance_notices(channel, incident, view)
        if channel.is_internal:
            found += due_reminders(channel, incident, records[incident.id], corpus, view)
    return sorted(found, key=lambda m: (m.at, m.key))


def planned(corpus: Corpus, now: datetime) -> list[Message]:
    """Return the messages of every configured channel, each fed by its audience's view of the records."""
    views = {a: site_view(corpus, a, now) for a in {Audience(c.audience) for c in corpus.site.notify.channels}}
    found: list[Message] = []
    for channel in corpus.site.notify.channels:
        found += channel_messages(channel, views[Audience(channel.audience)], corpus)
    return found
