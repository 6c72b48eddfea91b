"""The ``notify`` command: push new public updates and reminders to the configured channels."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.cli.options import EXIT_INVALID, EXIT_OK, now_option, now_or_usage_error, root_option
from generator.loading.corpus import RootError


def since_or_usage_error(given: str):
    """Resolve ``--since``, turning a bad value into a usage error."""
    from generator.clock import ClockError, parse_now

    try:
        return parse_now(given)
    except ClockError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None


@click.command()
@root_option
@now_option
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="What was already sent. Default: .statusbook/notified.json under --root.")
@click.option("--since", metavar="TIMESTAMP",
              help="Updates from this moment on are new; earlier ones are recorded as sent without sending them.")
@click.option("--dry-run", is_flag=True, help="Print what would be sent, and to whom; send and change nothing.")
def notify(root: Path, now: str | None, state_path: Path | None, since: str | None, dry_run: bool) -> None:
    """Send each new public update once to every channel under notify: in statusbook.yml.

    Every update of an incident or maintenance window goes once to each
    channel (webhook, slack, email) and is recorded in the state file, keyed
    by record id, update position and channel: a rerun sends nothing twice.
    Internal channels are also reminded of updates that are due or overdue,
    and every channel of maintenance windows about to start, started and ended.

    Without a state file nothing is sent: everything so far is recorded as
    sent (a baseline), unless --since names the moment from which updates are
    new. A channel that still fails after retries is named, its messages stay
    unsent for the next run, the others are sent, and the exit code is 1.

    \b
    Example:
      statusbook notify --root . --state .statusbook/notified.json
    """
    from generator.notify import channels
    from generator.notify.run import notify as run_notify
    from generator.notify.state import DEFAULT_STATE, StateError
    from generator.reporting import render

    moment = now_or_usage_error(now)
    start = since_or_usage_error(since) if since else None
    try:
        outcome = run_notify(root, moment, state_path or root / DEFAULT_STATE, start, dry_run,
                             channels.Delivery(os.environ, backoff=channels.BACKOFF_SECONDS), click.echo)
    except RootError as exc:
        raise click.UsageError(str(exc)) from None
    except StateError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    if outcome.invalid:
        click.echo(render(outcome.report, "text"), nl=False, err=True)
        click.echo("Error: the records are invalid; nothing was sent.", err=True)
        sys.exit(EXIT_INVALID)
    for failure in outcome.failures.values():
        click.echo(f"Error: {failure}; its messages stay unsent for the next run", err=True)
    click.echo(f"{'would send' if dry_run else 'sent'} {len(outcome.sent)} messages", err=True)
    sys.exit(EXIT_INVALID if outcome.failures else EXIT_OK)


def register(group: click.Group) -> None:
    """Add the notify command to ``group``."""
    group.add_command(notify)
