"""Incident record operations: declare, update, resolve, hand off, acknowledge and assign roles."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from generator.clock import ClockError, iso_utc as stamp, parse_now
from generator.loading.records import POSTMORTEM_SUFFIX
from generator.model.incident import DEFAULT_ENVIRONMENT, ENVIRONMENTS, IMPACTS, MITIGATIONS, ROLES
from generator.model.rota import commander_rotation
from generator.model.rotation import Rotation
from generator.model.schedule import on_duty
from generator.model.site import Severity
from generator.model.followup import DRAFT_WITHIN
from generator.model.timing import format_duration
from generator.responder import yamlrt
from generator.responder.edit import Document, commit, load_record, read_document
from generator.responder.errors import RefusedEdit, UsageProblem
from generator.responder.postmortem import skeleton
from generator.responder.summary import clock, due_text, moment, said, words, wrote
from generator.responder.times import parse_earlier, parse_when
from generator.responder.workspace import Workspace

INCIDENTS_DIR = "incidents"
FINAL_STATUSES = ("resolved", "completed")
MAINTENANCE_UNDER_WAY = ("in_progress", "verifying", "completed")
WINDOW_KEYS = ("components", "scheduled_for", "scheduled_until")
MILESTONE_KEYS = ("started", "detected", "acknowledged", "mitigated")
UPDATE_AFTER = ("mitigation", "handoffs", "roles", "commander")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
NEW_BODY = "## Internal notes\n\n- Chat channel, links, hypotheses and decisions that are not public.\n"


def slugify(title: str, limit: int = 60) -> str:
    """Turn a title into a slug of lower-case letters, digits and single hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def incident_path(ws: Workspace, incident_id: str) -> str:
    """Return the root-relative path of an incident record, or raise a usage problem."""
    name = incident_id.rsplit("/", 1)[-1].removesuffix(".md")
    if not _ID.match(name) or name.endswith(POSTMORTEM_SUFFIX.removesuffix(".md")):
        raise UsageProblem(f"'{incident_id}' is not an incident id such as 2026-11-23-api-increased-latency")
    found = sorted((ws.root / INCIDENTS_DIR).rglob(f"{name}.md"))
    if not found:
        raise UsageProblem(f"no incident '{name}' under {INCIDENTS_DIR}/; ids are file names without .md")
    return found[0].relative_to(ws.root).as_posix()


def severity(ws: Workspace, severity_id: Any) -> Severity | None:
    """Return the configured severity with this id, if any."""
    return ws.site.severity(str(severity_id)) if severity_id is not None else None


def require_severity(ws: Workspace, severity_id: str) -> Severity:
    """Return a configured severity or raise a usage problem listing the ids."""
    found = severity(ws, severity_id)
    if found is None:
        known = ", ".join(s.id for s in ws.site.severities)
        raise UsageProblem(f"unknown severity '{severity_id}'; statusbook.yml defines: {known}")
    return found


def parse_component(ws: Workspace, given: str) -> tuple[str, str]:
    """Read one ``--component ID=IMPACT``."""
    component, sep, impact = given.partition("=")
    if not sep or not component.strip() or not impact.strip():
        raise UsageProblem(f"--component '{given}' is not ID=IMPACT, such as api=partial_outage")
    component, impact = component.strip(), impact.strip()
    if ws.site.component(component) is None:
        known = ", ".join(c.id for c in ws.site.components)
        raise UsageProblem(f"--component: unknown component '{component}'; statusbook.yml defines: {known}")
    if impact not in IMPACTS:
        raise UsageProblem(f"--component: impact '{impact}' is not one of {', '.join(IMPACTS)}")
    return component, impact


def next_update_at(ws: Workspace, data: Any, status: str, given: str | None) -> str | None:
    """Return the next update time to commit to: given, else now plus the severity's cadence; none when final."""
    if status in FINAL_STATUSES:
        if given:
            raise UsageProblem(f"an update with status {status} is the last one; drop --next-update")
        return None
    if given:
        return stamp(parse_when(given, ws.now, "--next-update"))
    window = window_due(data, status)
    if window is not None and window > ws.now:
        return stamp(window)
    cadence = severity(ws, data.get("severity"))
    if cadence is None:
        raise UsageProblem(f"{no_cadence_reason(data, status)}; pass --next-update")
    return stamp(ws.now + cadence.update_every)


