"""Say what an import wrote, skipped and noted, one line each."""

from __future__ import annotations

from generator.importing.run import Outcome


def plural(count: int, word: str) -> str:
    """Write a count with its noun, such as '1 incident' or '3 incidents'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(outcome: Outcome) -> str:
    """Return the summary line."""
    verb = "Would import" if outcome.dry_run else "Imported"
    added = "would add" if outcome.dry_run else "added"
    return (f"{verb} {plural(outcome.incidents, 'incident')} and {plural(outcome.maintenances, 'maintenance')}, "
            f"{added} {plural(len(outcome.added), 'component')}; skipped {len(outcome.skipped)} already imported; "
            f"{plural(len(outcome.notes), 'note')}")


def report_lines(outcome: Outcome) -> list[str]:
    """Return the lines to print: each file, the summary, the added components, the skipped records and the notes."""
    prefix = "Would write " if outcome.dry_run else ""
    lines = [prefix + path for path in outcome.written]
    lines.append(summary(outcome))
    lines += [f"  component {c.id}: added for Statuspage component {c.statuspage_id} ({c.name})" for c in outcome.added]
    lines += [f"  {record}: skipped, {why}" for record, why in outcome.skipped]
    lines += [f"  {record}: {what}" for record, what in outcome.notes]
    return lines
