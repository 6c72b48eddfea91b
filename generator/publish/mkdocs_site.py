"""The MkDocs adapter: write the rendered files and a generated mkdocs.yml, build, and swap the site into place.

Nothing else in Statusbook imports MkDocs. A failed build leaves the previous site exactly as it was; what may be
replaced, the lock and the swap itself live in ``generator.publish.sitedir``.
"""

from __future__ import annotations

import logging
import os
import signal
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

import yaml

from generator.publish.sitedir import (
    PublishError,
    SiteTarget,
    is_marked_site,
    make_scratch,
    os_error_message,
    remove_leftovers,
    remove_scratch,
    replace_site,
    scratch_prefix,
    site_build_id,
    site_lock,
    write_site_marker,
)
from generator import GENERATOR
from generator.publish.cache import (
    build_id,
    build_key,
    cache_for,
    digest,
    kept_files,
    link_unchanged,
    manifest_of,
    read_manifest,
    reusable,
    save_cache,
    usable,
    written_as,
)
from generator.publish.finished import FinishedPages, IncrementalNotice
from generator.publish.spare import keep_spare, prune, spare_folder, take_spare
from generator.render import urls
from generator.render.memo import Reuse
from generator.render.output import KeptFile, Output, OutputError, OutputFile, checked_path

OVERRIDES = "overrides"
# The scratch folder's subfolder that receives the rendered files as they come, outside MkDocs' docs folder.
RENDERED = "rendered"
__all__ = ["PublishError", "SiteSettings", "publish", "serve"]
# MkDocs stamps sitemap.xml.gz with its build date, and a gzip header holds 32 bits: the last is 2106-02-07T06:28:15Z.
GZIP_LAST_EPOCH = 2**32 - 1


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What the generated mkdocs.yml needs to know about the site."""

    name: str
    url: str | None
    nav_components: tuple[tuple[str, str], ...]
    epoch: int
    portal: bool = False
    rotations: tuple[tuple[str, str], ...] = ()
    unlisted: tuple[str, ...] = ("/incidents/", "/postmortems/*-*.md", "/history/*-*.md", "/subscribe/")
    search: bool = True
    extra_css: tuple[str, ...] = field(default=(urls.STYLESHEET,))
    extra_javascript: tuple[str, ...] = field(default=(urls.SCRIPT,))
    logo: str | None = None
    favicon: str | None = None
    palette: list[dict] | None = None
    footer: tuple[tuple[str, str], ...] = ()
    generator: str = GENERATOR


def nav(settings: SiteSettings) -> list:
    """The navigation: status, components and history, and the portal's sections; incidents are linked from pages."""
    components = [{escape(name): urls.component_page(cid)} for cid, name in settings.nav_components]
    items: list = [{"Now": urls.NOW}] if settings.portal else []
    items.append({"Status": urls.HOME})
    if components:
        items.append({"Components": components})
    items.append({"History": urls.HISTORY})
    return items + portal_nav(settings) if settings.portal else items


def portal_nav(settings: SiteSettings) -> list:
    """The internal portal's sections: postmortems, action items, on-call rotations and metrics."""
    rotations = [{escape(name): urls.rotation_page(rid)} for rid, name in settings.rotations]
    return [
        {"Postmortems": urls.POSTMORTEMS},
        {"Action items": urls.ACTIONS},
        {"On call": [{"Overview": urls.ONCALL}, *rotations, {"Burden": urls.BURDEN}]},
        {"Metrics": urls.METRICS},
    ]


def mkdocs_config(settings: SiteSettings, docs_dir: Path, site_dir: Path, overrides: Path) -> dict:
    """Return the generated mkdocs.yml as a mapping; names are escaped because themes print them raw."""
    config = {
        "site_name": escape(settings.name),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": True,
        "nav": nav(settings),
        "not_in_nav": "\n".join(settings.unlisted),
        "theme": {"name": "material", "font": False, "custom_dir": str(overrides), "language": "en"},
        "plugins": [],
        "extra_css": list(settings.extra_css),
        "extra_javascript": list(settings.extra_javascript),
        "markdown_extensions": [],
    }
    if settings.url:
        config["site_url"] = settings.url
    config["theme"].update(theme_options(settings))
    config["extra"] = extra(settings)
    return config


def theme_options(settings: SiteSettings) -> dict:
    """Material's logo, favicon and palette, where the theme sets them."""
    options = {"logo": settings.logo, "favicon": settings.favicon, "palette": settings.palette}
    return {key: value for key, value in options.items() if value}


def extra(settings: SiteSettings) -> dict:
    """What the overrides read: whether this is the portal, the generator's name, the footer links and where to subscribe."""
    values: dict = {"sb_generator": settings.generator, "generator": False, "sb_search": settings.search}
    if settings.portal:
        values["sb_portal"] = True
    else:
        values["sb_subscribe"] = urls.served(urls.SUBSCRIBE)
    if settings.footer:
        values["sb_footer"] = [{"title": title, "url": url} for title, url in settings.footer]
    return values


