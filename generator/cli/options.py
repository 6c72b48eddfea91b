"""Options, argument types and outcome handling shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.clock import ClockError, resolve_now

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_CRASH = 0, 1, 2, 3

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Directory that holds statusbook.yml, people.yml, incidents/ and rotations/.",
)
now_option = click.option(
    "--now",
    metavar="TIMESTAMP",
    help="Judge time-dependent rules as of this moment, e.g. 2026-11-23T18:00:00Z. "
    "Default: SOURCE_DATE_EPOCH if set, else the current time.",
)


def now_or_usage_error(given: str | None):
    """Resolve ``--now``, turning a bad value into a usage error."""
    try:
        return resolve_now(given)
    except ClockError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from None


as_option = click.option(
    "--as",
    "as_person",
    metavar="PERSON",
    help="Person id from people.yml you act as. Default: STATUSBOOK_USER, else git user.email looked up in people.yml.",
)
next_update_option = click.option(
    "--next-update",
    metavar="30m|TIMESTAMP",
    help="When the next update is due: a duration from --now (30m, 1h) or a timestamp. "
    "Default: --now plus the severity's update_every.",
)
incident_id_argument = click.argument("incident_id", metavar="ID")


def run_responder(action, edits: Path | None = None) -> None:
    """Run a responder action, print the files it wrote, and map its errors to exit codes.

    With ``edits`` (the portal root) the action holds the portal's edit lock from loading to writing, so
    concurrent commands take turns instead of writing over each other's edits.
    """
    from generator.reporting.text import problem_line
    from generator.responder.errors import Busy, RefusedEdit, UsageProblem, WriteFailed

    try:
        written = locked(edits, action) if edits is not None else action()
    except UsageProblem as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (Busy, WriteFailed) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except RefusedEdit as exc:
        for p in exc.problems:
            click.echo(problem_line(p), err=True)
        click.echo(f"Refused: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    for line in written:
        click.echo(line)


def locked(root: Path, action):
    """Run ``action`` while holding the edit lock of the portal at ``root``."""
    from generator.responder.lock import editing

    with editing(root, waiting=lambda message: click.echo(message, err=True)):
        return action()


def workspace(root: Path, now: str | None, as_person: str | None, identify: bool = True):
    """Open the site under ``root`` as of ``--now``, acting as the resolved person."""
    from generator.responder.workspace import open_workspace

    return open_workspace(root, now_or_usage_error(now), as_person, identify=identify)


def at_or_usage_error(given: str):
    """Resolve ``--at``, turning a bad value into a usage error."""
    try:
        return resolve_now(given)
    except ClockError as exc:
        raise click.BadParameter(str(exc), param_hint="--at") from None
