"""Which comms templates a severity's audiences offer."""

from __future__ import annotations

from generator.model.audiences import AUDIENCE_LABELS, AUDIENCE_TEMPLATES, COMMS_TEMPLATES, offered_templates
from generator.model.site import AUDIENCES
from tests.checks.factories import severity


def test_every_audience_has_templates_and_words() -> None:
    """The validated words and the mapping agree, and every template they name exists."""
    assert set(AUDIENCE_TEMPLATES) == set(AUDIENCES) == set(AUDIENCE_LABELS)
    assert {name for names in AUDIENCE_TEMPLATES.values() for name in names} <= set(COMMS_TEMPLATES)


def test_audiences_choose_the_templates_in_a_fixed_order() -> None:
    """The internal update is always offered; the others come with their audiences, in COMMS_TEMPLATES order."""
    assert offered_templates(severity("SEV1", audiences=("customers", "executives"))) == ("internal", "exec", "client", "wrap-up")
    assert offered_templates(severity("SEV2", audiences=("engineering-leads",))) == ("internal", "wrap-up")
    assert offered_templates(severity("SEV4", audiences=("responders",))) == ("internal",)
    assert offered_templates(severity("SEV3", audiences=("customers",))) == ("internal", "client")


def test_no_audiences_or_no_severity_offer_every_template() -> None:
    """A severity without audiences, or a record without a severity, is offered everything."""
    assert offered_templates(severity("SEV2")) == COMMS_TEMPLATES
    assert offered_templates(None) == COMMS_TEMPLATES
