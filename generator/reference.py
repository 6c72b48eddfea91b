"""Reference material generated from the code: JSON Schemas and the record and rule pages."""

from __future__ import annotations

import json
from pathlib import Path

from generator.checks import all_rules
from generator.loading.codes import LOADING_CODES
from generator.loading.schema import Field, ListOf, MapOf, Record
from generator.loading.specs import RECORD_TYPES

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schema(name: str, spec: Record) -> dict:
    """Return the JSON Schema of one record type."""
    return {"$schema": SCHEMA_URL, "$id": f"statusbook/{name}.schema.json", "title": spec.name, **spec.json_schema()}


def schema_texts() -> dict[str, str]:
    """Return each schema file name and its JSON text."""
    return {f"{name}.schema.json": json.dumps(json_schema(name, spec), indent=2) + "\n" for name, spec in RECORD_TYPES.items()}


def write_schemas(out: Path) -> list[Path]:
    """Write every record type's JSON Schema into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _nested(kind) -> Record | None:
    """Return the record nested in a field kind, if any."""
    inner = kind.item if isinstance(kind, ListOf) else kind.value if isinstance(kind, MapOf) else kind
    return inner if isinstance(inner, Record) else None


def _field_rows(spec: Record, prefix: str, rows: list[str]) -> None:
    """Append one table row per field, descending into nested records."""
    for item in spec.fields:
        shape = "list of " if isinstance(item.kind, ListOf) else ""
        rows.append(_row(prefix + item.name, shape, item))
        nested = _nested(item.kind)
        if nested is not None:
            suffix = "[]." if isinstance(item.kind, ListOf) else "."
            _field_rows(nested, prefix + item.name + suffix, rows)


def _row(name: str, shape: str, item: Field) -> str:
    """Render one field as a Markdown table row."""
    expects = item.kind.expects if not isinstance(item.kind, ListOf) else item.kind.item.expects
    required = "yes" if item.required else ""
    return f"| `{name}` | {required} | {shape}{expects} | {item.doc} |"


def records_page() -> str:
    """Render the record format reference as Markdown."""
    parts = ["# Record formats\n", "Generated from `generator/loading/specs.py` by `python -m generator.reference`.\n"]
    for name, spec in RECORD_TYPES.items():
        rows = ["| field | required | value | meaning |", "|---|---|---|---|"]
        _field_rows(spec, "", rows)
        parts.append(f"## {spec.name.capitalize()}\n\n{spec.doc}\n\nJSON Schema: `schemas/{name}.schema.json`\n\n" + "\n".join(rows) + "\n")
    return "\n".join(parts)


def rules_page() -> str:
    """Render the rule reference as Markdown, one section per code."""
    parts = ["# Validation rules\n", "Generated from the rule docstrings in `generator/checks/` by `python -m generator.reference`.\n"]
    rows = "\n".join(f"| {code} | {name} | {doc} |" for code, (name, doc) in LOADING_CODES.items())
    parts.append("## Reading files\n\nAll of these are errors, except S001.\n\n| code | name | meaning |\n|---|---|---|\n" + rows + "\n")
    for check in all_rules():
        parts.append(f"## {check.code} {check.name}\n\nLevel: {check.level}\n\n{check.doc}\n")
    return "\n".join(parts)


def pages() -> dict[str, str]:
    """Return every generated documentation page by its path under ``docs/``."""
    return {"reference/records.md": records_page(), "reference/rules.md": rules_page()}


def main() -> None:
    """Regenerate ``docs/reference`` and ``schemas`` in the current directory."""
    for relative, text in pages().items():
        path = Path("docs") / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_schemas(Path("schemas"))


if __name__ == "__main__":
    main()
