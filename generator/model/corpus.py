"""All records of one site, loaded together."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.incident import Incident
from generator.model.postmortem import Postmortem
from generator.model.rotation import Rotation
from generator.model.site import Person, Site, first_by_id


@dataclass(slots=True)
class Corpus:
    """Every record of a site; records that failed to load are absent, their ids in ``unloaded``."""

    site: Site
    people: tuple[Person, ...] = ()
    incidents: list[Incident] = field(default_factory=list)
    postmortems: list[Postmortem] = field(default_factory=list)
    rotations: list[Rotation] = field(default_factory=list)
    config_path: str = "statusbook.yml"
    people_path: str = "people.yml"
    unloaded: frozenset[str] = frozenset()
    unloaded_postmortems: frozenset[str] = frozenset()
    people_loaded: bool = True
    _people: dict[str, Person] = field(init=False, repr=False)
    _postmortems: dict[str, Postmortem] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Index people by id and postmortems by incident id."""
        self._people = first_by_id(self.people)
        self._postmortems = {}
        for postmortem in self.postmortems:
            self._postmortems.setdefault(postmortem.incident_id, postmortem)

    def person(self, person_id: str | None) -> Person | None:
        """Return the person with this id, if listed."""
        return self._people.get(person_id) if person_id else None

    def postmortem_of(self, incident_id: str) -> Postmortem | None:
        """Return the postmortem of an incident, if there is one."""
        return self._postmortems.get(incident_id)
