"""The ``postmortem`` command group: start postmortems and record their action items."""

from __future__ import annotations

import click

from generator.cli.options import as_option, incident_id_argument, now_option, root_option, run_responder, workspace
from generator.model.postmortem import ACTION_TYPES


@click.group()
def postmortem() -> None:
    """Start a blameless postmortem and record its action items.

    Each command writes one verified file beside the incident,
    <ID>.postmortem.md, keeping comments and formatting; a refused edit writes
    nothing and exits 1.
    """


@postmortem.command("new")
@incident_id_argument
@root_option
@now_option
@as_option
def postmortem_new(incident_id, root, now, as_person) -> None:
    """Write the draft postmortem of the resolved incident ID and print its path.

    The draft is internal, names you as its author, has every required section
    and a Timeline filled from the record's updates and internal timeline. An
    existing postmortem is never replaced. ('incident resolve' writes the draft
    itself for severities that require one.)

    \b
    Example:
      statusbook postmortem new 2026-11-13-invoice-currency-symbol
    """
    from generator.responder.followup import new_postmortem

    run_responder(lambda: new_postmortem(workspace(root, now, as_person), incident_id), edits=root)


@postmortem.command("action")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--title", required=True, help="What will be done.")
@click.option("--owner", required=True, metavar="PERSON", help="Person id from people.yml who owns it.")
@click.option("--due", required=True, metavar="DATE|DURATION",
              help="Due date such as 2026-12-10, or a duration from --now such as 2w (the day in the team time zone).")
@click.option("--type", "kind", type=click.Choice(ACTION_TYPES), default="prevent", show_default=True,
              help="mitigate (reduce the impact next time), prevent (stop a recurrence) or process.")
@click.option("--ticket", help="Tracker reference or URL.")
def postmortem_action(incident_id, root, now, as_person, title, owner, due, kind, ticket) -> None:
    """Add an open action item to the postmortem of incident ID.

    \b
    Example:
      statusbook postmortem action 2026-11-20-dashboard-unavailable-europe \\
        --title "Alert on origin pools without healthy backends" --owner emeka \\
        --due 2026-12-15 --type mitigate --ticket OPS-660
    """
    from generator.responder.followup import add_action

    run_responder(lambda: add_action(workspace(root, now, as_person), incident_id, title, owner, due, kind, ticket), edits=root)


def register(group: click.Group) -> None:
    """Add the postmortem commands to ``group``."""
    group.add_command(postmortem)
