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
from generator.model.incident import INCIDENT_STATUSES, MAINTENANCE_STATUSES

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


def run_responder(action) -> None:
    """Run a responder action, print the files it wrote, and map its errors to exit codes."""
    from generator.reporting.text import one_line
    from generator.responder.errors import RefusedEdit, UsageProblem

    try:
        written = action()
    except UsageProblem as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except RefusedEdit as exc:
        for p in exc.problems:
            click.echo(f"{p.path}:{p.line}:{p.column}: {p.level} [{p.code}] {one_line(p.message)}", err=True)
        click.echo(f"Refused: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    for line in written:
        click.echo(line)


def workspace(root: Path, now: str | None, as_person: str | None, identify: bool = True):
    """Open the site under ``root`` as of ``--now``, acting as the resolved person."""
    from generator.responder.workspace import open_workspace

    return open_workspace(root, now_or_usage_error(now), as_person, identify=identify)


@cli.group()
def incident() -> None:
    """Declare and run incidents: each command writes one verified record.

    Every edit keeps comments and formatting, is checked against all rules
    before it is written (a refused edit writes nothing and exits 1), and is
    written atomically. Commit each change as its own pull request.
    """


@incident.command("new")
@root_option
@now_option
@as_option
@click.option("--title", required=True, help="Short public title; the file name is made from it.")
@click.option("--severity", required=True, metavar="ID", help="Severity id from statusbook.yml, such as SEV2.")
@click.option("--component", "components", multiple=True, required=True, metavar="ID=IMPACT",
              help="Affected component and impact, such as api=partial_outage. Repeat for each component.")
@click.option("--public/--internal", default=None, help="Show it on the public status page. Default: public if any component is public.")
@click.option("--commander", metavar="PERSON", help="Incident Commander. Default: the acting person.")
@click.option("--message", help="First public update. Default: a short 'we are investigating' text.")
def incident_new(root, now, as_person, title, severity, components, public, commander, message) -> None:
    """Declare an incident and print the path of its new record.

    Writes incidents/<YYYY>/<YYYY-MM-DD-slug>.md, dated by --now in the team time
    zone and named by the title; an existing file is never replaced. The record starts as investigating, with started and detected at --now and
    a first update whose next_update follows the severity's update_every.

    \b
    Example:
      statusbook incident new --title "Increased API latency" --severity SEV2 \\
        --component api=degraded_performance --component webhooks=degraded_performance
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.new_incident(workspace(root, now, as_person), title, severity, components, public, commander, message))


@incident.command("update")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--status", type=click.Choice(INCIDENT_STATUSES + MAINTENANCE_STATUSES),
              help="Status the update announces; required unless --internal.")
@click.option("--message", required=True, help="Text of the update (Markdown); a multi-line text is kept as a block.")
@next_update_option
@click.option("--internal", is_flag=True, help="Append an internal timeline event (at, by, event) instead of a public update.")
def incident_update(incident_id, root, now, as_person, status, message, next_update, internal) -> None:
    """Post a status update to incident ID and set the record's status to it.

    \b
    Examples:
      statusbook incident update 2026-11-23-api-increased-latency \\
        --status identified --message "One zone has high network latency." --next-update 30m
      statusbook incident update 2026-11-23-api-increased-latency --internal \\
        --message "Provider confirms packet loss in zone 1b."
    """
    from generator.responder import incident as ops

    if internal:
        run_responder(lambda: ops.note(workspace(root, now, as_person), incident_id, message))
    else:
        run_responder(lambda: ops.update(workspace(root, now, as_person), incident_id, status, message, next_update))


@incident.command("resolve")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--message", required=True, help="The public wrap-up: what happened, for how long, what follows.")
def incident_resolve(incident_id, root, now, as_person, message) -> None:
    """Resolve incident ID: set resolved, status resolved, and post the wrap-up update.

    If the severity requires a postmortem and there is none yet, a draft
    <ID>.postmortem.md is written beside it, its Timeline filled from the record.

    \b
    Example:
      statusbook incident resolve 2026-11-23-api-increased-latency \\
        --message "Resolved. From 14:48 to 16:40 UTC the API was slow."
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.resolve(workspace(root, now, as_person), incident_id, message))


@incident.command("handoff")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--to", "to_person", required=True, metavar="PERSON", help="The next Incident Commander.")
@click.option("--status", required=True, help="State of the incident at handoff.")
@click.option("--next-steps", required=True, help="Outstanding actions the new commander takes over.")
@click.option("--next-update", metavar="30m|TIMESTAMP",
              help="When the next status update is due. Default: the last update's next_update, else --now plus update_every.")
def incident_handoff(incident_id, root, now, as_person, to_person, status, next_steps, next_update) -> None:
    """Hand incident ID over to a new commander; ownership passes when they run 'incident ack'.

    \b
    Example:
      statusbook incident handoff 2026-11-23-api-increased-latency --to bruno \\
        --status "Traffic drained from zone 1b" --next-steps "Return traffic once the provider confirms"
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.handoff(workspace(root, now, as_person), incident_id, to_person, status, next_steps, next_update))


@incident.command("ack")
@incident_id_argument
@root_option
@now_option
@as_option
def incident_ack(incident_id, root, now, as_person) -> None:
    """Acknowledge the handoff of incident ID to you: you become its commander.

    \b
    Example:
      statusbook incident ack 2026-11-23-api-increased-latency --as bruno
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.acknowledge(workspace(root, now, as_person), incident_id))


@incident.command("role")
@incident_id_argument
@click.argument("role", type=click.Choice(["tech_lead", "comms_lead", "scribe"]))
@click.argument("person", metavar="PERSON")
@root_option
@now_option
@as_option
def incident_role(incident_id, role, person, root, now, as_person) -> None:
    """Put PERSON in a supporting ROLE of incident ID: tech_lead, comms_lead or scribe.

    \b
    Example:
      statusbook incident role 2026-11-23-api-increased-latency scribe ivan
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.assign_role(workspace(root, now, as_person), incident_id, role, person))


def at_or_usage_error(given: str):
    """Resolve ``--at``, turning a bad value into a usage error."""
    try:
        return resolve_now(given)
    except ClockError as exc:
        raise click.BadParameter(str(exc), param_hint="--at") from None


@cli.command()
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
