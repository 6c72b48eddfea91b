"""Tests of the site configuration's process policy: which severities are major."""

from __future__ import annotations

from tests.checks.factories import severity, site


def test_the_two_most_severe_configured_severities_are_major() -> None:
    """SEV1 and SEV2 are major in a four-level list; SEV3, an unknown id and no severity are not."""
    four = site(severities=tuple(severity(f"SEV{level}") for level in range(1, 5)))
    assert [four.is_major(f"SEV{level}") for level in range(1, 5)] == [True, True, False, False]
    assert not four.is_major("SEV9") and not four.is_major(None)


def test_major_follows_the_configured_order() -> None:
    """A portal with its own severity names has its own two major ones."""
    named = site(severities=(severity("critical"), severity("high"), severity("low")))
    assert named.is_major("high") and not named.is_major("low")
