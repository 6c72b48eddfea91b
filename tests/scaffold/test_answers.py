"""Reading init's answers: ids from emails, ID=NAME pairs, time zones and addresses."""

from __future__ import annotations

import pytest

from generator.scaffold.answers import BadAnswer, component, id_from_email, timezone, url


def test_an_id_is_derived_from_the_local_part_of_the_email() -> None:
    """Lower case, other characters become '-', and nothing usable means no id."""
    assert id_from_email("Ada.Lovelace@example.org") == "ada-lovelace"
    assert id_from_email("_x+tag@example.org") == "x-tag"
    assert id_from_email("...@example.org") is None


def test_bad_values_are_refused_with_the_flag_named() -> None:
    """A pair without '=', an id against the rule, an unknown zone and a non-http address."""
    for read, text, flag in ((component, "api", "--component"), (component, "Bad Id=X", "--component"),
                             (timezone, "Mars/Olympus", "--timezone"), (lambda t: url(t, "--url"), "status", "--url")):
        with pytest.raises(BadAnswer, match=flag):
            read(text)
