"""Commands that check records and describe their formats."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.cli.options import EXIT_INVALID, EXIT_OK, now_option, now_or_usage_error, root_option
from generator.loading.corpus import RootError


@click.command()
@root_option
@now_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    help="Output format. Default: github when GITHUB_ACTIONS=true, else text.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings as well as errors.")
def validate(root: Path, now: str | None, output_format: str | None, strict: bool) -> None:
    """Check every record against the formats and the incident process.

    Prints one line per problem as path:line:col: level [CODE] message and a
    count. Exits 0 when there are no errors (warnings allowed unless --strict),
    1 when records are invalid, 2 on usage errors.

    \b
    Example:
      statusbook validate --root . --now 2026-11-23T18:00:00Z --format json
    """
    from generator.reporting import render
    from generator.validate import validate as run_validation

    moment = now_or_usage_error(now)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        report = run_validation(root, moment)
    except RootError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(render(report, chosen), nl=False)
    failed = report.errors or (strict and report.warnings)
    sys.exit(EXIT_INVALID if failed else EXIT_OK)


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Directory to write one JSON Schema per record type into.",
)
def schema(out: Path) -> None:
    """Write JSON Schemas of the record formats, for editors that validate as you type.

    \b
    Example:
      statusbook schema --out schemas
    """
    from generator.reference import write_schemas

    for path in write_schemas(out):
        click.echo(path)


def register(group: click.Group) -> None:
    """Add the record commands to ``group``."""
    group.add_command(validate)
    group.add_command(schema)
