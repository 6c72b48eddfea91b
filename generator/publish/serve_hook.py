"""MkDocs hook for ``statusbook serve``: render the records again before each rebuild of the preview."""

from __future__ import annotations

from generator.publish import mkdocs_site


def on_pre_build(config, **_) -> None:
    """Refresh the generated pages from the records."""
    mkdocs_site.refresh_docs(config["docs_dir"])
