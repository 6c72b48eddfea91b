"""Field kinds of an incident's links: only addresses a reader can safely follow."""

from __future__ import annotations

from typing import Any

from generator.loading.schema import INVALID, Context, Text, label
from generator.model.links import is_web_link
from generator.problems import FieldPath

# The same rule as the model's WEB_LINK for editors: JSON Schema patterns have no case-insensitive flag.
JSON_PATTERN = r"^(?!.*[\s\x00-\x1f\x7f])(?:[hH][tT][tT][pP][sS]?://[^/?#]+|[^:/?#]*(?:[/?#]|$))"


class WebLink(Text):
    """An http(s) address with a host, or a relative address; any other scheme, such as javascript:, is refused (S014)."""

    expects = "an http(s) URL such as https://chat.acme.example/inc-20261123-api, or a relative URL"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept text that is an http(s) or relative address."""
        text = Text.convert(self, value, ctx, where)
        if text is not INVALID and not is_web_link(text):
            return ctx.error("S014", f"{label(where)}: '{text}' is not {self.expects}; other schemes are never linked", where)
        return text

    def json_schema(self) -> dict[str, Any]:
        """A string that is an http(s) or relative address."""
        return {"type": "string", "minLength": 1, "pattern": JSON_PATTERN}
