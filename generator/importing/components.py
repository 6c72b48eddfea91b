"""Match Statuspage components to the portal's, and plan the ones to add to statusbook.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importing.export import Export
from generator.importing.names import ascii_slug, unique
from generator.model.site import Site


@dataclass(frozen=True, slots=True)
class NewComponent:
    """A component to add to statusbook.yml, with the Statuspage id it came from."""

    id: str
    name: str
    statuspage_id: str
    group: str | None = None
    description: str | None = None


@dataclass(slots=True)
class Components:
    """Which portal component each Statuspage component id stands for, and which are groups."""

    ids: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    added: list[NewComponent] = field(default_factory=list)

    def add(self, item: dict[str, Any], component_id: str) -> None:
        """Plan a new component for a Statuspage component."""
        group = self.groups.get(item.get("group_id") or "")
        self.added.append(NewComponent(component_id, item["name"], item["id"], group, text_or_none(item.get("description"))))
        self.ids[item["id"]] = component_id


def text_or_none(value: Any) -> str | None:
    """Return a non-blank string stripped, else None."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def seen_components(export: Export) -> list[dict[str, Any]]:
    """List every component object of the export: components.json first, then those only incidents name."""
    found = dict(export.components)
    for record in (*export.incidents.values(), *export.maintenances.values()):
        for item in record.get("components") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], item)
    return [item for item in found.values() if isinstance(item.get("name"), str) and item["name"].strip()]


def match(item: dict[str, Any], site: Site) -> str | None:
    """Return the portal component a Statuspage component is: the same id, else the same name."""
    if site.component(item["id"]) is not None:
        return item["id"]
    name = item["name"].strip().casefold()
    return next((c.id for c in site.components if c.name.casefold() == name), None)


def plan_components(export: Export, site: Site) -> Components:
    """Map every Statuspage component to a portal component, planning new ones for those it lacks."""
    plan = Components()
    items = seen_components(export)
    plan.groups = {i["id"]: i["name"].strip() for i in items if i.get("group") is True}
    taken = {c.id for c in site.components}
    for item in items:
        if item["id"] in plan.groups:
            continue
        known = match(item, site)
        if known is not None:
            plan.ids[item["id"]] = known
            continue
        component_id = unique(ascii_slug(item["name"]) or f"component-{ascii_slug(item['id'])}", taken)
        taken.add(component_id)
        plan.add(item, component_id)
    return plan
