"""The ``import`` command group: bring records over from other status tools."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import now_option, now_or_usage_error, root_option, run_responder


@click.group("import")
def import_group() -> None:
    """Import incidents and maintenance from another status tool's export."""


@import_group.command("statuspage")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@root_option
@now_option
@click.option("--commander", metavar="PERSON",
              help="Person id from people.yml to record as commander of every imported incident. Default: none.")
@click.option("--dry-run", is_flag=True, help="Print what would be written and change nothing.")
def import_statuspage_command(source, root, now, commander, dry_run) -> None:
    """Import a Statuspage public API export into the portal.

    SOURCE is incidents.json, scheduled-maintenances.json, components.json or
    summary.json as saved from a page's /api/v2/ URL, or a directory holding
    them. Each incident and maintenance becomes one record marked 'imported';
    components the portal lacks are added to statusbook.yml. Nothing existing
    is replaced: a record imported before, or whose file exists, is skipped.
    Every file is verified before any is written; what could not be mapped is
    reported as a note.

    \b
    Example:
      statusbook import statuspage export/ --dry-run
    """
    from generator.importing.report import report_lines
    from generator.importing.run import import_statuspage

    moment = now_or_usage_error(now)
    run_responder(lambda: report_lines(import_statuspage(root, source, moment, commander, dry_run)), edits=root)


def register(group: click.Group) -> None:
    """Add the import commands to ``group``."""
    group.add_command(import_group)
