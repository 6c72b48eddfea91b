"""The ``maintenance`` command group: schedule maintenance windows."""

from __future__ import annotations

import click

from generator.cli.options import as_option, now_option, root_option, run_responder, workspace


@click.group()
def maintenance() -> None:
    """Schedule maintenance windows; run them with 'statusbook incident update'.

    A window moves scheduled -> in_progress -> verifying -> completed with
    'statusbook incident update ID --status ...': in_progress records the
    actual start (started), completed the actual end (resolved).
    """


@maintenance.command("new")
@root_option
@now_option
@as_option
@click.option("--title", required=True, help="Short public title; the file name is made from it.")
@click.option("--component", "components", multiple=True, required=True, metavar="ID[=IMPACT]",
              help="Component under maintenance; the impact defaults to under_maintenance. Repeat for each component.")
@click.option("--start", required=True, metavar="DURATION|TIMESTAMP",
              help="Planned start: a duration from --now such as 2d, or a timestamp such as 2026-12-02T05:00:00Z; after --now.")
@click.option("--end", required=True, metavar="TIMESTAMP|DURATION",
              help="Planned end: a timestamp, or a duration from --start such as 90m or 2h.")
@click.option("--public/--internal", default=None, help="Show it on the public status page. Default: public if any component is public.")
@click.option("--commander", metavar="PERSON", help="Person who owns the window. Default: the acting person.")
@click.option("--message", help="First announcement. Default: the components and the window in the team time zone and UTC.")
@click.option("--next-update", metavar="30m|TIMESTAMP",
              help="When the next update (such as a reminder) is posted. Default: the start of the window.")
def maintenance_new(root, now, as_person, title, components, start, end, public, commander, message, next_update) -> None:
    """Schedule a maintenance window and print the path of its new record.

    Writes incidents/<YYYY>/<YYYY-MM-DD-slug>.md, dated by --start in the team
    time zone and named by the title; an existing file is never replaced. The
    record starts as scheduled, with scheduled_for/scheduled_until and a first
    scheduled update.

    \b
    Example:
      statusbook maintenance new --title "Public API database upgrade" \\
        --component api --component webhooks=degraded_performance \\
        --start 2026-12-02T05:00:00Z --end 90m
    """
    from generator.responder.maintenance import new_maintenance

    run_responder(lambda: new_maintenance(workspace(root, now, as_person), title, components, start, end,
                                          public, commander, message, next_update), edits=root)


def register(group: click.Group) -> None:
    """Add the maintenance commands to ``group``."""
    group.add_command(maintenance)
