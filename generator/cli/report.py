"""The ``report`` command: the portal's overdue lists and response metrics in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import EXIT_INVALID, now_option, now_or_usage_error, root_option
from generator.loading.corpus import RootError


@click.command()
@root_option
@now_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for the terminal, json for scripts (durations in seconds), markdown for a wiki or pull request.",
)
def report(root: Path, now: str | None, output_format: str) -> None:
    """Print what is active and overdue, and the response metrics against the severity targets.

    The figures are the internal portal's Metrics page: per month (of detection, in the
    team time zone) and per severity, the median and 90th percentile of the time to
    detect, acknowledge, mitigate and resolve, the share within the severity targets,
    missed update commitments, postmortems and action items on time. Then the on-call
    burden page's figures: per month and person, hours on duty, incidents acknowledged
    outside working hours, and overrides taken and given. Invalid records
    print their problems and exit 1, as `statusbook validate` does.

    \b
    Examples:
      statusbook report
      statusbook report --now 2026-11-23T18:00:00Z --format json
    """
    from generator.build import checked_portal
    from generator.render.report import render_report
    from generator.reporting import render

    moment = now_or_usage_error(now)
    try:
        checked, portal, site_name = checked_portal(root, moment)
    except RootError as exc:
        raise click.UsageError(str(exc)) from None
    if portal is None:
        click.echo(render(checked, "text"), nl=False, err=True)
        click.echo("Error: the records are invalid; fix them before reporting.", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(render_report(portal, site_name, moment, output_format), nl=False)


def register(group: click.Group) -> None:
    """Add the report command to ``group``."""
    group.add_command(report)
