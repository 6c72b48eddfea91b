"""Build a site end to end: load and validate everything, compute views, render every file, then publish.

Like ``mkdocs build`` it works in two phases: the site is built in a scratch folder, and the site directory is
replaced only by a finished build from records the checks found no error in (on a large corpus they run in a second
process while the site is rendered). Before anything is loaded the site directory is checked:
it must be missing, empty or a previous Statusbook build (see ``generator.publish.sitedir``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Generator

from generator.loading.corpus import load_root
from generator.loading.memo import memo_file_for
from generator.memory import collection_paused
from generator.model.corpus import Corpus
from generator.model.site import missing_address
from generator.problems import Level
from generator.publish.sitedir import SiteTarget
from generator.render.assets import asset_files
from generator.render.badges import badge_files
from generator.render.calendars import calendar_files
from generator.render.feeds import feed_files
from generator.render.memo import Reuse
from generator.render.output import KeptFile, Output, OutputFile
from generator.render.internal import portal_files
from generator.render.markup import to_html
from generator.render.pages import PageRenderer, page_files
from generator.render.search import search_files
from generator.render.statuspage import api_files
from generator.render.theme import palette, stylesheets, theme_files, theme_link
from generator.validate import ChecksStopped, ForkedReport, KnownReport, Report, check_loaded, checks_beside
from generator.views.audience import Audience
from generator.views.page import SiteView, site_view
from generator.views.portal import Portal, portal_view

Progress = Callable[[str], None]


class BuildError(ValueError):
    """The site cannot be built or previewed from the records as they are."""


class SiteNotConfigured(ValueError):
    """The records are valid, but statusbook.yml does not configure the site asked for (a usage problem)."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did: the validation report, and the number of files rendered (0 when refused)."""

    report: Report
    rendered: int = 0

    @property
    def built(self) -> bool:
        """Whether the site was written."""
        return self.rendered > 0


def site_files(view: SiteView, reuse: Reuse | None = None) -> Generator[OutputFile | KeptFile, None, None]:
    """Render every file of the site, a renderer at a time, so a build can write them as they come; a keyed file the
    site already holds from the same inputs (as ``reuse`` says once the first file is asked for) is not rendered again."""
    with collection_paused():
        pages = PageRenderer(view, reuse)
        yield from page_files(view, pages)
        for renderer in (feed_files, calendar_files, api_files, badge_files):
            yield from renderer(view)
        yield from portal_files(view, pages)
        yield from search_files(view)
        yield from asset_files()
        yield from theme_files(view.site.theme, view.audience)
    to_html.cache_clear()  # pages, feeds and the index shared each rendered text; the build needs them no more


def render_site(view: SiteView) -> Output:
    """Render every file of the site in memory."""
    output = Output()
    output.extend(site_files(view))
    return output


def settings_for(view: SiteView, now: datetime):
    """Describe the site to the publishing adapter."""
    from generator.publish.mkdocs_site import SiteSettings

    components = tuple((s.component.id, s.component.name) for s in view.status.components)
    rotations = tuple((r.id, r.name) for r in view.portal.oncall.rotations) if view.portal else ()
    theme = view.site.theme
    name = f"{view.site.name} records portal" if view.portal else view.site.name
    return SiteSettings(
        name, view.url, components, int(now.timestamp()), view.portal is not None, rotations,
        extra_css=stylesheets(theme), logo=theme_link(theme, "logo"), favicon=theme_link(theme, "favicon"),
        palette=palette(theme), footer=tuple((link.title, link.url) for link in theme.footer),
    )


def checked_view(root: Path, audience: Audience, now: datetime, memo_file: Path | None = None) -> tuple[Report, SiteView | None]:
    """Load (through the memo at ``memo_file``, if given) and check the records; when they are valid, compute the
    site's views.

    Raises SiteNotConfigured when the records are valid but statusbook.yml lacks what the site needs.
    """
    loaded = load_root(root, memo_file=memo_file)
    report = check_loaded(loaded, now)
    if report.errors or loaded.corpus is None:
        return report, None
    unbuildable = missing_address(loaded.corpus.site, audience.value)
    if unbuildable:
        raise SiteNotConfigured(unbuildable)
    with collection_paused():
        return report, site_view(loaded.corpus, audience, now)


def checked_site(root: Path, audience: Audience, now: datetime,
                 memo_file: Path | None = None) -> tuple[Report, SiteView | None, Output | None]:
    """Load (through the memo at ``memo_file``, if given) and check the records; when they are valid, compute the
    site's views and render its files in memory."""
    report, view = checked_view(root, audience, now, memo_file)
    return (report, None, None) if view is None else (report, view, render_site(view))


