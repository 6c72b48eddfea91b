"""Declarative field kinds that turn plain YAML data into typed values, reporting every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import PurePosixPath
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.clock import END, EARLIEST, RANGE
from generator.loading import strictyaml
from generator.loading.source import yaml_source
from generator.loading.strictyaml import INVALID
from generator.model.theme import HEX_COLOUR, HOSTNAME, Colour, ThemeFile, safe_url
from generator.model.ids import ID_PATTERN, ID_RULE, SEVERITY_ID_PATTERN, SEVERITY_ID_RULE
from generator.problems import FieldPath, Problem, did_you_mean, error, field_name, warning

YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})
_TIMESTAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$"
)
# The form records are written in, such as 2026-03-04T10:15:00Z: read without taking the timestamp apart.
_UTC_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DURATION = re.compile(r"^(?:(\d+)w)?\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?$")


@dataclass(slots=True)
class Context:
    """Where conversion happens and where its problems go."""

    path: str
    default_timezone: tzinfo | None = None
    problems: list[Problem] = field(default_factory=list)

    def error(self, code: str, message: str, where: FieldPath, at_key: bool = False) -> object:
        """Record an error and return the invalid marker."""
        self.problems.append(error(self.path, code, message, where, at_key=at_key))
        return INVALID

    def warn(self, code: str, message: str, where: FieldPath, at_key: bool = False) -> None:
        """Record a warning."""
        self.problems.append(warning(self.path, code, message, where, at_key=at_key))


def describe_value(value: Any) -> str:
    """Name a YAML value's type the way a record author sees it."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def label(where: FieldPath) -> str:
    """Name the field a problem is about."""
    return field_name(where) or "front matter"


def convert(kind: Kind, value: Any, ctx: Context, where: FieldPath) -> Any:
    """Convert a value by its kind, passing refused values through silently."""
    return INVALID if value is INVALID else kind.convert(value, ctx, where)


class Kind:
    """A type of field value; subclasses convert and describe themselves."""

    expects = "a value"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert plain data, or record problems and return INVALID."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """Describe the value as JSON Schema."""
        raise NotImplementedError

    def wrong_type(self, value: Any, ctx: Context, where: FieldPath) -> object:
        """Report a value of the wrong type."""
        hint = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = "; quote it if it is meant as text"
        return ctx.error("S003", f"{label(where)}: expected {self.expects}, got {describe_value(value)}{hint}", where)


class Text(Kind):
    """Non-empty text."""

    expects = "text"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept a non-blank string."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        if not value.strip():
            return ctx.error("S005", f"{label(where)}: must not be empty", where)
        return value

    def json_schema(self) -> dict[str, Any]:
        """A string with at least one character."""
        return {"type": "string", "minLength": 1}


class Ident(Text):
    """A lower-case identifier such as a person or component id."""

    expects = f"an id ({ID_RULE})"
    pattern = ID_PATTERN

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept an identifier that follows the id rule."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        if not self.pattern.match(value):
            return ctx.error("S005", f"{label(where)}: '{value}' is not {self.expects}", where)
        return value

    def json_schema(self) -> dict[str, Any]:
        """A string matching the id pattern."""
        return {"type": "string", "pattern": self.pattern.pattern}


class SeverityIdent(Ident):
    """A severity id such as SEV1: the id rule with letters of either case, since severity ids are shown, never used as paths."""

    expects = f"a severity id ({SEVERITY_ID_RULE})"
    pattern = SEVERITY_ID_PATTERN


class Bool(Kind):
    """An explicit true or false."""

    expects = "true or false"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept only YAML 1.2 booleans, explaining YAML 1.1 look-alikes."""
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in YAML11_BOOLEANS:
            message = f"{label(where)}: '{value}' is not a boolean here (only YAML 1.1 reads it as one); write true or false"
            return ctx.error("S003", message, where)
        return self.wrong_type(value, ctx, where)

    def json_schema(self) -> dict[str, Any]:
        """A JSON boolean."""
        return {"type": "boolean"}