def write_tree(contents: dict[str, bytes], folder: Path) -> None:
    """Write every file under ``folder``."""
    for relative, data in contents.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def copy_overrides(folder: Path) -> None:
    """Copy the theme overrides shipped with the package into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for item in (files("generator.publish") / OVERRIDES).iterdir():
        if item.name.endswith(".html"):
            (folder / item.name).write_bytes(item.read_bytes())


@contextmanager
def build_environment(epoch: int):
    """Pin MkDocs' build date to ``epoch`` (at most what gzip can store) and silence its version banner for the duration."""
    saved = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")}
    os.environ.update(SOURCE_DATE_EPOCH=str(min(epoch, GZIP_LAST_EPOCH)), NO_MKDOCS_2_WARNING="1")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Collected(logging.Handler):
    """Keeps MkDocs' warnings and errors to report when a build fails."""

    def __init__(self) -> None:
        """Start with no messages."""
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one message."""
        self.messages.append(record.getMessage())


def run_mkdocs(config_file: Path, folder: Path, paths: list[str], unchanged: frozenset[str] = frozenset(),
               checkpoint: Callable[[], None] = lambda: None) -> None:
    """Build the rendered files at ``paths`` in ``folder`` with MkDocs in this process, writing only what is not
    ``unchanged`` and calling ``checkpoint`` after each page drawn.

    Raises PublishError with MkDocs' warnings on failure.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    handler, propagate, notice = Collected(), logger.propagate, IncrementalNotice()
    logger.addHandler(handler)
    logger.propagate = False
    logging.getLogger("mkdocs.commands.build").addFilter(notice)
    try:
        config = load_config(config_file=str(config_file))
        config.plugins["statusbook/finished-pages"] = FinishedPages(folder, paths, unchanged, checkpoint)
        config.plugins.on_startup(command="build", dirty=bool(unchanged))
        try:
            build(config, dirty=bool(unchanged))
        finally:
            config.plugins.on_shutdown()
    except (exceptions.MkDocsException, OSError) as exc:
        details = "; ".join(handler.messages) or str(exc)
        raise PublishError(f"MkDocs could not build the site: {details}") from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(notice)
        logger.removeHandler(handler)
        logger.propagate = propagate


def stage(settings: SiteSettings, work: Path, docs: dict[str, bytes] | None = None, **extra) -> Path:
    """Write the overrides, mkdocs.yml (with ``extra`` settings) and any ``docs`` files into ``work``; return the config file."""
    docs_dir, overrides, built = work / "docs", work / OVERRIDES, work / "site"
    docs_dir.mkdir(parents=True, exist_ok=True)
    write_tree(docs or {}, docs_dir)
    copy_overrides(overrides)
    config_file = work / "mkdocs.yml"
    config = mkdocs_config(settings, docs_dir, built, overrides) | extra
    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config_file


Rendered = Iterable["OutputFile | KeptFile"]


def publish(files: Rendered, settings: SiteSettings, target: SiteTarget, say: Callable[[str], None],
            reuse: Reuse | None = None, confirm: Callable[[], None] = lambda: None,
            checkpoint: Callable[[], None] = lambda: None) -> int:
    """Build the rendered ``files`` into the target's site directory and return how many there were.

    ``files`` is rendered as it is read; before the first is read, ``reuse`` learns which files the previous build
    rendered from the same inputs and the site still holds. ``confirm`` is called once the site is built and before it
    replaces the old one, and ``checkpoint`` after each file written and each page drawn: raising in either, like any
    failure, stops the build and leaves the existing site and cache untouched.
    """
    site_dir = target.site_dir.resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with site_lock(site_dir, say):
            target.check()
            remove_leftovers(site_dir)
            cache_file = cache_for(target, site_dir, say)
            gate = Gate(confirm, checkpoint)
            return build_and_swap(files, settings, site_dir, target.audience, cache_file, say, reuse or Reuse(), gate)
    except OSError as exc:
        raise PublishError(os_error_message(exc, site_dir)) from None


@dataclass(slots=True)
class Written:
    """What writing the rendered files gave: every file's digest, each keyed file's key, and the files kept as they are."""

    digests: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Gate:
    """What may stop a build: ``confirm``, called once before the site is replaced, and ``checkpoint``, called often."""

    confirm: Callable[[], None]
    checkpoint: Callable[[], None]


