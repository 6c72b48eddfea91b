"""Link rules: a major incident says where its responders talk and meet."""

from __future__ import annotations

from typing import Iterator

from generator.checks.rules import CheckContext, RuleList
from generator.model.incident import Incident
from generator.model.links import channel_name, missing_kinds
from generator.problems import Level, Problem

RULES = RuleList()


def advice(incident: Incident, missing: tuple[str, ...]) -> str:
    """Say which links to add, suggesting the conventional channel name."""
    wanted = {"channel": f"a channel link (such as {channel_name(incident.id)})", "bridge": "a bridge link (the call responders join)"}
    return " and ".join(wanted[kind] for kind in missing)


@RULES.incident_rule("I207", "channel-and-bridge", Level.WARNING, kinds=("incident",))
def channel_and_bridge(incident: Incident, ctx: CheckContext) -> Iterator[Problem]:
    """A SEV1 or SEV2 incident (one of the two most severe configured severities) names no chat channel or no bridge call in `links`. Responders and whoever joins later need to know where the incident is worked on: add a link of kind `channel` (by convention `#inc-YYYYMMDD-slug`, from the incident id) and one of kind `bridge`. Imported records are exempt."""
    if incident.is_imported or not ctx.corpus.site.is_major(incident.severity):
        return
    missing = missing_kinds(incident.links)
    if missing:
        names = " and no ".join(missing)
        message = f"{incident.severity} incident names no {names} in links; add {advice(incident, missing)}"
        where = ("links",) if incident.links else ("severity",)
        yield Problem(incident.path, message, where, at_key=bool(incident.links))
