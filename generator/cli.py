"""The ``statusbook`` command line: parse options, call the domain code, map outcomes to exit codes."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from generator import __version__
from generator.clock import ClockError, resolve_now
from generator.loading.corpus import RootError

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statusbook")
def cli() -> None:
    """Statusbook: incident records in git, validated and published as status sites.

    Incidents, postmortems and on-call rotations are Markdown files with YAML
    front matter. Run a command with --help for details.
    """


@cli.command()
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


@cli.command()
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


def main() -> None:
    """Run the CLI; report crashes with exit code 3 instead of a bare traceback."""
    try:
        cli.main(prog_name="statusbook", standalone_mode=True)
    except SystemExit:
        raise
    except Exception:  # noqa: BLE001 - last resort for bugs, not for bad input
        click.echo("statusbook: internal error (this is a bug, please report it):", err=True)
        traceback.print_exc()
        sys.exit(EXIT_CRASH)
