"""Notification channels from statusbook.yml: where public updates and reminders are pushed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

CHANNEL_TYPES = ("webhook", "slack", "email")
CHANNEL_AUDIENCES = ("public", "internal")
# ${NAME}: a value taken from the environment when a message is sent, so secrets never sit in the file.
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
DEFAULT_DUE_REMINDER = timedelta(minutes=10)
DEFAULT_MAINTENANCE_REMINDERS = (timedelta(hours=24), timedelta(hours=1))


@dataclass(frozen=True, slots=True)
class Channel:
    """One place messages are pushed to; values may hold ${ENV_VAR} references, resolved when sending."""

    id: str
    type: str
    audience: str = "public"
    components: tuple[str, ...] | None = None
    url: str | None = None
    secret: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    from_address: str | None = None
    to: tuple[str, ...] = ()
    unsubscribe: str | None = None
    remind_before: tuple[timedelta, ...] | None = None

    @property
    def is_internal(self) -> bool:
        """Whether the channel reaches the team only, and may carry internal records and reminders."""
        return self.audience == "internal"

    def reminders(self, maintenance: bool) -> tuple[timedelta, ...]:
        """Return how long before a due moment this channel is reminded: a commitment, or a maintenance start."""
        if self.remind_before is not None:
            return self.remind_before
        return DEFAULT_MAINTENANCE_REMINDERS if maintenance else (DEFAULT_DUE_REMINDER,)

    def touches(self, component_ids: set[str]) -> bool:
        """Whether a record affecting ``component_ids`` concerns this channel."""
        return self.components is None or bool(component_ids & set(self.components))


@dataclass(frozen=True, slots=True)
class Notify:
    """The notification settings: the channels, and where readers sign up to a mailing list."""

    channels: tuple[Channel, ...] = ()
    signup_url: str | None = None


def env_references(value: object) -> list[str]:
    """Return the names of the environment variables a configured value refers to."""
    if isinstance(value, str):
        return ENV_REFERENCE.findall(value)
    if isinstance(value, tuple):
        return [name for item in value for name in env_references(item)]
    return []


def expand(value: str, environ: dict[str, str]) -> str:
    """Replace every ${NAME} in ``value`` by its value in ``environ`` (KeyError names a missing one)."""
    return ENV_REFERENCE.sub(lambda m: environ[m.group(1)], value)
