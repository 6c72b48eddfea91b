"""Import a Statuspage export into a portal: plan every file in memory, verify it, then write it or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.importing.components import Components, plan_components
from generator.importing.config import with_components
from generator.importing.export import Export, read_export
from generator.importing.names import ascii_slug, unique
from generator.importing.record import SOURCE, Draft, map_record
from generator.importing.verify import verify
from generator.importing.write import write_all
from generator.loading.corpus import CONFIG_FILE, INCIDENTS_DIR, Loaded
from generator.responder import yamlrt
from generator.responder.errors import UsageProblem
from generator.responder.identity import require_person
from generator.responder.workspace import load_site

FINAL_STATUSES = ("resolved", "completed")
BODY = "## Internal notes\n\n- Imported from Statuspage ({link}).\n{notes}"


@dataclass(slots=True)
class Outcome:
    """What an import wrote (or would write), skipped and noted."""

    written: list[str] = field(default_factory=list)
    incidents: int = 0
    maintenances: int = 0
    added: list = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    dry_run: bool = False


def imported_ids(loaded: Loaded) -> dict[str, str]:
    """Map the Statuspage id of every record already imported to its path."""
    found = (i for i in loaded.corpus.incidents if i.imported is not None and i.imported.source == SOURCE)
    return {i.imported.id: i.path for i in found}


def record_path(loaded: Loaded, draft: Draft, planned: set[str]) -> str:
    """Return the path of a new record: dated in the team zone, named by its title, unique within this import."""
    day = draft.dated.astimezone(loaded.corpus.site.timezone).date()
    slug = ascii_slug(draft.title) or f"statuspage-{ascii_slug(draft.statuspage_id)}"
    name = unique(f"{day.isoformat()}-{slug}", {Path(p).stem for p in planned})
    return f"{INCIDENTS_DIR}/{day.year}/{name}.md"


def record_text(draft: Draft) -> str:
    """Lay out the record: front matter, then internal notes that keep what the import noted."""
    link = draft.data["imported"].get("shortlink") or f"id {draft.statuspage_id}"
    notes = "".join(f"- Import note: {what}\n" for what in draft.notes)
    return "---\n" + yamlrt.dump(draft.data) + "---\n" + BODY.format(link=link, notes=notes)


def drafts(export: Export, loaded: Loaded, plan: Components, commander: str | None) -> list[Draft]:
    """Map every incident and maintenance of the export, oldest first."""
    site = loaded.corpus.site
    found = [map_record(i, "incident", site, plan, commander) for i in export.incidents.values()]
    found += [map_record(m, "maintenance", site, plan, commander) for m in export.maintenances.values()]
    return sorted(found, key=lambda d: (d.dated is None, d.dated or datetime.min, d.statuspage_id))


def place(outcome: Outcome, loaded: Loaded, draft: Draft, known: dict[str, str], changes: dict[str, str]) -> None:
    """Give one draft its file, or record why it is skipped; keep the notes of what is written or refused."""
    if draft.data is None:
        outcome.notes += [(draft.statuspage_id, what) for what in draft.notes]
        return
    if draft.statuspage_id in known:
        outcome.skipped.append((draft.statuspage_id, f"already imported as {known[draft.statuspage_id]}"))
        return
    path = record_path(loaded, draft, set(changes))
    if (loaded.positions.root / path).exists():
        outcome.skipped.append((draft.statuspage_id, f"{path} already exists; left as it is"))
        return
    if draft.data["status"] not in FINAL_STATUSES and "commander" not in draft.data:
        draft.note(f"is still {draft.data['status']}; it has no commander in Statusbook yet, so assign one")
    outcome.notes += [(draft.statuspage_id, what) for what in draft.notes]
    changes[path] = record_text(draft)
    if draft.kind == "incident":
        outcome.incidents += 1
    else:
        outcome.maintenances += 1


def plan_import(loaded: Loaded, export: Export, commander: str | None, outcome: Outcome) -> tuple[dict[str, str], str | None]:
    """Plan the new record texts and the new statusbook.yml text (None if unchanged)."""
    plan = plan_components(export, loaded.corpus.site)
    known = imported_ids(loaded)
    changes: dict[str, str] = {}
    for draft in drafts(export, loaded, plan, commander):
        place(outcome, loaded, draft, known, changes)
    outcome.added = plan.added
    config = None
    if outcome.added:
        config = with_components((loaded.positions.root / CONFIG_FILE).read_bytes().decode("utf-8"), outcome.added)
    return changes, config


def import_statuspage(root: Path, source: Path, now: datetime, commander: str | None = None,
                      dry_run: bool = False) -> Outcome:
    """Import SOURCE into the portal at ``root``; nothing is written on refusal, or at all with ``dry_run``."""
    export = read_export(source)
    loaded = load_site(root)
    if not loaded.corpus.site.severities:
        raise UsageProblem(f"{CONFIG_FILE} defines no severities, so imported incidents cannot be given one; add them first")
    if commander:
        require_person(loaded.corpus.people, commander, "from --commander")
    outcome = Outcome(dry_run=dry_run)
    changes, config = plan_import(loaded, export, commander, outcome)
    verify(loaded, changes, config, now)
    outcome.written = sorted(changes) + ([CONFIG_FILE] if config is not None else [])
    if not dry_run:
        write_all(root, changes, config)
    return outcome