class Whole(Kind):
    """A whole number from 1, such as a format version."""

    expects = "a whole number from 1"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept a positive integer, never a boolean."""
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        return ctx.error("S003", f"{label(where)}: expected {self.expects}, got {describe_value(value)}", where)

    def json_schema(self) -> dict[str, Any]:
        """A JSON integer from 1."""
        return {"type": "integer", "minimum": 1}


class Choice(Kind):
    """One of a fixed set of words."""

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices
        self.expects = "one of " + ", ".join(choices)

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept one of the choices, suggesting the closest on a miss."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        if value in self.choices:
            return value
        message = f"{label(where)}: '{value}' is not allowed; expected {self.expects}{did_you_mean(value, self.choices)}"
        return ctx.error("S004", message, where)

    def json_schema(self) -> dict[str, Any]:
        """A string enum."""
        return {"type": "string", "enum": list(self.choices)}


class Timestamp(Kind):
    """A date and time with a UTC offset, such as ``2026-03-04T10:15:00Z``."""

    expects = "a timestamp such as 2026-03-04T10:15:00Z or 2026-03-04T11:15:00+01:00"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Parse an ISO 8601 timestamp; a naive one needs the site's default zone."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        if _UTC_TIMESTAMP.match(value):
            moment = utc_moment(value)
            if moment is not None:
                return moment
        match = _TIMESTAMP.match(value.strip())
        parsed = _parse_datetime(match) if match else None
        if parsed is None:
            return ctx.error("S006", f"{label(where)}: '{value}' is not {self.expects}", where)
        if parsed.tzinfo is None and ctx.default_timezone is None:
            message = f"{label(where)}: '{value}' has no UTC offset; add 'Z' or an offset such as +01:00 (or set default_timezone in statusbook.yml)"
            return ctx.error("S007", message, where)
        moment = parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=ctx.default_timezone)
        if not EARLIEST <= moment < END:
            return ctx.error("S006", f"{label(where)}: '{value}' is outside the years Statusbook can judge; write a moment {RANGE}", where)
        if parsed.tzinfo is None:
            return local_moment(parsed, ctx.default_timezone, value, ctx, where)
        return moment

    def json_schema(self) -> dict[str, Any]:
        """A string in timestamp form."""
        return {"type": "string", "pattern": _TIMESTAMP.pattern}


def utc_moment(value: str) -> datetime | None:
    """Read a timestamp written in UTC with seconds, as the general reading would, or None if it is not one to accept."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if EARLIEST <= moment < END else None


def local_moment(naive: datetime, zone: tzinfo, value: str, ctx: Context, where: FieldPath) -> Any:
    """Read a wall-clock time in ``zone``, refusing one that a clock change skipped or repeated."""
    earlier, later = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return earlier
    if round_trips(earlier):
        first, second = (reading(m) for m in (earlier, later))
        message = f"'{value}' is ambiguous in {zone}: it happened twice, {first} and {second}; write the offset"
    else:
        first, second = sorted((m.astimezone(timezone.utc).astimezone(zone) for m in (earlier, later)))
        message = f"'{value}' does not exist in {zone} (clocks went forward): did you mean {first.isoformat()} or {second.isoformat()}?"
    return ctx.error("S009", f"{label(where)}: {message}", where)


def round_trips(moment: datetime) -> bool:
    """Whether a zoned wall-clock time comes back unchanged from UTC, as one that exists does."""
    back = moment.astimezone(timezone.utc).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def reading(moment: datetime) -> str:
    """Write one reading of a wall-clock time with its offset and UTC time, such as 2026-10-25T02:30:00+02:00 (00:30Z)."""
    utc = moment.astimezone(timezone.utc)
    same_day = utc.date() == moment.date()
    return f"{moment.isoformat()} ({utc.strftime('%H:%M' if same_day else '%Y-%m-%dT%H:%M')}Z)"


