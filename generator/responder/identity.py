"""Who is acting: --as, else STATUSBOOK_USER, else the git user's email mapped through people.yml."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Mapping

from generator.model.site import Person
from generator.responder.errors import UsageProblem

USER_VARIABLE = "STATUSBOOK_USER"


def git_config(root: Path, key: str) -> str | None:
    """Return ``git config KEY`` as seen from ``root``, or None."""
    try:
        done = subprocess.run(["git", "config", key], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def git_email(root: Path) -> str | None:
    """Return ``git config user.email`` as seen from ``root``, or None."""
    return git_config(root, "user.email")


def person_by_email(people: tuple[Person, ...], email: str) -> Person | None:
    """Return the person whose contacts list this email, ignoring case."""
    wanted = email.casefold()
    return next((p for p in people if p.contacts.get("email", "").casefold() == wanted), None)


def require_person(people: tuple[Person, ...], person_id: str, source: str) -> str:
    """Return ``person_id`` if people.yml lists it, else raise a usage problem naming where it came from."""
    if any(p.id == person_id for p in people):
        return person_id
    known = ", ".join(sorted(p.id for p in people)) or "nobody"
    raise UsageProblem(f"unknown person '{person_id}' ({source}); people.yml lists: {known}")


def acting_person(root: Path, people: tuple[Person, ...], given: str | None, environ: Mapping[str, str]) -> str:
    """Return the id of the person running the command."""
    if given:
        return require_person(people, given, "from --as")
    if environ.get(USER_VARIABLE, "").strip():
        return require_person(people, environ[USER_VARIABLE].strip(), f"from {USER_VARIABLE}")
    email = git_email(root)
    if email is None:
        raise UsageProblem(f"cannot tell who you are: pass --as PERSON, set {USER_VARIABLE}, or set git config user.email")
    person = person_by_email(people, email)
    if person is None:
        raise UsageProblem(f"git user.email {email} is not a contacts.email in people.yml; pass --as PERSON or add it")
    return person.id