def window_due(data: Any, status: str) -> datetime | None:
    """Return when a maintenance update naturally comes next: the window's start while scheduled, else its end."""
    if data.get("type") != "maintenance":
        return None
    try:
        return parse_now(str(data.get("scheduled_for" if status == "scheduled" else "scheduled_until")))
    except ClockError:
        return None


def no_cadence_reason(data: Any, status: str) -> str:
    """Say why no default next update time can be chosen."""
    if data.get("type") == "maintenance":
        bound = "scheduled_for" if status == "scheduled" else "scheduled_until"
        return f"the maintenance window's {bound} ({data.get(bound)}) is not after --now and the record has no severity"
    return "the record has no configured severity to take the update cadence from"


def append(data: Any, key: str, item: Any, after: tuple[str, ...]) -> None:
    """Append an item to a list field, creating the field after the given keys if needed."""
    if data.get(key) is None:
        yamlrt.insert_after(data, key, yamlrt.sequence([]), after)
    data[key].append(item)


def public_update(ws: Workspace, status: str, message: str, next_update: str | None, waiting: Any = None) -> Any:
    """Build one public status update by the acting person, and whom it waits on, if anyone."""
    update = yamlrt.mapping({"at": stamp(ws.now), "by": ws.actor, "status": status, "message": yamlrt.text(message)})
    if next_update is not None:
        update["next_update"] = next_update
    if waiting is not None:
        update["waiting_on"] = waiting
    return update


def waiting_on(who: str | None, what_next: str | None) -> Any:
    """Build an update's waiting_on from --waiting-on and --what-next, or None without them."""
    if who is None:
        if what_next is not None:
            raise UsageProblem("--what-next says what happens next with the party named by --waiting-on; add --waiting-on WHO")
        return None
    if not who.strip():
        raise UsageProblem("--waiting-on needs the name of who the response waits for, such as \"our cloud provider\"")
    waiting = yamlrt.mapping({"who": yamlrt.text(who.strip())})
    if what_next is not None and what_next.strip():
        waiting["what_next"] = yamlrt.text(what_next.strip())
    return waiting


def save(ws: Workspace, path: str, document: Document, change: str) -> list[str]:
    """Verify and write one edited record; return what changed in words and the file written."""
    return told(ws, path, document.data, change, commit(ws.loaded, {path: document.render()}, ws.now))


def told(ws: Workspace, path: str, data: Any, change: str, written: list[str]) -> list[str]:
    """Return the lines a command prints: the change, status and next commitment, then each file written."""
    record_id = path.rsplit("/", 1)[-1].removesuffix(".md")
    return [said(record_id, change, data, ws.now)] + wrote(written)


def refuse_duplicate(data: Any, key: str, text_key: str, text: str, at: datetime) -> None:
    """Refuse an entry with the same text and time as one the record already has: a repeated command."""
    for index, entry in enumerate(data.get(key) or []):
        if str(entry.get(text_key, "")).strip() == text.strip() and moment(entry.get("at")) == at:
            raise RefusedEdit(f"{key}[{index}] already says this at {stamp(at)}; a duplicate, so nothing was written", [])


def open_record(ws: Workspace, incident_id: str) -> tuple[str, Document]:
    """Find and parse an incident record for editing."""
    path = incident_path(ws, incident_id)
    return path, read_document(ws.root, path)


def require_open(path: str, data: Any) -> None:
    """Refuse to change a record that is already closed."""
    if data.get("status") in FINAL_STATUSES:
        raise UsageProblem(f"{path} is already {data.get('status')}")


def new_incident(ws: Workspace, title: str, severity_id: str, components: tuple[str, ...], public: bool | None,
                 commander: str | None, message: str | None, started: str | None = None,
                 detected: str | None = None, checked_with: tuple[str, ...] = (),
                 environment: str | None = None) -> list[str]:
    """Declare a new incident: write its record with a first investigating update."""
    began, seen = earlier_milestones(ws, started, detected)
    level = require_severity(ws, severity_id)
    impacts = dict(parse_component(ws, given) for given in components)
    if not impacts:
        raise UsageProblem("name at least one affected component with --component ID=IMPACT")
    owner, why = (ws.person(commander, "from --commander"), "") if commander else default_commander(ws)
    consulted = consultees(ws, checked_with, owner)
    where = require_environment(environment)
    path = new_path(ws, title)
    visible = any(ws.site.component(c).public for c in impacts) if public is None else public
    data = yamlrt.mapping({
        "title": yamlrt.text(title), "type": "incident", "severity": yamlrt.text(level.id),
        "status": "investigating", "public": visible, "components": yamlrt.mapping(impacts),
        "started": stamp(began), "detected": stamp(seen), "acknowledged": stamp(ws.now), "commander": owner,
        **({"severity_checked_with": yamlrt.sequence(list(consulted))} if consulted else {}),
        **({"environment": where} if where != DEFAULT_ENVIRONMENT else {}),
        "updates": yamlrt.sequence([public_update(ws, "investigating", message or default_message(ws, impacts),
                                                  stamp(ws.now + level.update_every))]),
    })
    text = "---\n" + yamlrt.dump(data) + "---\n" + NEW_BODY
    written = commit(ws.loaded, {path: text}, ws.now, created=frozenset({path}))
    impacts_said = ", ".join(f"{c} {words(i)}" for c, i in impacts.items())
    return told(ws, path, data, f"declared {level.id}{declared_in(where)} ({impacts_said}), commander {owner}{why}"
                f"{checked_said(consulted)}", written)


