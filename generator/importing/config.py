"""Add components to statusbook.yml as a round-trip edit that keeps its comments and layout."""

from __future__ import annotations

from typing import Any

from generator.importing.components import NewComponent
from generator.loading.corpus import CONFIG_FILE
from generator.responder import yamlrt
from generator.responder.errors import UsageProblem


def component_entry(component: NewComponent) -> Any:
    """Lay out one new component, noting its Statuspage id in a comment."""
    entry = {"id": component.id, "name": yamlrt.text(component.name)}
    if component.group:
        entry["group"] = yamlrt.text(component.group)
    entry["public"] = True
    if component.description:
        entry["description"] = yamlrt.text(component.description)
    data = yamlrt.mapping(entry)
    data.yaml_add_eol_comment(f"imported from Statuspage component {component.statuspage_id}", "id")
    return data


def with_components(text: str, added: list[NewComponent]) -> str:
    """Return statusbook.yml's text with the components appended to its list."""
    data = yamlrt.load(text)
    listed = data.get("components") if hasattr(data, "get") else None
    if not hasattr(listed, "append"):
        raise UsageProblem(f"{CONFIG_FILE} has no components list to add to; run statusbook validate and fix it first")
    trailing = detach_trailing(listed)
    for component in added:
        listed.append(component_entry(component))
    if trailing is not None and added:
        listed[-1].ca.items[list(listed[-1])[-1]] = trailing
    return yamlrt.dump(data)


def detach_trailing(listed: Any) -> Any:
    """Take the comment that follows the list (it hangs on its last entry's last key) to hang it on the new last entry."""
    last = listed[-1] if len(listed) and hasattr(listed[-1], "ca") and len(listed[-1]) else None
    entry = last.ca.items.get(list(last)[-1]) if last is not None else None
    if entry is None or len(entry) < 3 or entry[2] is None or not entry[2].value.startswith("\n"):
        return None  # nothing follows, or the line ends in its own comment: leave it where it is
    return last.ca.items.pop(list(last)[-1])