def write_rendered(files: Rendered, folder: Path, checkpoint: Callable[[], None] = lambda: None) -> Written:
    """Write each rendered file into ``folder`` as it comes, so the site is never held in memory; a kept file is
    already in the site and is not written. ``checkpoint`` is called after each file."""
    written, folders = Written(), set()
    for item in files:
        checkpoint()
        path = checked_path(item.path)
        if path in written.digests:
            raise OutputError(f"two outputs for one path: {path}")
        if item.key is not None:
            written.keys[path] = item.key
        if isinstance(item, KeptFile):
            written.digests[path] = item.digest
            written.kept.add(path)
            continue
        target = folder / path
        if target.parent not in folders:  # most files share their folder with others
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(item.content)
        written.digests[path] = digest(item.content)
    return written


def build_and_swap(files: Rendered, settings: SiteSettings, site_dir: Path, audience: str, cache_file: Path | None,
                   say: Callable[[str], None], reuse: Reuse, gate: Gate) -> int:
    """Build in a marked scratch folder beside ``site_dir``, reusing unchanged files, mark the result ours, and swap it
    in once the gate confirms it."""
    work = make_scratch(site_dir.parent, scratch_prefix(site_dir))
    spare = spare_folder(cache_file) if cache_file else None
    try:
        config_file = stage(settings, work)
        key = build_key(mkdocs_config(settings, Path("docs"), Path("site"), Path(OVERRIDES)))
        previous = usable(read_manifest(cache_file) if cache_file else None, key, site_build_id(site_dir, audience), site_dir)
        reuse.kept = kept_files(previous)
        written = write_rendered(files, work / RENDERED, gate.checkpoint)
        digests = written.digests
        unchanged = reusable(previous, digests)
        if not written.kept <= unchanged:
            raise PublishError("the site folder changed while it was being built; build again")
        start_from(spare, unchanged, site_dir, work / "site")
        if unchanged:
            say(f"Reusing {len(unchanged)} unchanged files of the previous build; writing {len(digests) - len(unchanged)}")
        with build_environment(settings.epoch):
            run_mkdocs(config_file, work / RENDERED, list(digests), unchanged, gate.checkpoint)
        build = build_id(key, digests)
        write_site_marker(work / "site", audience, build)
        linked = {written_as(path): previous.stamps[written_as(path)] for path in unchanged} if previous else {}
        manifest = manifest_of(key, build, digests, work / "site", written.keys, linked)
        gate.confirm()
        replaced = replace_site(work / "site", site_dir, work)
        if spare is not None and replaced is not None and is_marked_site(replaced):
            keep_spare(replaced, spare)  # a foreign folder replaced with --force is removed, never kept
    finally:
        remove_scratch(work)
    if cache_file is not None:
        save_cache(cache_file, manifest, say)
    return len(digests)


def start_from(spare: Path | None, unchanged: frozenset[str], site_dir: Path, built: Path) -> None:
    """Give the new build at ``built`` the previous site's ``unchanged`` files: those the spare tree (the site the
    previous build replaced) still shares with the site are kept in place, the rest are linked; nothing else stays."""
    targets = {written_as(path): path for path in unchanged}
    kept = prune(built, site_dir, set(targets)) if spare is not None and take_spare(spare, built) else set()
    link_unchanged(frozenset(path for target, path in targets.items() if target not in kept), site_dir, built)


Render = Callable[[], "Output | None"]
_render_for_serve: list[Render] = []


def sync_tree(contents: dict[str, bytes], folder: Path) -> int:
    """Make ``folder`` hold exactly ``contents``, touching only what changed; return how many files changed."""
    changed = 0
    for relative, data in contents.items():
        target = folder / relative
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed += 1
    wanted = {folder / relative for relative in contents}
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
        stale.unlink()
        changed += 1
    return changed


def refresh_docs(docs_dir: str) -> None:
    """Render the records again into the preview's docs; invalid records keep the last good pages."""
    output = _render_for_serve[-1]() if _render_for_serve else None
    if output is not None:
        sync_tree(output.files, Path(docs_dir))


def show_mkdocs_log() -> None:
    """Print MkDocs' messages (the address, each rebuild) on stderr while previewing."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def serve(render: Render, settings: SiteSettings, watch: list[Path], dev_addr: str) -> None:
    """Preview the site with live reload; pages are rendered again whenever a watched record changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    first = render()
    if first is None:
        raise PublishError("the records are invalid; fix them before previewing")
    _render_for_serve.append(render)
    hook = Path(__file__).with_name("serve_hook.py")
    with terminate_as_interrupt(), tempfile.TemporaryDirectory(prefix="statusbook-serve-") as scratch:
        config_file = stage(settings, Path(scratch), first.files, hooks=[str(hook)], watch=[str(p) for p in watch], strict=False)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        show_mkdocs_log()
        mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=dev_addr)


def interrupt(signum: int, frame) -> None:
    """Stop the preview as Ctrl+C would."""
    raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt():
    """Treat SIGTERM like Ctrl+C for the duration, so the preview's temporary folder is removed; restore after."""
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