def consultees(ws: Workspace, given: tuple[str, ...], commander: str) -> tuple[str, ...]:
    """Return who the severity was checked with: known people, each once, never the commander alone."""
    people = tuple(dict.fromkeys(ws.person(person, "from --checked-with") for person in given))
    if commander in people:
        raise UsageProblem(f"--checked-with {commander}: the commander cannot be their own second opinion; name who else checked it")
    return people


def require_environment(given: str | None) -> str:
    """Return the environment of a new incident: given, else production."""
    if given is None:
        return DEFAULT_ENVIRONMENT
    if given not in ENVIRONMENTS:
        raise UsageProblem(f"--environment '{given}' is not one of {', '.join(ENVIRONMENTS)}")
    return given


def declared_in(environment: str) -> str:
    """Say the environment of a new incident when it is not production."""
    return "" if environment == DEFAULT_ENVIRONMENT else f" in {words(environment)}"


def checked_said(people: tuple[str, ...]) -> str:
    """Say who the severity was checked with, if anyone."""
    return f", severity checked with {', '.join(people)}" if people else ""


def consult(ws: Workspace, incident_id: str, person: str) -> list[str]:
    """Record that the severity was checked with a person; the same person twice is refused."""
    who = ws.person(person, "PERSON")
    path, document = open_record(ws, incident_id)
    data = document.data
    if who == data.get("commander"):
        raise UsageProblem(f"{who} is the commander; the severity is checked with someone else")
    if who in (data.get("severity_checked_with") or []):
        raise RefusedEdit(f"{path} already says the severity was checked with {who}, so nothing was written", [])
    append(data, "severity_checked_with", who, ("roles", "commander"))
    return save(ws, path, document, f"severity {data.get('severity')} checked with {who}")


def commander_rota(ws: Workspace) -> Rotation | None:
    """The rotation whose person on duty commands incidents (statusbook.yml's commander_rotation), if the portal has it."""
    return commander_rotation(ws.corpus.rotations, ws.site.commander_rotation)


def default_commander(ws: Workspace) -> tuple[str, str]:
    """Return the commander of a new incident and why: the incident manager on duty now, else the acting person."""
    rotation = commander_rota(ws)
    duty = on_duty(rotation, ws.now) if rotation is not None else None
    if duty is None:
        return ws.actor, f" (you: no one is on duty in {ws.site.commander_rotation} now)"
    return duty.person, f" (on duty in {rotation.id})"


def earlier_milestones(ws: Workspace, started: str | None, detected: str | None) -> tuple[datetime, datetime]:
    """Return when impact began and when it was detected: given, else detection, else now; started <= detected <= now."""
    seen = parse_earlier(detected, ws.now, "--detected") if detected else ws.now
    began = parse_earlier(started, ws.now, "--started") if started else seen
    if began > seen:
        raise UsageProblem(f"--started {stamp(began)} is after detection at {stamp(seen)}; impact begins before it is detected")
    return began, seen


def new_path(ws: Workspace, title: str, moment: datetime | None = None) -> str:
    """Return the path of a new record: dated by ``moment`` (default now) in the team time zone, named by the title."""
    slug = slugify(title)
    if not slug:
        raise UsageProblem("--title needs at least one letter or digit to make the file name from")
    day = (moment or ws.now).astimezone(ws.site.timezone).date()
    path = f"{INCIDENTS_DIR}/{day.year}/{day.isoformat()}-{slug}.md"
    if (ws.root / path).exists():
        raise UsageProblem(f"{path} already exists; choose a different --title or update that incident")
    return path


