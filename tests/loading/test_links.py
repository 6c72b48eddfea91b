"""Tests of reading incident links: an http(s) or relative url, anything else refused as S014, and the schema agreeing."""

from __future__ import annotations

import jsonschema
import pytest

from generator.loading.links import WebLink
from generator.loading.schema import Context
from generator.loading.specs import LINK
from generator.loading.strictyaml import INVALID
from generator.model.links import Link

SAMPLES = ["https://chat.acme.example/archives/C01", "HTTPS://meet.acme.example/x", "runbooks/api.md", "#notes",
           "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://", "https://a b.example", "ftp://files.example"]


def run(value):
    """Convert a value as links[0] of an incident and return it with the problem codes."""
    ctx = Context("incidents/2026/2026-06-01-api.md")
    return LINK.convert(value, ctx, ("links", 0)), [(p.code, p.field) for p in ctx.problems]


def test_a_link_is_read_into_the_model() -> None:
    """kind, url and title become a Link."""
    value = {"kind": "channel", "url": "https://chat.acme.example/archives/C01", "title": "#inc-20260601-api"}
    assert run(value) == (Link("channel", "https://chat.acme.example/archives/C01", "#inc-20260601-api"), [])


def test_another_scheme_is_s014_at_the_url() -> None:
    """javascript: is refused at links[0].url, and the message says what is accepted."""
    ctx = Context("incidents/2026/2026-06-01-api.md")
    assert WebLink().convert("javascript:alert(1)", ctx, ("links", 0, "url")) is INVALID
    (problem,) = ctx.problems
    assert (problem.code, problem.field) == ("S014", ("links", 0, "url"))
    assert "'javascript:alert(1)' is not an http(s) URL" in problem.message


def test_an_unknown_kind_is_not_a_choice() -> None:
    """A kind outside the list is S004."""
    assert run({"kind": "pager", "url": "/x"}) == (INVALID, [("S004", ("links", 0, "kind"))])


@pytest.mark.parametrize("url", SAMPLES)
def test_schema_agrees_with_loading(url: str) -> None:
    """Editors accept exactly the urls that loading accepts."""
    ctx = Context("incidents/2026/2026-06-01-api.md")
    accepted = WebLink().convert(url, ctx, ("url",)) is not INVALID
    try:
        jsonschema.validate(url, WebLink().json_schema())
        valid = True
    except jsonschema.ValidationError:
        valid = False
    assert valid == accepted
