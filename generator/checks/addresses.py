"""Address rules: the pages and files that ids name must not take another page's address, or each other's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model import paths
from generator.model.corpus import Corpus
from generator.model.site import SITE_ADDRESSES, missing_address
from generator.problems import FieldPath, Level, Problem

RULES = RuleList()


@dataclass(frozen=True, slots=True)
class Claim:
    """An id, the record that defines it, and every address its pages and files are served at."""

    owner: str
    path: str
    field: FieldPath
    fix: str
    addresses: tuple[str, ...]

    def finding(self, message: str) -> Problem:
        """Report a problem with this id where it is defined: its field, or line 1 of its file."""
        if self.field:
            return Problem(self.path, message, self.field)
        return Problem(self.path, message, line=1, column=1)


def served(sources: tuple[str, ...]) -> tuple[str, ...]:
    """Return the addresses at which page and file sources are served."""
    return tuple(paths.served(source) for source in sources)


def first_of_each(items: tuple) -> Iterator[tuple[int, object]]:
    """Yield each item whose id no earlier item has (duplicate-config-id reports the rest)."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id not in seen:
            seen.add(item.id)
            yield index, item


def claims(corpus: Corpus) -> list[Claim]:
    """List every id that names pages or files, with the addresses they are served at."""
    found = [
        Claim(f"rotation id '{r.id}'", r.path, (), f"rename {r.path}", served(paths.rotation_paths(r.id)))
        for r in sorted(corpus.rotations, key=lambda r: r.path)
    ]
    for index, component in first_of_each(corpus.site.components):
        found.append(Claim(f"component id '{component.id}'", corpus.config_path, ("components", index, "id"),
                           "rename the component", served(paths.component_paths(component.id))))
    for index, person in first_of_each(corpus.people):
        found.append(Claim(f"person id '{person.id}'", corpus.people_path, ("people", index, "id"),
                           "rename the person's id", served(paths.person_paths(person.id))))
    return found


@RULES.rule("R107", "reserved-address", Level.ERROR)
def reserved_address(ctx: CheckContext) -> Iterator[Problem]:
    """A rotation, component or person id would put its page or file at an address the site already uses, such as rotation `index` (the on-call overview at `oncall/`) or rotation `people` (the folder of everyone's calendars, `oncall/people/`). One of the two would silently replace the other, and case-insensitive file systems count `Index` as `index`. Rename the rotation file, or the id in `statusbook.yml` or `people.yml`."""
    reserved = paths.reserved_addresses()
    for claim in claims(ctx.corpus):
        taken = next((a for a in claim.addresses if a.casefold() in reserved), None)
        if taken is not None:
            what = reserved[taken.casefold()]
            yield claim.finding(f"{claim.owner} would be served at {taken or '/'}, the address of {what}; {claim.fix}")


def clash_message(claim: Claim, mine: str, other: Claim, theirs: str) -> str:
    """Say which other id an id shares an address with, and how."""
    where = f" ({other.path})" if other.path != claim.path else ""
    if mine == theirs:
        return f"{claim.owner} would be served at {mine}, like {other.owner}{where}; {claim.fix}"
    return (f"{claim.owner} would be served at {mine}, which case-insensitive file systems take for {theirs} "
            f"of {other.owner}{where}; {claim.fix}")


@RULES.rule("R108", "shared-address", Level.ERROR)
def shared_address(ctx: CheckContext) -> Iterator[Problem]:
    """Two ids would put their pages or files at one address: two rotation files of the same name in different folders under `rotations/`, or ids that differ only in case, which case-insensitive file systems store as one file. Only one of them would be published. Rename one of them."""
    first: dict[str, tuple[Claim, str]] = {}
    for claim in claims(ctx.corpus):
        mine = next((a for a in claim.addresses if a.casefold() in first), None)
        if mine is not None:
            yield claim.finding(clash_message(claim, mine, *first[mine.casefold()]))
            continue
        for address in claim.addresses:
            first[address.casefold()] = (claim, address)


@RULES.rule("R109", "site-address", Level.WARNING)
def site_address(ctx: CheckContext) -> Iterator[Problem]:
    """`statusbook.yml` should give the address each site is published at: `url` for the public status site, `internal_url` for the internal records portal (`--audience internal`). Their feeds, badges and API need absolute links, so `statusbook build` refuses a site without its address (exit 2) with the same message; add the key."""
    for audience in SITE_ADDRESSES:
        message = missing_address(ctx.corpus.site, audience)
        if message:
            yield Problem(ctx.corpus.config_path, message, line=1, column=1)
