"""The ``oncall`` command: who is on duty and who is next."""

from __future__ import annotations

import click

from generator.cli.options import at_or_usage_error, now_option, root_option, run_responder, workspace


@click.command()
@click.argument("rotation", required=False)
@root_option
@click.option("--at", "at", metavar="TIMESTAMP", help="Answer for this moment instead of --now.")
@now_option
def oncall(rotation, root, at, now) -> None:
    """Show who is on duty (overrides applied) and who is next, per rotation.

    \b
    Examples:
      statusbook oncall
      statusbook oncall incident-managers --at 2026-12-24T09:00:00+01:00
    """
    from generator.responder.oncall import describe, duties

    def answer() -> list[str]:
        ws = workspace(root, now, None, identify=False)
        moment = at_or_usage_error(at) if at else ws.now
        return [line for entry in duties(ws, rotation, moment) for line in describe(entry)]

    run_responder(answer)


def register(group: click.Group) -> None:
    """Add the on-call command to ``group``."""
    group.add_command(oncall)
