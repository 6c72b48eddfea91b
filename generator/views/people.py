"""People as the portal names them: display names and the supporting roles."""

from __future__ import annotations

from generator.model.corpus import Corpus

ROLE_LABELS = {"tech_lead": "Technical Lead", "comms_lead": "Communications Lead", "scribe": "Scribe"}


def name_of(corpus: Corpus, person_id: str | None) -> str | None:
    """Return a person's display name, or the id when people.yml does not list them."""
    if person_id is None:
        return None
    person = corpus.person(person_id)
    return person.name if person else person_id
