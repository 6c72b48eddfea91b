"""Tests of incident links: which addresses are linked, the conventional channel name, and missing kinds."""

from __future__ import annotations

import pytest

from generator.model.links import Link, channel_name, is_web_link, missing_kinds


@pytest.mark.parametrize("url", ["https://chat.acme.example/archives/C01", "HTTP://meet.acme.example", "runbooks/api.md",
                                 "/dashboards/api", "#timeline", "?tab=links", "../2026-06-01-api-errors/"])
def test_http_and_relative_links_are_accepted(url: str) -> None:
    """http(s) with a host and relative addresses are linked."""
    assert is_web_link(url)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,<b>x</b>", "file:///etc/passwd", "mailto:oncall@acme.example", "https://",
                                 "https:relative", "slack://channel?id=C01", "https://chat.acme.example/a b", "https://x\n.example"])
def test_other_schemes_and_broken_addresses_are_refused(url: str) -> None:
    """Any other scheme, an http(s) address without a host, and whitespace or control characters are refused."""
    assert not is_web_link(url)


def test_channel_name_follows_the_incident_id() -> None:
    """The date loses its dashes and the slug follows, after #inc-."""
    assert channel_name("2026-11-23-api-increased-latency") == "#inc-20261123-api-increased-latency"
    assert channel_name("odd-id") == "#inc-odd-id"


def test_missing_kinds_keeps_the_asked_order() -> None:
    """Kinds are reported in the order asked, whatever the order of the links."""
    assert missing_kinds(()) == ("channel", "bridge")
    assert missing_kinds((Link("bridge", "https://meet.acme.example/x"),)) == ("channel",)
    assert missing_kinds((Link("channel", "/c"), Link("bridge", "/b"))) == ()
