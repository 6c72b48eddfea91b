"""What a new portal is made of: the answers to init's questions, checked but not yet rendered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.model.ids import ID_RULE, is_id
from generator.scaffold.errors import BadAnswer


@dataclass(frozen=True, slots=True)
class Member:
    """Someone listed in people.yml and the rotation."""

    id: str
    name: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Component:
    """A public component of the status page."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Answers:
    """Everything init needs to render a portal."""

    name: str
    url: str
    internal_url: str
    timezone: ZoneInfo
    components: tuple[Component, ...]
    person: Member
    teammates: tuple[Member, ...]
    now: datetime
    example: bool = False

    @property
    def members(self) -> tuple[Member, ...]:
        """Return the person running init, then the teammates."""
        return (self.person, *self.teammates)


def id_from_email(email: str) -> str | None:
    """Derive a person id from an email's local part, made to follow the id rule, or None if nothing is left."""
    local = email.split("@", 1)[0].lower()
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", local).strip("-_")
    return cleaned if cleaned and is_id(cleaned) else None


def checked_id(text: str, what: str) -> str:
    """Return ``text`` if it follows the id rule, else raise naming ``what``."""
    if not is_id(text):
        raise BadAnswer(f"{what} '{text}' is not an id: use {ID_RULE}")
    return text


def pair(text: str, what: str) -> tuple[str, str]:
    """Split an ID=NAME value, checking the id."""
    key, sep, name = text.partition("=")
    if not sep or not name.strip():
        raise BadAnswer(f"{what} '{text}' is not ID=NAME, such as api=Public API")
    return checked_id(key.strip(), what), name.strip()


def component(text: str) -> Component:
    """Read one --component ID=NAME."""
    return Component(*pair(text, "--component"))


def teammate(text: str) -> Member:
    """Read one --teammate ID=NAME."""
    return Member(*pair(text, "--teammate"))


def timezone(text: str) -> ZoneInfo:
    """Read an IANA time zone name such as Europe/Berlin."""
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadAnswer(f"--timezone '{text}' is not an IANA time zone, such as Europe/Berlin or UTC") from None


def url(text: str, flag: str) -> str:
    """Read an http(s) URL, ending it with a slash."""
    if not re.match(r"^https?://[^/\s]+", text):
        raise BadAnswer(f"{flag} '{text}' is not an http:// or https:// address")
    return text if text.endswith("/") else text + "/"


def distinct(members: tuple[Member, ...], components: tuple[Component, ...]) -> None:
    """Refuse two people or two components with one id."""
    for kind, ids in (("person", [m.id for m in members]), ("component", [c.id for c in components])):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise BadAnswer(f"{kind} id {', '.join(twice)} is given more than once")
