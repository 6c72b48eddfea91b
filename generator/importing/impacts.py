"""Map what a Statuspage incident did to components, and its impact, to component impacts and a severity."""

from __future__ import annotations

from typing import Any

from generator.importing.components import Components
from generator.model.incident import IMPACTS
from generator.model.site import Site

# Statuspage's incident impact, as the component status it stands for when updates name none.
IMPACT_STATUS = {
    "none": "degraded_performance",
    "minor": "degraded_performance",
    "major": "partial_outage",
    "critical": "major_outage",
    "maintenance": "under_maintenance",
}
# Statuspage's incident impact, as the position of a severity in statusbook.yml (most severe first).
IMPACT_RANK = {"critical": 0, "major": 1, "minor": 2, "none": 3}
WORSE = {impact: rank for rank, impact in enumerate(IMPACTS)}


def worst(first: str | None, second: str) -> str:
    """Return the worse of two impacts (under_maintenance counts as the worst, as it stops the service)."""
    return second if first is None or WORSE[second] > WORSE[first] else first


def portal_component(code: Any, plan: Components, notes: list[str]) -> str | None:
    """Return the portal component for a Statuspage component id, noting groups and unknown ids."""
    if code in plan.groups:
        notes.append(f"component group '{plan.groups[code]}' is not a component; its member components are listed on their own")
        return None
    if code not in plan.ids:
        notes.append(f"component '{code}' is in no components list of the export; left out")
        return None
    return plan.ids[code]


def from_updates(item: dict[str, Any], plan: Components, notes: list[str]) -> dict[str, str]:
    """Return each component's worst status over the updates' affected_components."""
    found: dict[str, str] = {}
    for update in item.get("incident_updates") or []:
        for change in (update.get("affected_components") or []) if isinstance(update, dict) else []:
            status = change.get("new_status") if isinstance(change, dict) else None
            if status not in IMPACTS:
                continue
            component = portal_component(change.get("code"), plan, notes)
            if component is not None:
                found[component] = worst(found.get(component), status)
    return found


def from_impact(item: dict[str, Any], kind: str, plan: Components, notes: list[str]) -> dict[str, str]:
    """Return the incident's components, each with the status its impact stands for."""
    impact = "maintenance" if kind == "maintenance" else item.get("impact")
    status = IMPACT_STATUS.get(impact, "degraded_performance")
    found: dict[str, str] = {}
    for component in item.get("components") or []:
        code = component.get("id") if isinstance(component, dict) else None
        mapped = portal_component(code, plan, notes)
        if mapped is not None:
            found[mapped] = status
    if found:
        notes.append(f"no update names affected components; gave {', '.join(found)} {status} from impact '{impact}'")
    return found


def component_impacts(item: dict[str, Any], kind: str, plan: Components, notes: list[str]) -> dict[str, str]:
    """Return the record's components: from the updates if they say, else from the impact."""
    found = from_updates(item, plan, notes) or from_impact(item, kind, plan, notes)
    if not found:
        notes.append("names no component; recorded without components")
    return found


def severity_of(impact: Any, site: Site, notes: list[str]) -> str:
    """Choose the severity that Statuspage's impact stands for: critical the first in statusbook.yml, and so on."""
    rank = IMPACT_RANK.get(impact)
    if rank is None:
        rank = len(site.severities) - 1
        notes.append(f"impact '{impact}' is not none, minor, major or critical; given the least severe severity")
    return site.severities[min(rank, len(site.severities) - 1)].id
