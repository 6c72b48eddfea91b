"""Site configuration: components, severities and people."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.model import compact_pickling
from generator.model.formats import FIRST_FORMAT
from generator.model.notify import Notify
from generator.model.theme import Theme
from generator.model.workhours import DEFAULT_WORKING_DAYS, WorkingHours, is_working, next_start

NEXT_BUSINESS_DAY = "next_business_day"
# The levels a portal may set a rule to in the checks: section of statusbook.yml.
RULE_LEVELS = ("error", "warning", "off")
# How many of the most severe configured severities the process treats as major (SEV1 and SEV2 by default).
MAJOR_SEVERITIES = 2
# Vague status words that say what someone hopes, not what was verified; statusbook.yml's vague_words replaces them.
VAGUE_WORDS = ("seems", "should be fine", "probably", "looks better", "hopefully")
# The environments whose incidents the public status page shows; statusbook.yml's public_environments replaces them.
PUBLIC_ENVIRONMENTS = ("production",)
# Who is told about an incident of a severity (severities[].audiences); generator.model.audiences maps them to comms templates.
AUDIENCES = ("responders", "engineering-leads", "executives", "all-hands", "customers")
# The rotation whose person on duty commands incidents; statusbook.yml's commander_rotation names another.
COMMANDER_ROTATION = "incident-managers"
SITE_ADDRESSES = {"public": ("url", "public status site"), "internal": ("internal_url", "internal records portal")}


def first_by_id(items: tuple) -> dict:
    """Index items by their ``id``, keeping the first of any duplicates."""
    index: dict = {}
    for item in items:
        index.setdefault(item.id, item)
    return index


@compact_pickling
@dataclass(frozen=True, slots=True)
class Component:
    """A part of the service whose status is reported."""

    id: str
    name: str
    public: bool
    group: str | None = None
    description: str | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Severity:
    """A severity level and the targets that come with it."""

    id: str
    name: str
    response: timedelta | str
    resolve: timedelta
    update_every: timedelta
    postmortem: bool
    description: str | None = None
    audiences: tuple[str, ...] = ()


@compact_pickling
@dataclass(frozen=True, slots=True)
class Person:
    """Someone who takes part in incident response."""

    id: str
    name: str
    contacts: dict[str, str] = field(default_factory=dict)
    timezone: ZoneInfo | None = None
    working_hours: WorkingHours | None = None
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS

    @property
    def has_hours(self) -> bool:
        """Whether people.yml says where and when the person works."""
        return self.timezone is not None and self.working_hours is not None

    def is_working(self, at: datetime) -> bool:
        """Whether ``at`` falls in the person's working hours, in their zone."""
        return self.has_hours and is_working(self.working_hours, self.timezone, self.working_days, at)

    def next_working(self, at: datetime) -> datetime | None:
        """Return ``at`` if they are at work then, else when their next working hours begin; None without hours."""
        if not self.has_hours:
            return None
        return next_start(self.working_hours, self.timezone, self.working_days, at)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Site:
    """Site-wide settings from ``statusbook.yml``."""

    name: str
    timezone: ZoneInfo
    url: str | None = None
    internal_url: str | None = None
    default_timezone: ZoneInfo | None = None
    format: int = FIRST_FORMAT
    components: tuple[Component, ...] = ()
    severities: tuple[Severity, ...] = ()
    theme: Theme = Theme()
    notify: Notify = Notify()
    rule_levels: tuple[tuple[str, str], ...] = ()
    vague_words: tuple[str, ...] = VAGUE_WORDS
    public_environments: tuple[str, ...] = PUBLIC_ENVIRONMENTS
    commander_rotation: str = COMMANDER_ROTATION
    escalation_contact: str | None = None
    _components: dict[str, Component] = field(init=False, repr=False, compare=False)
    _severities: dict[str, Severity] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index components and severities by id; the first of a duplicate wins."""
        object.__setattr__(self, "_components", first_by_id(self.components))
        object.__setattr__(self, "_severities", first_by_id(self.severities))

    def component(self, component_id: str) -> Component | None:
        """Return the component with this id, if configured."""
        return self._components.get(component_id)

    def severity(self, severity_id: str | None) -> Severity | None:
        """Return the severity with this id, if configured."""
        return self._severities.get(severity_id) if severity_id else None

    def is_major(self, severity_id: str | None) -> bool:
        """Whether a severity is one of the most severe configured ones (SEV1 or SEV2), which the process asks more of."""
        major = self.severities[:MAJOR_SEVERITIES]
        return any(severity.id == severity_id for severity in major)


def shows_environment(site: Site, environment: str) -> bool:
    """Whether the public status page shows incidents of this environment (production only, unless configured)."""
    return environment in site.public_environments


def missing_address(site: Site, audience: str) -> str | None:
    """Say why the ``audience`` site cannot be built from this configuration, or None when it can."""
    key, what = SITE_ADDRESSES[audience]
    if getattr(site, key):
        return None
    return (f"statusbook.yml has no '{key}': the {what} cannot be built without it, since its feeds, badges and API "
            f"need its absolute address; add '{key}: https://...' with the address it is published at")