def default_message(ws: Workspace, impacts: dict[str, str]) -> str:
    """Return the first public message when none is given."""
    names = [ws.site.component(c).name for c in impacts]
    return f"We are investigating problems with {', '.join(names)}. We will post an update as soon as we know more."


def update(ws: Workspace, incident_id: str, status: str | None, message: str, next_update: str | None,
           waiting_who: str | None = None, what_next: str | None = None) -> list[str]:
    """Append a public status update by the acting person, and whom it waits on, and set the record's status to it."""
    if not status:
        raise UsageProblem("--status is required for a public update (or pass --internal)")
    waiting = waiting_on(waiting_who, what_next)
    path, document = open_record(ws, incident_id)
    data = document.data
    require_open(path, data)
    due = next_update_at(ws, data, status, next_update)
    refuse_duplicate(data, "updates", "message", message, ws.now)
    append(data, "updates", public_update(ws, status, message, due, waiting), UPDATE_AFTER)
    data["status"] = status
    if data.get("type") == "maintenance":
        record_progress(ws, data, status)
    try:
        return save(ws, path, document, "posted a public update" + (f", waiting on {waiting['who']}" if waiting else ""))
    except RefusedEdit as refused:
        if status == "resolved":
            refused.args = (f"{refused}; to resolve an incident run: statusbook incident resolve {incident_id}",)
        raise


def record_progress(ws: Workspace, data: Any, status: str) -> None:
    """Record a maintenance window's actual start once it is under way, and its actual end once completed."""
    if status in MAINTENANCE_UNDER_WAY and data.get("started") is None:
        yamlrt.insert_after(data, "started", stamp(ws.now), WINDOW_KEYS)
    if status == "completed":
        yamlrt.insert_after(data, "resolved", stamp(ws.now), WINDOW_KEYS + MILESTONE_KEYS)


def note(ws: Workspace, incident_id: str, message: str) -> list[str]:
    """Append an internal timeline event by the acting person."""
    path, document = open_record(ws, incident_id)
    log(ws, document.data, message)
    return save(ws, path, document, "added an internal timeline entry")


def log(ws: Workspace, data: Any, event: str) -> None:
    """Append an internal timeline entry by the acting person at --now, refusing a duplicate."""
    refuse_duplicate(data, "timeline", "event", event, ws.now)
    entry = yamlrt.mapping({"at": stamp(ws.now), "by": ws.actor, "event": yamlrt.text(event)})
    append(data, "timeline", entry, ("updates",))


def resolve(ws: Workspace, incident_id: str, message: str, prevention: str | None = None) -> list[str]:
    """Resolve an incident with a wrap-up update; start its postmortem if the severity requires one.

    For a severity that requires a postmortem, the wrap-up records when it is due (postmortem_due, 48 h from now) and,
    if given, how recurrence is prevented, and its message says both.
    """
    path, document = open_record(ws, incident_id)
    data = document.data
    require_open(path, data)
    if data.get("type") != "incident":
        raise UsageProblem(f"{path} is {data.get('type')}; finish maintenance with: incident update --status completed")
    yamlrt.insert_after(data, "resolved", stamp(ws.now), MILESTONE_KEYS)
    data["status"] = "resolved"
    append(data, "updates", wrap_up(ws, data, message, prevention), UPDATE_AFTER)
    changes = {path: document.render()}
    postmortem = postmortem_change(ws, path, changes[path], data)
    changes.update(postmortem)
    written = commit(ws.loaded, changes, ws.now, created=frozenset(postmortem))
    drafted = "; drafted its postmortem" if postmortem else ""
    return told(ws, path, data, f"resolved at {clock(ws.now, ws.now)}{since_detection(ws, data)}{drafted}"
                f"{due_said(ws, data)}", written)


def due_said(ws: Workspace, data: Any) -> str:
    """Say when the wrap-up says the postmortem is due, and whether it names the prevention."""
    last = data["updates"][-1]
    if last.get("postmortem_due") is None:
        return ""
    missing = "" if last.get("prevention") else " (no --prevention: say how recurrence is prevented)"
    return f"; postmortem due {due_text(moment(last['postmortem_due']), ws.now)}{missing}"