def build(root: Path, audience: Audience, site_dir: Path, now: datetime, progress: Progress = lambda _: None,
          force: bool = False, cache: bool = True) -> BuildResult:
    """Validate the records under ``root``; if they are valid, build the ``audience`` site into ``site_dir``.

    The checks run beside the rendering (``checks_beside``), and the built site replaces the old one only once they
    found no error. Raises SiteDirRefused before loading anything when ``site_dir`` must not be replaced, and
    SiteNotConfigured before writing anything when statusbook.yml does not configure the site.
    """
    target = SiteTarget(site_dir, root, audience.value, force, cache)
    target.check()
    loaded = load_root(root, memo_file=memo_file_for(root) if cache else None)
    corpus, load_failed = loaded.corpus, any(p.level is Level.ERROR for p in loaded.problems)
    with checks_beside(loaded, now) as pending:
        del loaded  # only the checks need where each field was written
        confirm = Confirmation(pending, progress)
        if corpus is None or load_failed:
            return BuildResult(confirm.report())
        try:
            rendered = built(corpus, audience, now, target, progress, confirm)
        except Exception:
            if confirm.report().errors:  # invalid records explain any failure to render them
                return BuildResult(confirm.report())
            raise
        return BuildResult(confirm.report(), rendered)


class RecordsInvalid(Exception):
    """The checks found errors after the site was rendered from the records: the build must not replace the site."""


@dataclass(slots=True)
class Confirmation:
    """The checks' report, waited for and announced once: ``__call__`` refuses a site built from invalid records, and
    ``poll`` does so as soon as the report is in, so a build of invalid records stops early."""

    pending: KnownReport | ForkedReport
    progress: Progress
    known: Report | None = None

    def report(self) -> Report:
        """Wait for the checks' report and announce it the first time."""
        if self.known is None:
            try:
                self.known = self.pending.report()
            except ChecksStopped as exc:
                raise BuildError(str(exc)) from None
            report = self.known
            self.progress(f"Checked {report.file_count} files: {report.errors} errors, {report.warnings} warnings")
        return self.known

    def __call__(self) -> None:
        """Raise RecordsInvalid unless the checks found no error."""
        if self.report().errors:
            raise RecordsInvalid()

    def poll(self) -> None:
        """Raise RecordsInvalid if the checks have already reported errors; never wait for them."""
        if self.known is not None or self.pending.ready():
            self()


def built(corpus: Corpus, audience: Audience, now: datetime, target: SiteTarget, progress: Progress,
          confirm: Confirmation) -> int:
    """Compute the views of ``corpus``, render them and publish the site once ``confirm`` passes (stopping as soon as
    it is known not to); return the file count."""
    from generator.publish.mkdocs_site import publish

    unbuildable = missing_address(corpus.site, audience.value)
    if unbuildable:
        raise SiteNotConfigured(unbuildable)
    with collection_paused():
        view = site_view(corpus, audience, now)
    del corpus
    confirm.poll()
    progress(f"Rendering {len(view.incidents)} {audience.value} records and building with MkDocs")
    reuse = Reuse()
    settings, files = settings_for(view, now), site_files(view, reuse)
    del view  # the files hold the views while they are rendered, and let them go before MkDocs draws the pages
    try:
        rendered = publish(files, settings, target, progress, reuse, confirm, confirm.poll)
    finally:
        files.close()  # a build stopped midway ends the rendering, and the pause of collection it holds
    progress(f"Built the {audience.value} site in {target.site_dir} from {rendered} rendered files")
    return rendered


def render_records(root: Path, audience: Audience, now: datetime, progress: Progress) -> tuple[SiteView, Output] | None:
    """Load (parsing only the record files that changed since the last time), check and render the records; report
    and return None when they are invalid."""
    report, view, output = checked_site(root, audience, now, memo_file_for(root))
    if view is None or output is None:
        progress(f"Records are invalid ({report.errors} errors); keeping the last good pages")
        return None
    return view, output


def preview(root: Path, audience: Audience, clock: Callable[[], datetime], dev_addr: str, progress: Progress) -> None:
    """Serve the site with live reload, rendering the records again whenever one changes."""
    from generator.publish.mkdocs_site import serve

    first = render_records(root, audience, clock(), progress)
    if first is None:
        raise BuildError("the records are invalid; run 'statusbook validate' to see why")

    def again() -> Output | None:
        try:
            rendered = render_records(root, audience, clock(), progress)
        except SiteNotConfigured as exc:
            progress(f"{exc}; keeping the last good pages")
            return None
        return rendered[1] if rendered else None

    base = root.resolve()
    watched = [base / name for name in ("statusbook.yml", "people.yml", "incidents", "rotations") if (base / name).exists()]
    serve(again, settings_for(first[0], clock()), watched, dev_addr)


def checked_portal(root: Path, now: datetime) -> tuple[Report, Portal | None, str]:
    """Load and check the records; when they are valid, compute the portal's views; return them with the site's name."""
    loaded = load_root(root)
    report = check_loaded(loaded, now)
    if report.errors or loaded.corpus is None:
        return report, None, ""
    return report, portal_view(loaded.corpus, now), loaded.corpus.site.name
