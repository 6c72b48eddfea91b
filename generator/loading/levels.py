"""The checks: section of statusbook.yml: rule codes and the level a portal sets each to."""

from __future__ import annotations

from typing import Any

from generator.loading.schema import Context, MapOf, Text
from generator.loading.strictyaml import INVALID
from generator.model.site import RULE_LEVELS
from generator.problems import FieldPath

RULE_CODE = r"^[A-Z][0-9]{3}$"


class RuleLevels(MapOf):
    """A mapping from rule codes to levels; which codes and levels exist is checked with the rules (S013)."""

    def __init__(self) -> None:
        super().__init__(Text(), Text())
        self.expects = f"a mapping from rule codes such as I306 to {', '.join(RULE_LEVELS[:-1])} or {RULE_LEVELS[-1]}"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Read the mapping as (code, level) pairs in file order."""
        levels = super().convert(value, ctx, where)
        return levels if levels is INVALID else tuple(levels.items())

    def json_schema(self) -> dict[str, Any]:
        """An object from rule codes to level words."""
        return {
            "type": "object",
            "propertyNames": {"pattern": RULE_CODE},
            "additionalProperties": {"type": "string", "enum": list(RULE_LEVELS)},
        }
