"""Contributor Markdown to safe HTML: raw HTML is shown as text and only web and mail links survive."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markupsafe import Markup

SAFE_URL = re.compile(r"^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def safe_url(url: str) -> bool:
    """Whether a link target is a web or mail address, or relative."""
    return bool(SAFE_URL.match(url.strip()))


def _parser() -> MarkdownIt:
    """Make a CommonMark parser with tables and strikethrough, without raw HTML."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.validateLink = safe_url
    return parser


PARSER = _parser()


@lru_cache(maxsize=1 << 16)
def to_html(text: str) -> Markup:
    """Render contributor Markdown to HTML that is safe to embed in a page or a feed; pages and feeds share it."""
    return Markup(PARSER.render(text).strip())


def to_text(text: str) -> str:
    """Escape plain text for HTML."""
    return escape(text, quote=True)
