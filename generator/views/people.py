"""People as the portal names them: display names, who owns a record, and the supporting roles."""

from __future__ import annotations

from generator.checks.ownership import current_owner
from generator.model.corpus import Corpus
from generator.model.incident import Incident

ROLE_LABELS = {"tech_lead": "Technical Lead", "comms_lead": "Communications Lead", "scribe": "Scribe"}


def name_of(corpus: Corpus, person_id: str | None) -> str | None:
    """Return a person's display name, or the id when people.yml does not list them."""
    if person_id is None:
        return None
    person = corpus.person(person_id)
    return person.name if person else person_id


def owner_of(incident: Incident) -> str | None:
    """Return who owns the record now: the commander, after the handoffs that were acknowledged."""
    return current_owner(incident.handoffs) if incident.handoffs else incident.commander