def _parse_datetime(match: re.Match[str]) -> datetime | None:
    """Build a datetime from a timestamp match, or None if out of range."""
    day, clock, offset = match.groups()
    offset = offset or ""
    if offset and offset != "Z" and ":" not in offset:
        offset = offset[:3] + ":" + offset[3:]
    try:
        return datetime.fromisoformat(f"{day}T{clock}{offset}")
    except ValueError:
        return None


class Day(Kind):
    """A calendar date, ``YYYY-MM-DD``."""

    expects = "a date such as 2026-03-04"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Parse an ISO calendar date."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        try:
            day = date.fromisoformat(value) if _DATE.match(value) else None
        except ValueError:
            day = None
        if day is None:
            return ctx.error("S006", f"{label(where)}: '{value}' is not {self.expects}", where)
        if not EARLIEST.date() <= day < END.date():
            return ctx.error("S006", f"{label(where)}: '{value}' is outside the years Statusbook can judge; write a date from 1970-01-01 up to 9998-12-31", where)
        return day

    def json_schema(self) -> dict[str, Any]:
        """A string in date form."""
        return {"type": "string", "format": "date", "pattern": _DATE.pattern}


class ClockTime(Kind):
    """A wall-clock time, ``HH:MM``."""

    expects = "a time of day such as 09:00"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Parse a 24-hour ``HH:MM`` time."""
        match = _TIME.match(value) if isinstance(value, str) else None
        if match is None:
            return ctx.error("S006", f"{label(where)}: {describe_value(value)} is not {self.expects}", where)
        return time(int(match.group(1)), int(match.group(2)))

    def json_schema(self) -> dict[str, Any]:
        """A string in HH:MM form."""
        return {"type": "string", "pattern": _TIME.pattern}


class Duration(Kind):
    """A length of time such as ``15m``, ``4h``, ``1d`` or ``1w``."""

    expects = "a duration such as 15m, 4h, 1d or 1w"

    def __init__(self, words: tuple[str, ...] = ()) -> None:
        self.words = words
        if words:
            self.expects += " (or " + ", ".join(words) + ")"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Parse a duration, or accept one of the allowed words."""
        if isinstance(value, str) and value in self.words:
            return value
        match = _DURATION.match(value.strip()) if isinstance(value, str) and value.strip() else None
        if match is None:
            return ctx.error("S006", f"{label(where)}: {describe_value(value)} is not {self.expects}", where)
        weeks, days, hours, minutes = (int(part or 0) for part in match.groups())
        return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)

    def json_schema(self) -> dict[str, Any]:
        """A duration string, or one of the words."""
        schema: dict[str, Any] = {"type": "string", "pattern": _DURATION.pattern}
        if self.words:
            return {"anyOf": [schema, {"type": "string", "enum": list(self.words)}]}
        return schema


class TimeZone(Kind):
    """An IANA time zone name such as ``Europe/Berlin``."""

    expects = "an IANA time zone such as Europe/Berlin or UTC"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Look the zone up in the time zone database."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return ctx.error("S006", f"{label(where)}: '{value}' is not {self.expects}", where)

    def json_schema(self) -> dict[str, Any]:
        """A zone name string."""
        return {"type": "string", "minLength": 1}


