"""Reference material generated from the code: JSON Schemas, the record and rule pages, and the notification samples."""

from __future__ import annotations

import json
from pathlib import Path

from generator.checks.registry import all_rules
from generator.loading.codes import LOADING_CODES
from generator.loading.schema import Field, Kind, ListOf, MapOf, Record
from generator.loading.specs import RECORD_TYPES
from generator.model.formats import FORMAT_CHANGES, FORMAT_VERSION
from generator.notify import samples

CONFIGURATION_FILES = {"statusbook": "statusbook.yml", "people": "people.yml"}
CONFIGURATION_LINK = "Every key with its type, default and an example: [Configuration](configuration.md).\n\n"

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
        link = CONFIGURATION_LINK if name in CONFIGURATION_FILES else ""
        parts.append(f"## {spec.name.capitalize()}\n\n{spec.doc}\n\n{link}JSON Schema: `schemas/{name}.schema.json`\n\n" + "\n".join(rows) + "\n")
    return "\n".join(parts)


def _config_rows(spec: Record, prefix: str, rows: list[str]) -> None:
    """Append one configuration table row per key, descending into nested records."""
    for item in spec.fields:
        rows.append(_config_row(prefix + item.name, item))
        nested = _nested(item.kind)
        if nested is not None:
            suffix = "[]." if isinstance(item.kind, ListOf) else "."
            _config_rows(nested, prefix + item.name + suffix, rows)


def _kind_text(kind: Kind) -> str:
    """Name a value's type, naming nested records by what they are."""
    if isinstance(kind, ListOf):
        return "list of " + (f"{kind.item.name} mappings" if isinstance(kind.item, Record) else kind.item.expects)
    return f"{kind.name} mapping" if isinstance(kind, Record) else kind.expects


def _code(text: str) -> str:
    """Quote YAML text as inline code inside a Markdown table."""
    return "`" + text.replace("|", "\\|") + "`"


def _config_row(name: str, item: Field) -> str:
    """Render one configuration key as a Markdown table row."""
    presence = "required" if item.required else f"default {_code(item.default)}" if item.default is not None else "optional, not set"
    example = _code(item.example) if item.example is not None else ""
    return f"| `{name}` | {_kind_text(item.kind)} | {presence} | {item.doc} | {example} |"


def configuration_page() -> str:
    """Render the reference of statusbook.yml and people.yml as Markdown."""
    parts = [
        "# Configuration\n",
        "Every key of `statusbook.yml` and `people.yml`, generated from `generator/loading/specs.py` by "
        "`python -m generator.reference`. A key that is not required may be left out; it then takes its default, "
        "or stays not set. Nested keys are written `components[].id`: the `id` of each item of the `components` list.\n",
    ]
    for name, file_name in CONFIGURATION_FILES.items():
        spec = RECORD_TYPES[name]
        rows = ["| key | type | required or default | meaning | example |", "|---|---|---|---|---|"]
        _config_rows(spec, "", rows)
        schema = f"schemas/{name}.schema.json"
        parts.append(
            f"## {file_name}\n\n{spec.doc}\n\nJSON Schema: `{schema}`. Editors that use the YAML language server "
            f"check the file as you type when its first line is `# yaml-language-server: $schema={schema}`.\n\n"
            + "\n".join(rows) + "\n"
        )
    parts.append(formats_section())
    return "\n".join(parts)


def formats_section() -> str:
    """Render the table of record format versions and the edits each needs."""
    rows = ["| format | what changed | edits to records written for an older format |", "|---|---|---|"]
    for change in FORMAT_CHANGES:
        rows.append(f"| {change.version} | {change.changed} | {'; '.join(change.edits) or 'none'} |")
    return (
        f"## Format versions\n\nThis Statusbook reads record format {FORMAT_VERSION}. `format` in statusbook.yml names the "
        "format its records are written for. A newer format than Statusbook reads is an error (L015): upgrade Statusbook. "
        "An older one is read as it is when no newer format changed the records, and is otherwise an error (L017) that "
        "lists every edit to make. Without `format`, records are taken to follow format 1, with a warning (L016).\n\n"
        + "\n".join(rows) + "\n"
    )


LEVELS_SECTION = """## Setting a rule's level

Each rule below has a level. A portal may raise a warning rule to an error, or turn it off, in the `checks:` section
of `statusbook.yml`, by code, as linters do:

```yaml
checks:
  I308: error   # an update that commits too far ahead now fails validation
  P606: off     # overdue action items are tracked elsewhere
```

The levels are `error`, `warning` and `off`. An error rule stays an error (`error` is the only level it accepts):
records that break it are not built. An entry with a code that names no rule, another level, or an error rule set to
`warning` or `off` is itself an error, S013, at the entry, and is ignored. The codes of reading files (L and S) cannot
be set.
"""


def rules_page() -> str:
    """Render the rule reference as Markdown, one section per code."""
    parts = ["# Validation rules\n", "Generated from the rule docstrings in `generator/checks/` by `python -m generator.reference`.\n",
             LEVELS_SECTION]
    rows = "\n".join(f"| {code} | {name} | {doc} |" for code, (name, doc) in LOADING_CODES.items())
    parts.append("## Reading files\n\nAll of these are errors, except the warnings S001, L011 and L016.\n\n| code | name | meaning |\n|---|---|---|\n" + rows + "\n")
    for check in all_rules():
        parts.append(f"## {check.code} {check.name}\n\nLevel: {check.level}\n\n{check.doc}\n")
    return "\n".join(parts)


def pages() -> dict[str, str]:
    """Return every generated documentation page by its path under ``docs/``."""
    return {
        "reference/configuration.md": configuration_page(),
        "reference/records.md": records_page(),
        "reference/rules.md": rules_page(),
    }


def main() -> None:
    """Regenerate ``docs/reference`` and ``schemas`` in the current directory."""
    for relative, text in pages().items():
        path = Path("docs") / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    remove_stale_schemas(Path("schemas"))
    write_schemas(Path("schemas"))
    samples.write()


def remove_stale_schemas(out: Path) -> None:
    """Remove schema files in ``out`` that no record type writes any more."""
    for path in out.glob("*.schema.json"):
        if path.name not in schema_texts():
            path.unlink()


if __name__ == "__main__":
    main()
