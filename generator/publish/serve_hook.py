"""MkDocs hook for ``statusbook serve``: render the records again before each rebuild, and take pages as finished HTML."""

from __future__ import annotations

from generator.publish import mkdocs_site
from generator.publish.finished import adopt_pages


def on_pre_build(config, **_) -> None:
    """Refresh the generated pages from the records."""
    mkdocs_site.refresh_docs(config["docs_dir"])


def on_files(files, config, **_):
    """Make every page a finished page, as the build does."""
    return adopt_pages(files, config)
