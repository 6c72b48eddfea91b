"""Who is told about an incident of each severity, and which comms templates that offers.

A severity's ``audiences`` in statusbook.yml are words from AUDIENCES. The ``internal`` chat update for
responders is always offered; each audience adds its templates. A severity without audiences offers every
template, as before audiences existed.
"""

from __future__ import annotations

from generator.model.site import Severity

COMMS_TEMPLATES = ("internal", "exec", "client", "wrap-up")
AUDIENCE_TEMPLATES = {
    "responders": ("internal",),
    "engineering-leads": ("internal", "wrap-up"),
    "executives": ("exec", "wrap-up"),
    "all-hands": ("wrap-up",),
    "customers": ("client",),
}
AUDIENCE_LABELS = {
    "responders": "responders",
    "engineering-leads": "engineering leads",
    "executives": "executives",
    "all-hands": "all hands",
    "customers": "customers",
}


def offered_templates(severity: Severity | None) -> tuple[str, ...]:
    """Return the comms templates offered for a severity, in COMMS_TEMPLATES order."""
    if severity is None or not severity.audiences:
        return COMMS_TEMPLATES
    wanted = {"internal"} | {name for audience in severity.audiences for name in AUDIENCE_TEMPLATES.get(audience, ())}
    return tuple(name for name in COMMS_TEMPLATES if name in wanted)