def wrap_up(ws: Workspace, data: Any, message: str, prevention: str | None) -> Any:
    """Build the resolving update; when a postmortem is required it names the postmortem's due time and the prevention."""
    level = severity(ws, data.get("severity"))
    if level is None or not level.postmortem:
        return public_update(ws, "resolved", message, None)
    due = ws.now + DRAFT_WITHIN
    text = message.rstrip() + "\n\n" + wrap_up_text(due, prevention)
    update = public_update(ws, "resolved", text, None)
    update["postmortem_due"] = stamp(due)
    if prevention:
        update["prevention"] = yamlrt.text(prevention)
    return update


def wrap_up_text(due: datetime, prevention: str | None) -> str:
    """Draft the wrap-up's last paragraph: how recurrence is prevented, and when the postmortem is due."""
    stop = f"To prevent a recurrence: {prevention.strip().rstrip('.')}. " if prevention else ""
    return f"{stop}The postmortem is due by {due.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC."


def since_detection(ws: Workspace, data: Any) -> str:
    """Say how long after detection something happened now, if the record says when it was detected."""
    detected = moment(data.get("detected"))
    return f", {format_duration(ws.now - detected)} after detection" if detected is not None and detected <= ws.now else ""


def postmortem_change(ws: Workspace, path: str, text: str, data: Any) -> dict[str, str]:
    """Return the postmortem skeleton to create, if the severity asks for one and there is none yet."""
    level = severity(ws, data.get("severity"))
    target = path.removesuffix(".md") + POSTMORTEM_SUFFIX
    if level is None or not level.postmortem or (ws.root / target).exists():
        return {}
    record, _ = load_record(path, text, ws.site.default_timezone)
    return {target: skeleton(record, ws.actor, ws.now)} if record is not None else {}


def handoff(ws: Workspace, incident_id: str, to: str, status: str, next_steps: str, next_update: str | None) -> list[str]:
    """Hand the incident over to a new commander; ownership passes when they acknowledge."""
    path, document = open_record(ws, incident_id)
    data = document.data
    require_open(path, data)
    pending = [h for h in data.get("handoffs") or [] if h.get("acknowledged_at") is None]
    if pending:
        raise UsageProblem(f"the handoff to {pending[-1].get('to')} awaits acknowledgement (statusbook incident ack)")
    owner = data.get("commander")
    target = ws.person(to, "from --to")
    if owner is None or owner == target:
        raise UsageProblem(f"--to must name someone other than the current commander ({owner})")
    entry = yamlrt.mapping({"at": stamp(ws.now), "from": owner, "to": target, "status": yamlrt.text(status),
                            "next_steps": yamlrt.text(next_steps), "next_update": handoff_due(ws, data, next_update)})
    append(data, "handoffs", entry, ("roles", "commander"))
    return save(ws, path, document, f"handed over from {owner} to {target}")


def handoff_due(ws: Workspace, data: Any, given: str | None) -> str:
    """Return the handoff's next update: given, else the last update's commitment, else now plus the cadence."""
    if given:
        return stamp(parse_when(given, ws.now, "--next-update"))
    updates = data.get("updates") or []
    if updates and updates[-1].get("next_update"):
        return str(updates[-1]["next_update"])
    return next_update_at(ws, data, "investigating", None)


def acknowledge(ws: Workspace, incident_id: str) -> list[str]:
    """Acknowledge the pending handoff to the acting person, who becomes the commander."""
    path, document = open_record(ws, incident_id)
    data = document.data
    waiting = [h for h in data.get("handoffs") or [] if h.get("to") == ws.actor and h.get("acknowledged_at") is None]
    if not waiting:
        raise UsageProblem(f"{path} has no handoff to {ws.actor} awaiting acknowledgement")
    yamlrt.insert_after(waiting[-1], "acknowledged_at", stamp(ws.now), ("at", "from", "to"))
    data["commander"] = ws.actor
    return save(ws, path, document, f"{ws.actor} is now the commander")


def assign_role(ws: Workspace, incident_id: str, role: str, person: str) -> list[str]:
    """Put a person in a supporting role: tech_lead, comms_lead or scribe."""
    if role not in ROLES:
        raise UsageProblem(f"role '{role}' is not one of {', '.join(ROLES)}")
    who = ws.person(person, "PERSON")
    path, document = open_record(ws, incident_id)
    data = document.data
    if data.get("roles") is None:
        yamlrt.insert_after(data, "roles", yamlrt.mapping({}), ("commander",))
    data["roles"][role] = who
    return save(ws, path, document, f"{who} is {role.replace('_', ' ')}")


