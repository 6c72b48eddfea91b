"""Field kinds of the notify: section of statusbook.yml: channels, their addresses and ${ENV_VAR} secrets."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from generator.loading.schema import INVALID, Context, Record, Text, label
from generator.model.notify import Channel, env_references, expand
from generator.problems import FieldPath

NEEDS = {"webhook": ("url",), "slack": ("url",), "email": ("smtp_host", "from", "to")}
URL_SCHEMES = ("http", "https")


def web_address(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) address with a host."""
    parts = urlsplit(text)
    return parts.scheme in URL_SCHEMES and bool(parts.netloc)


class HttpUrl(Text):
    """An absolute http(s) address, or a ${ENV_VAR} reference that holds one."""

    expects = "an http(s) URL such as https://hooks.example.com/statusbook, or ${ENV_VAR}"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept text that is an http(s) address once its ${ENV_VAR} references are filled in (checked by the channel)."""
        text = Text.convert(self, value, ctx, where)
        if text is INVALID or env_references(text) or web_address(text):
            return text
        return ctx.error("S012", f"{label(where)}: '{text}' is not {self.expects}; only http and https are sent to", where)


class ChannelRecord(Record):
    """A channel: its fields, then the checks that need several of them or the environment."""

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert the fields, then check the type's required fields, line breaks and environment variables."""
        values = self.convert_fields(value, ctx, where)
        if values is INVALID:
            return values
        name = f"notify channel '{values['id']}'"
        found = len(ctx.problems)
        self.check_needs(values, name, ctx, where)
        self.check_lines(value, name, ctx, where)
        self.check_environment(values, name, ctx, where)
        return INVALID if len(ctx.problems) > found else Channel(**values)

    def check_needs(self, values: dict[str, Any], name: str, ctx: Context, where: FieldPath) -> None:
        """Report a field the channel's type needs but the channel lacks."""
        for key in NEEDS[values["type"]]:
            if self.by_name[key].attribute not in values:
                ctx.error("S012", f"{name}: {values['type']} channels need '{key}'", where)

    def check_lines(self, value: dict[str, Any], name: str, ctx: Context, where: FieldPath) -> None:
        """Refuse line breaks in any value: they would start a new header in a request or an email."""
        for key, item in value.items():
            for index, text in enumerate(item if isinstance(item, list) else [item]):
                if isinstance(text, str) and ("\n" in text or "\r" in text):
                    at = where + (key, index) if isinstance(item, list) else where + (key,)
                    ctx.error("S012", f"{name}: {label(at)} holds a line break, which could inject a header; write it on one line", at)

    def check_environment(self, values: dict[str, Any], name: str, ctx: Context, where: FieldPath) -> None:
        """Report every ${ENV_VAR} that is not set, and a URL that is not http(s) once filled in."""
        for spec in self.fields:
            raw = values.get(spec.attribute)
            missing = [n for n in env_references(raw) if not os.environ.get(n)]
            for variable in missing:
                ctx.error("S011", f"{name}: environment variable {variable} is not set or empty ({spec.name}: {raw})", where + (spec.name,))
            if spec.name == "url" and raw and not missing and not web_address(expand(raw, dict(os.environ))):
                ctx.error("S012", f"{name}: url from {raw} is not an http(s) URL; only http and https are sent to", where + (spec.name,))
