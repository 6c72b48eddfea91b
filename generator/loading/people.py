"""Field kinds of people.yml: a person's working hours, read in their own time zone."""

from __future__ import annotations

from typing import Any

from generator.loading.schema import Context, Kind, describe_value, label
from generator.loading.source import Source
from generator.model.workhours import HOURS_PATTERN, HOURS_RULE, parse_hours
from generator.problems import FieldPath, Problem, error


class Hours(Kind):
    """Working hours such as ``09:00-17:30``; a malformed or empty span is refused (S016)."""

    expects = f"working hours, {HOURS_RULE}"

    def convert(self, value: Any, ctx: Context, where: FieldPath) -> Any:
        """Parse the start and end of the working day."""
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, where)
        hours = parse_hours(value)
        if hours is None:
            return ctx.error("S016", f"{label(where)}: {describe_value(value)} is not {self.expects}", where)
        if hours.start == hours.end:
            return ctx.error("S016", f"{label(where)}: '{value}' starts and ends at the same minute; name when the working day ends", where)
        return hours

    def json_schema(self) -> dict[str, Any]:
        """A string in HH:MM-HH:MM form."""
        return {"type": "string", "pattern": HOURS_PATTERN.pattern}


def hours_need_zone(source: Source, data: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """Refuse working hours or days of a person without a timezone: hours are read on the person's own clock (S016)."""
    people = data.get("people")
    found = list(problems)
    for index, person in enumerate(people if isinstance(people, list) else []):
        if not isinstance(person, dict) or person.get("timezone") is not None:
            continue
        for key in ("working_hours", "working_days"):
            if key in person:
                message = (f"people[{index}].{key}: set 'timezone' for {person.get('id', 'this person')} too, "
                           "such as Europe/London; working hours are read on the person's own clock")
                found.append(error(source.path, "S016", message, ("people", index, key), at_key=True))
    return found
