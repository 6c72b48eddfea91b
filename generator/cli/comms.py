"""The ``comms`` command: the message to paste into chat or email, rendered from an incident record."""

from __future__ import annotations

import click

from generator.cli.options import incident_id_argument, now_option, root_option, run_responder, workspace
from generator.model.audiences import COMMS_TEMPLATES as TEMPLATE_NAMES


@click.command()
@incident_id_argument
@click.option("--template", "name", type=click.Choice(TEMPLATE_NAMES), default=None,
              help="internal: chat update for responders; exec: business summary with the business impact; client: "
              "email to customers; wrap-up: what happened, restoration, impact and follow-ups. Left out, lists the "
              "templates the incident's severity offers to its audiences.")
@root_option
@now_option
def comms(incident_id, name, root, now) -> None:
    """Print a message about incident ID to paste into chat or email, as of --now.

    Without --template, list the templates offered for the incident: the
    `audiences` of its severity in statusbook.yml choose them (internal always;
    exec for executives, client for customers, wrap-up for engineering leads,
    executives and all hands); a severity without audiences offers every one.

    The text comes from the Jinja2 template <name>.md.j2. A team overrides it
    by placing a file of the same name in <root>/templates/comms/; the names a
    template may use are listed in docs/responding.md. A template that cannot
    be rendered is an error naming its file and line (exit 2).

    \b
    Examples:
      statusbook comms 2026-11-23-api-increased-latency
      statusbook comms 2026-11-23-api-increased-latency --template internal
      statusbook comms 2026-11-23-api-increased-latency --template client --now 2026-11-23T18:00:00Z
    """
    from generator.responder.comms import render

    run_responder(lambda: render(workspace(root, now, None, identify=False), incident_id, name))


def register(group: click.Group) -> None:
    """Add the comms command to ``group``."""
    group.add_command(comms)
