"""Which records and components an audience may see."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from generator.model.corpus import Corpus
from generator.model.incident import Incident
from generator.model.postmortem import Postmortem
from generator.model.site import Component, Site, first_by_id, shows_environment

PUBLISHED_POSTMORTEM_STATUSES = ("reviewed", "closed")


class Audience(str, Enum):
    """Who a site is built for."""

    PUBLIC = "public"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class Scope:
    """The records and components one audience sees."""

    audience: Audience
    components: tuple[Component, ...]
    incidents: tuple[Incident, ...]
    postmortems: dict[str, Postmortem]


def visible_components(corpus: Corpus, audience: Audience) -> tuple[Component, ...]:
    """Return the components the audience sees, in configured order."""
    shown = corpus.site.components
    if audience is Audience.PUBLIC:
        shown = tuple(c for c in shown if c.public)
    return tuple(first_by_id(shown).values())


def visible_incident(incident: Incident, audience: Audience, component_ids: set[str], site: Site) -> bool:
    """Whether the audience sees this incident at all: the public only sees public ones of its environments."""
    if audience is Audience.INTERNAL:
        return True
    return (incident.public and bool(incident.updates) and shows_environment(site, incident.environment)
            and any(c in component_ids for c in incident.components))


def visible_postmortem(postmortem: Postmortem | None, audience: Audience) -> bool:
    """Whether the audience may read this postmortem."""
    if postmortem is None:
        return False
    if audience is Audience.INTERNAL:
        return True
    return postmortem.public and postmortem.status in PUBLISHED_POSTMORTEM_STATUSES


def scope(corpus: Corpus, audience: Audience) -> Scope:
    """Select what ``audience`` sees of ``corpus``."""
    components = visible_components(corpus, audience)
    ids = {c.id for c in components}
    incidents = tuple(i for i in corpus.incidents if visible_incident(i, audience, ids, corpus.site))
    postmortems = {i.id: corpus.postmortem_of(i.id) for i in incidents}
    shown = {k: p for k, p in postmortems.items() if visible_postmortem(p, audience)}
    return Scope(audience, components, incidents, shown)
