"""The ``build`` and ``serve`` commands: publish the status sites."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import EXIT_INVALID, EXIT_OK, EXIT_USAGE, now_option, now_or_usage_error, root_option
from generator.loading.corpus import RootError

audience_option = click.option(
    "--audience",
    type=click.Choice(["public", "internal"]),
    default="public",
    show_default=True,
    help="public: only public records, updates and components. internal: everything, for the team.",
)


def progress(message: str) -> None:
    """Report a build step on stderr."""
    click.echo(message, err=True)


@click.command()
@root_option
@audience_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site: a missing or empty directory, or a previous Statusbook build. "
    "Default: site/public or site/internal under the current directory.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Also replace a non-empty directory that is not a Statusbook build. "
    "Never the records, an ancestor of them, or a directory holding .git or statusbook.yml.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Load and build everything again without reading or writing the build cache "
    "(.statusbook-cache/ beside the site directory) or the record memo (~/.cache/statusbook/records/).",
)
@now_option
def build(root: Path, audience: str, site_dir: Path | None, force: bool, no_cache: bool, now: str | None) -> None:
    """Validate every record, then build the status site with MkDocs.

    Invalid records stop the build with exit 1 and leave the existing site
    directory exactly as it was; so does any failure while building. The same
    records and the same --now (or SOURCE_DATE_EPOCH) give a byte-identical site.

    The site directory is replaced only when it is missing, empty or a
    previous Statusbook build (marked by a .statusbook-site file); the portal
    root, its source folders, an ancestor of them and a git checkout are
    refused with exit 2, and so is a site that statusbook.yml gives no address
    (url, or internal_url for --audience internal), which validate warns about
    (R109). Nothing is written then. The new build replaces the old one in one atomic
    exchange, or entry by entry in a mount point. Builds into one directory
    wait for each other.

    A build records what it wrote in .statusbook-cache/ beside the site
    directory, and the records it loaded in a memo signed for your account
    (~/.cache/statusbook/records/). The next build parses only the record
    files that changed, renders an incident's pages again only when what
    they show changed, writes only the pages and files whose content changed
    and links the rest from the previous build; the result is byte-identical
    to a clean build. Changed settings, theme overrides or versions, or any
    file touched in the site directory, mean a clean build. The cache and the
    memo are safe to delete; --no-cache ignores both.

    \b
    Example:
      statusbook build --root . --audience public --now 2026-11-23T18:00:00Z
    """
    from generator.build import BuildError, SiteNotConfigured, build as run_build
    from generator.publish.mkdocs_site import PublishError
    from generator.publish.sitedir import SiteDirRefused
    from generator.reporting import render
    from generator.views.audience import Audience

    moment = now_or_usage_error(now)
    target = site_dir or Path("site") / audience
    try:
        result = run_build(root, Audience(audience), target, moment, progress, force=force, cache=not no_cache)
    except RootError as exc:
        raise click.UsageError(str(exc)) from None
    except (SiteDirRefused, SiteNotConfigured) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (BuildError, PublishError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    if not result.built:
        click.echo(render(result.report, "text"), nl=False, err=True)
        click.echo(f"Error: the records are invalid; {target} was left unchanged.", err=True)
        sys.exit(EXIT_INVALID)
    sys.exit(EXIT_OK)


@click.command()
@root_option
@audience_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="HOST:PORT", help="Address to serve on.")
@now_option
def serve(root: Path, audience: str, dev_addr: str, now: str | None) -> None:
    """Preview the site at http://HOST:PORT/ and reload it when a record changes.

    Pages are rendered again whenever statusbook.yml, people.yml or a file under
    incidents/ or rotations/ changes; while a record is invalid the preview keeps
    the last good pages and prints why. Stop with Ctrl+C. Times are judged as of
    --now if given, else the current time at each rebuild.

    \b
    Example:
      statusbook serve --audience public --dev-addr 127.0.0.1:8000
    """
    from generator.build import BuildError, SiteNotConfigured, preview
    from generator.clock import resolve_now
    from generator.publish.mkdocs_site import PublishError
    from generator.views.audience import Audience

    fixed = now_or_usage_error(now) if now else None
    try:
        preview(root, Audience(audience), lambda: fixed or resolve_now(None), dev_addr, progress)
    except RootError as exc:
        raise click.UsageError(str(exc)) from None
    except SiteNotConfigured as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (BuildError, PublishError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INVALID)


def register(group: click.Group) -> None:
    """Add the site commands to ``group``."""
    group.add_command(build)
    group.add_command(serve)