class ListOf(Kind):
    """A list whose items are all of one kind."""

    def __init__(self, item: Kind) -> None:
        self.item = item
        self.expects = "a list"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert each item; the list is invalid if any item is."""
        if not isinstance(value, list):
            return self.wrong_type(value, ctx, where)
        kind = self.item
        items = [INVALID if item is INVALID else kind.convert(item, ctx, where + (index,)) for index, item in enumerate(value)]
        return INVALID if any(item is INVALID for item in items) else tuple(items)

    def json_schema(self) -> dict[str, Any]:
        """A JSON array."""
        return {"type": "array", "items": self.item.json_schema()}


class MapOf(Kind):
    """A mapping from keys of one kind to values of another."""

    def __init__(self, key: Kind, value: Kind) -> None:
        self.key = key
        self.value = value
        self.expects = f"a mapping from {key.expects} to {value.expects}"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert each key and value."""
        if not isinstance(value, dict):
            return self.wrong_type(value, ctx, where)
        result = {}
        for key, item in value.items():
            converted_key = self.key.convert(key, ctx, where + (key,))
            converted = convert(self.value, item, ctx, where + (key,))
            result[converted_key] = converted
        if any(item is INVALID for item in (*result, *result.values())):
            return INVALID
        return result

    def json_schema(self) -> dict[str, Any]:
        """A JSON object with free keys."""
        return {"type": "object", "additionalProperties": self.value.json_schema()}


