"""statusbook incident business-impact: record what an incident cost the business, for the exec summary."""

from __future__ import annotations

from generator.responder import yamlrt
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.incident import open_record, save
from generator.responder.workspace import Workspace

KEYS = ("users", "revenue", "data_loss")


def set_business_impact(ws: Workspace, incident_id: str, given: dict[str, str | None]) -> list[str]:
    """Set the given keys of an incident's business_impact, keeping the others; the same text again is refused."""
    wanted = {key: text.strip() for key, text in given.items() if text is not None}
    if not wanted or not all(wanted.values()):
        raise UsageProblem("give --users, --revenue or --data-loss, each with some text")
    path, document = open_record(ws, incident_id)
    data = document.data
    if data.get("business_impact") is None:
        yamlrt.insert_after(data, "business_impact", yamlrt.mapping({}), ("commander", "roles"))
    impact = data["business_impact"]
    changed = [key for key in KEYS if key in wanted and impact.get(key) != wanted[key]]
    if not changed:
        raise RefusedEdit(f"{path} already records this business impact, so nothing was written", [])
    for key in changed:
        impact[key] = wanted[key]
    words = ", ".join(key.replace("_", " ") for key in changed)
    return save(ws, path, document, f"recorded its business impact ({words})")
