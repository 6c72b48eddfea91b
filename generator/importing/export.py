"""Read a Statuspage public API export (files saved from any .../api/v2/ URL) into plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.responder.errors import UsageProblem

FILES = ("incidents.json", "scheduled-maintenances.json", "components.json", "summary.json")
LISTS = ("incidents", "scheduled_maintenances", "components")


@dataclass(slots=True)
class Export:
    """What an export holds: components and records by Statuspage id, in the order first met."""

    files: list[str] = field(default_factory=list)
    components: dict[str, dict[str, Any]] = field(default_factory=dict)
    incidents: dict[str, dict[str, Any]] = field(default_factory=dict)
    maintenances: dict[str, dict[str, Any]] = field(default_factory=dict)


def export_files(source: Path) -> list[Path]:
    """List the export files to read: SOURCE itself, or the known files in the SOURCE directory."""
    if not source.is_dir():
        return [source]
    found = [source / name for name in FILES if (source / name).is_file()]
    if not found:
        raise UsageProblem(f"{source} holds none of {', '.join(FILES)}; save them from your page's /api/v2/ URL")
    return found


def read_json(path: Path) -> Any:
    """Read one JSON file, naming the file and, for a syntax error, the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise UsageProblem(f"cannot read {path}: {reason}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageProblem(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None


def lists_of(path: Path, data: Any) -> dict[str, list[Any]]:
    """Return the Statuspage lists a file holds, refusing a file that holds none."""
    found = {key: data[key] for key in LISTS if isinstance(data, dict) and isinstance(data.get(key), list)}
    if not found:
        raise UsageProblem(f"{path} is not a Statuspage API export: it has no {', '.join(repr(k) for k in LISTS)} list")
    return found


def keep(into: dict[str, dict[str, Any]], items: list[Any]) -> None:
    """Add the objects that carry a text id, the first copy of each id winning."""
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
            into.setdefault(item["id"], item)


def is_maintenance(item: dict[str, Any]) -> bool:
    """Tell a scheduled maintenance from an incident in a list that may hold both."""
    return item.get("impact") == "maintenance" or item.get("scheduled_for") is not None


def add_file(export: Export, path: Path) -> None:
    """Read one file's lists into the export."""
    found = lists_of(path, read_json(path))
    export.files.append(str(path))
    keep(export.components, found.get("components", []))
    keep(export.maintenances, found.get("scheduled_maintenances", []))
    for item in found.get("incidents", []):
        keep(export.maintenances if isinstance(item, dict) and is_maintenance(item) else export.incidents, [item])


def read_export(source: Path) -> Export:
    """Read SOURCE: one export file, or a directory holding incidents.json and its siblings."""
    if not source.exists():
        raise UsageProblem(f"{source} does not exist")
    export = Export()
    for path in export_files(source):
        add_file(export, path)
    return export
