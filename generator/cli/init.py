"""The ``init`` command: write a new portal that validates and builds at once."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Callable, TypeVar

import click

from generator.cli.options import EXIT_INVALID, EXIT_USAGE, now_option, now_or_usage_error

T = TypeVar("T")


def interactive() -> bool:
    """Tell whether there is a terminal to ask missing values on."""
    return sys.stdin.isatty()


def nearest_folder(path: Path) -> Path:
    """Return ``path`` or its nearest existing ancestor, where git config is read."""
    return next(p for p in (path, *path.absolute().parents) if p.is_dir())


def asked(given: str | None, flag: str, question: str, read: Callable[[str], T], fallback: str | None = None,
          why: str = "") -> T:
    """Read a value from its flag, else the fallback, else a prompt on a terminal; raise MissingAnswer without one."""
    from generator.scaffold.answers import BadAnswer
    from generator.scaffold.errors import MissingAnswer

    if given is not None or fallback is not None:
        return read(given if given is not None else fallback)
    if not interactive():
        raise MissingAnswer(flag, why)

    def checked(text: str) -> T:
        try:
            return read(text.strip())
        except BadAnswer as exc:
            raise click.UsageError(str(exc)) from None

    return click.prompt(question, value_proc=checked)


def split_list(text: str) -> list[str]:
    """Split a comma-separated answer."""
    return [part.strip() for part in text.split(",") if part.strip()]


def members(directory: Path, person: str | None, person_name: str | None, email: str | None, teammates: tuple[str, ...]):
    """Return the person running init, from the flags or git config, and the teammates."""
    from generator.responder.identity import git_config
    from generator.scaffold import answers as a

    here = nearest_folder(directory)
    found_email = asked(email, "--email", "Your email", str, git_config(here, "user.email"))
    found_name = asked(person_name, "--person-name", "Your name", str, git_config(here, "user.name"))
    found_id = asked(person, "--person", "Your person id", lambda t: a.checked_id(t, "--person"), a.id_from_email(found_email))
    why = ": one person's shifts must be a week apart, so the rotation needs a second person"
    mates = teammates or (asked(None, "--teammate", "A teammate for the rotation (ID=NAME)", str, why=why),)
    return a.Member(found_id, found_name, found_email), tuple(a.teammate(t) for t in mates)


def gather(directory: Path, values: dict, now, example: bool):
    """Return the answers from the flags, git config and prompts, asked in the order of the options."""
    from generator.scaffold import answers as a

    name = asked(values["name"], "--name", "Name of the status page", str)
    url = asked(values["url"], "--url", "Public URL of the status page", lambda t: a.url(t, "--url"))
    internal_url = asked(values["internal_url"], "--internal-url", "URL of the internal portal",
                         lambda t: a.url(t, "--internal-url"))
    timezone = asked(values["timezone"], "--timezone", "Team time zone (such as Europe/Berlin)", a.timezone)
    components = values["components"] or tuple(asked(None, "--component", "Components (ID=NAME, comma-separated)", split_list))
    person, teammates = members(directory, values["person"], values["person_name"], values["email"], values["teammates"])
    result = a.Answers(name, url, internal_url, timezone, tuple(a.component(c) for c in components), person, teammates,
                       now, example)
    a.distinct(result.members, result.components)
    return result


def scaffold(directory: Path, values: dict, now: str | None, example: bool) -> list[str]:
    """Gather the answers, render every file, then create them all."""
    from generator.scaffold.render import PORTAL, render_portal
    from generator.scaffold.write import create_all, refuse_existing

    moment = now_or_usage_error(now)
    refuse_existing(directory, list(PORTAL))
    return create_all(directory, render_portal(gather(directory, values, moment, example)))


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Name of the status page, such as 'Acme Cloud Status'.")
@click.option("--url", help="Public URL of the status page.")
@click.option("--internal-url", help="URL of the internal records portal (published behind sign-in).")
@click.option("--timezone", help="Team time zone, such as Europe/Berlin.")
@click.option("--component", "components", multiple=True, metavar="ID=NAME", help="A public component; repeatable.")
@click.option("--person", metavar="ID", help="Your person id. Default: from git config user.email.")
@click.option("--person-name", metavar="NAME", help="Your name. Default: git config user.name.")
@click.option("--email", help="Your email. Default: git config user.email.")
@click.option("--teammate", "teammates", multiple=True, metavar="ID=NAME",
              help="Someone who takes turns with you in the rotation; repeatable.")
@click.option("--example", is_flag=True, help="Also write an example incident, its postmortem and a maintenance.")
@now_option
def init(directory: Path, example: bool, now: str | None, **values) -> None:
    """Write a new portal into DIRECTORY: configuration, people, a rotation and workflows.

    Missing values are asked on a terminal; without one, a missing flag is a usage error (exit 2). A
    directory that already holds any of the files is refused with exit 2 and nothing is written. If writing
    fails midway, what this run created is removed again (exit 1).

    \b
    Example:
      statusbook init status --name "Acme Status" --url https://status.acme.example/ \\
        --internal-url https://records.acme.example/ --timezone Europe/Berlin \\
        --component api="Public API" --teammate bruno="Bruno Lindqvist"
    """
    from generator.scaffold.errors import BadAnswer, ExistingFiles, MissingAnswer, WriteFailed

    try:
        written = scaffold(directory, values, now, example)
    except (MissingAnswer, BadAnswer, ExistingFiles) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except WriteFailed as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"Created {len(written)} files in {directory}:")
    for path in written:
        click.echo(f"  {path}")
    enter = "" if Path(directory) == Path(".") else f"cd {shlex.quote(str(directory))} && "
    click.echo(f"Next: {enter}statusbook validate && statusbook serve")


def register(group: click.Group) -> None:
    """Add the init command to ``group``."""
    group.add_command(init)