@dataclass(frozen=True, slots=True)
class Field:
    """One named field of a record and what it holds; ``default`` and ``example`` are for the reference (YAML text)."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    attr: str | None = None
    default: Any = None
    example: str | None = None

    @property
    def attribute(self) -> str:
        """The model attribute the field fills."""
        return self.attr or self.name

    def reference_schema(self) -> dict[str, Any]:
        """Describe the field as JSON Schema, with its documented default and example."""
        schema = {**self.kind.json_schema(), "description": self.doc}
        if self.default is not None:
            schema["default"] = yaml_value(self.default)
        if self.example is not None:
            schema["examples"] = [yaml_value(self.example)]
        return schema


def yaml_value(text: str) -> Any:
    """Read a default or example, written as YAML text, strictly into plain data."""
    data, problems = strictyaml.load(yaml_source("example", text))
    if problems:
        raise ValueError(f"{text!r} is not plain YAML: {problems[0].message}")
    return data


class Record(Kind):
    """A mapping with declared fields, built into a model object."""

    def __init__(self, name: str, doc: str, fields: tuple[Field, ...], build: Callable[..., Any] | None = None) -> None:
        self.name = name
        self.doc = doc
        self.fields = fields
        self.build = build
        self.expects = "a mapping of fields"
        self.by_name = {f.name: f for f in fields}
        self.plan = tuple((f, f.name, f.attribute, f.kind, f.required) for f in fields)

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert every field and build the model, or return INVALID."""
        values = self.convert_fields(value, ctx, where)
        if values is INVALID or self.build is None:
            return values
        return self.build(**values)

    def convert_fields(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Convert the mapping into a dict of model attributes."""
        if not isinstance(value, dict):
            return self.wrong_type(value, ctx, where)
        if not value.keys() <= self.by_name.keys():
            self.report_unknown(value, ctx, where)
        values: dict[str, Any] = {}
        valid = True
        get = value.get
        for spec, name, attribute, kind, required in self.plan:
            raw = get(name)
            if raw is None:
                if required:
                    values[attribute] = self.missing(spec, name in value, ctx, where)
                    valid = False
                continue
            converted = INVALID if raw is INVALID else kind.convert(raw, ctx, where + (name,))
            if converted is INVALID:
                valid = False
            values[attribute] = converted
        return values if valid else INVALID

    def missing(self, spec: Field, present: bool, ctx: Context, where: FieldPath) -> object:
        """Report a required field that is absent or empty."""
        if present:
            return ctx.error("S002", f"{label(where + (spec.name,))}: required field is empty; expected {spec.kind.expects}", where + (spec.name,))
        owner = f" in {label(where)}" if where else ""
        return ctx.error("S002", f"missing required field '{spec.name}'{owner} ({spec.kind.expects})", where)

    def report_unknown(self, value: dict[str, Any], ctx: Context, where: FieldPath) -> None:
        """Warn about keys the record does not define."""
        for key in value:
            if key not in self.by_name:
                message = f"unknown field '{key}'{did_you_mean(key, tuple(self.by_name))}; it is ignored"
                ctx.warn("S001", message, where + (key,), at_key=True)

    def json_schema(self) -> dict[str, Any]:
        """A JSON object with declared properties."""
        return {
            "type": "object",
            "description": self.doc,
            "properties": {f.name: f.reference_schema() for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }



class ThemePath(Text):
    """A relative path inside the portal to a file with one of the given suffixes, such as ``assets/logo.svg``."""

    def __init__(self, suffixes: tuple[str, ...]) -> None:
        self.suffixes = suffixes
        self.expects = "a path inside the portal to a " + " or ".join(s.lstrip(".") for s in suffixes) + " file"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept a relative path that stays inside the root and has an allowed suffix; the file is read later."""
        text = Text.convert(self, value, ctx, where)
        if text is INVALID:
            return text
        pure = PurePosixPath(text)
        if pure.is_absolute() or ".." in pure.parts or "\\" in text or pure.name in ("", "."):
            return ctx.error("S010", f"{label(where)}: '{text}' is not {self.expects} (no absolute paths, no '..')", where)
        if pure.suffix.lower() not in self.suffixes:
            return ctx.error("S010", f"{label(where)}: '{text}' is not {self.expects}", where)
        return ThemeFile(pure.as_posix())

    def json_schema(self) -> dict[str, Any]:
        """A relative path string."""
        return {"type": "string", "minLength": 1, "pattern": r"^(?!/)(?!.*(^|/)\.\.(/|$)).+(" + "|".join(re.escape(s) for s in self.suffixes) + ")$"}


class HexColour(Text):
    """A colour as ``#rrggbb``."""

    expects = "a colour such as \"#0b5fff\" (quote it: # starts a YAML comment)"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept #rrggbb and return it in lower case."""
        if not isinstance(value, str) or not HEX_COLOUR.match(value):
            return ctx.error("S010", f"{label(where)}: {describe_value(value)} is not {self.expects}", where)
        return value.lower()

    def json_schema(self) -> dict[str, Any]:
        """A #rrggbb string."""
        return {"type": "string", "pattern": HEX_COLOUR.pattern}


class SchemeColour(Kind):
    """One colour for both schemes, or a mapping with a ``light`` and a ``dark`` colour."""

    expects = "a colour such as \"#0b5fff\", or a mapping {light: \"#…\", dark: \"#…\"}"

    def __init__(self) -> None:
        hex_colour = HexColour()
        fields = (Field("light", hex_colour, "Colour of the light scheme.", required=True),
                  Field("dark", hex_colour, "Colour of the dark scheme.", required=True))
        self.one = hex_colour
        self.both = Record("colour", "A colour for each scheme.", fields, Colour)

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Read one colour for both schemes, or one per scheme."""
        if isinstance(value, dict):
            return self.both.convert(value, ctx, where)
        colour = self.one.convert(value, ctx, where)
        return colour if colour is INVALID else Colour(colour, colour)

    def json_schema(self) -> dict[str, Any]:
        """A colour string or a light/dark mapping."""
        return {"anyOf": [self.one.json_schema(), self.both.json_schema()]}


class SafeLink(Text):
    """A link a reader may follow: http(s), mailto or relative."""

    expects = "an http(s), mailto or relative URL"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept text that is a safe link."""
        text = Text.convert(self, value, ctx, where)
        if text is not INVALID and not safe_url(text):
            return ctx.error("S010", f"{label(where)}: '{text}' is not {self.expects}", where)
        return text


class Hostname(Text):
    """A host name such as ``status.example.com``."""

    expects = "a host name such as status.example.com (no scheme, no path)"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Accept a lower-case DNS host name."""
        text = Text.convert(self, value, ctx, where)
        if text is not INVALID and not HOSTNAME.match(text):
            return ctx.error("S010", f"{label(where)}: '{text}' is not {self.expects}", where)
        return text

    def json_schema(self) -> dict[str, Any]:
        """A host name string."""
        return {"type": "string", "pattern": HOSTNAME.pattern}
