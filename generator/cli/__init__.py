"""The ``statusbook`` command line: parse options, call the domain code, map outcomes to exit codes.

Only this package knows Click. Each command module registers its commands on ``cli``.
"""

from __future__ import annotations

import sys
import traceback

import click

from generator import __version__
from generator.cli.options import EXIT_CRASH


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statusbook")
def cli() -> None:
    """Statusbook: incident records in git, validated and published as status sites.

    Incidents, postmortems and on-call rotations are Markdown files with YAML
    front matter. Run a command with --help for details.
    """


def register() -> None:
    """Attach every command module's commands to the group."""
    from generator.cli import comms, import_, incident, init, maintenance, notify, postmortem, records, report, rota, site, triage

    for module in (init, records, site, report, incident, maintenance, postmortem, triage, comms, rota, import_, notify):
        module.register(cli)


register()


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