def change_impact(ws: Workspace, incident_id: str, components: tuple[str, ...]) -> list[str]:
    """Set the impact of affected components (adding newly affected ones) and log the change internally."""
    path, document = open_record(ws, incident_id)
    data = document.data
    require_open(path, data)
    given = dict(parse_component(ws, one) for one in components)
    if not given:
        raise UsageProblem("name at least one component with --component ID=IMPACT")
    if data.get("components") is None:
        yamlrt.insert_after(data, "components", yamlrt.mapping({}), ("public", "status"))
    current = data["components"]
    changed = {c: i for c, i in given.items() if current.get(c) != i}
    if not changed:
        raise UsageProblem(f"{path} already records {', '.join(f'{c}={i}' for c, i in given.items())}; nothing to change")
    said_changes = ", ".join(impact_change(c, i, current.get(c)) for c, i in changed.items())
    for component, impact in changed.items():
        current[component] = impact
    log(ws, data, f"Impact changed: {said_changes}.")
    return save(ws, path, document, f"impact {said_changes}")


def impact_change(component: str, impact: str, before: str | None) -> str:
    """Say one component's impact change: api major outage (was degraded performance)."""
    was = f"was {words(before)}" if before else "newly affected"
    return f"{component} {words(impact)} ({was})"


def mitigate(ws: Workspace, incident_id: str, how: str | None, at: str | None, message: str | None) -> list[str]:
    """Record when impact was stopped or reduced, and how; log it internally."""
    path, document = open_record(ws, incident_id)
    data = document.data
    if data.get("type") != "incident":
        raise UsageProblem(f"{path} is {data.get('type')}; only incidents record mitigated")
    if data.get("mitigated") is not None:
        raise UsageProblem(f"{path} was already mitigated at {data.get('mitigated')}")
    how = how or data.get("mitigation") or decided_mitigation(data)
    if how not in MITIGATIONS:
        raise UsageProblem(f"say how impact was stopped with --mitigation: one of {', '.join(MITIGATIONS)}")
    when = parse_earlier(at, ws.now, "--at") if at else ws.now
    yamlrt.insert_after(data, "mitigated", stamp(when), MILESTONE_KEYS[:3])
    if data.get("mitigation") is None:
        yamlrt.insert_after(data, "mitigation", how, ("handoffs", "roles", "commander"))
    mark_worked(data, how)
    log(ws, data, f"Mitigated at {stamp(when)} by {words(how)}." + (f" {message}" if message else ""))
    return save(ws, path, document, f"mitigated at {clock(when, ws.now)} by {words(how)}")


def pending_decisions(data: Any, how: str | None = None) -> list[Any]:
    """Return the mitigation decisions (of kind ``how``, if given) whose outcome is not yet known."""
    return [d for d in data.get("decisions") or [] if d.get("mitigation") and d.get("outcome") is None
            and (how is None or d.get("mitigation") == how)]


def decided_mitigation(data: Any) -> str | None:
    """Return the kind of the last mitigation decision whose outcome is not yet known."""
    pending = pending_decisions(data)
    return str(pending[-1].get("mitigation")) if pending else None


def mark_worked(data: Any, how: str) -> None:
    """Record that the last pending mitigation decision of kind ``how`` worked, now that impact has stopped."""
    pending = pending_decisions(data, how)
    if pending:
        yamlrt.insert_after(pending[-1], "outcome", "worked", ("at", "by", "decision", "why", "mitigation"))


def reopen(ws: Workspace, incident_id: str, message: str, next_update: str | None) -> list[str]:
    """Reopen a resolved incident: clear resolved (and mitigated), list the reopening, post an investigating update."""
    path, document = open_record(ws, incident_id)
    data = document.data
    if data.get("type") != "incident" or data.get("status") != "resolved":
        raise UsageProblem(f"{path} is a {data.get('type')} with status {data.get('status')}; only a resolved incident can be reopened")
    cleared = [f"{key} {data.get(key)}" for key in ("mitigated", "resolved") if data.get(key) is not None]
    for key in ("mitigated", "resolved"):
        data.pop(key, None)
    due = next_update_at(ws, data, "investigating", next_update)
    refuse_duplicate(data, "updates", "message", message, ws.now)
    append(data, "updates", public_update(ws, "investigating", message, due), UPDATE_AFTER)
    data["status"] = "investigating"
    log(ws, data, f"Reopened; cleared {' and '.join(cleared)}.")
    append(data, "reopened", stamp(ws.now), ("timeline", "updates"))
    return save(ws, path, document, f"reopened (cleared {' and '.join(cleared)})")
