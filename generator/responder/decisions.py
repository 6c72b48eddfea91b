"""statusbook incident decide and escalate: the decision log and escalations, written without editing YAML."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.clock import iso_utc as stamp
from generator.model.decisions import DEFAULT_MITIGATION, FAILED, OUTCOMES
from generator.model.incident import MITIGATIONS
from generator.responder import yamlrt
from generator.responder.errors import UsageProblem
from generator.responder.incident import append, open_record, refuse_duplicate, save
from generator.responder.summary import clock, words
from generator.responder.times import parse_earlier
from generator.responder.workspace import Workspace

# Where the decision log and the escalations go in a record that has neither yet: after the process fields.
LOG_AFTER = ("commander", "roles", "links", "handoffs", "mitigation")


def when(ws: Workspace, at: str | None) -> datetime:
    """Return the moment given with --at (no later than now), else now."""
    return parse_earlier(at, ws.now, "--at") if at else ws.now


def require_incident(path: str, data: Any) -> None:
    """Refuse a maintenance window: only incidents log decisions and escalations."""
    if data.get("type") != "incident":
        raise UsageProblem(f"{path} is {data.get('type')}; only incidents record decisions and escalations")


def decide(ws: Workspace, incident_id: str, decision: str | None, why: str | None, mitigation: str | None,
           outcome: str | None, at: str | None) -> list[str]:
    """Log a decision by the acting person; without --decision, record the --outcome of the last decision lacking one."""
    if mitigation is not None and mitigation not in MITIGATIONS:
        raise UsageProblem(f"--mitigation '{mitigation}' is not one of {', '.join(MITIGATIONS)}")
    if outcome is not None and outcome not in OUTCOMES:
        raise UsageProblem(f"--outcome '{outcome}' is not one of {', '.join(OUTCOMES)}")
    path, document = open_record(ws, incident_id)
    data = document.data
    require_incident(path, data)
    if decision is None:
        return record_outcome(ws, path, document, outcome)
    if not why or not why.strip():
        raise UsageProblem("say why with --why; a fix forward says it is minor, understood and faster than a rollback")
    moment = when(ws, at)
    refuse_duplicate(data, "decisions", "decision", decision, moment)
    entry = {"at": stamp(moment), "by": ws.actor, "decision": yamlrt.text(decision), "why": yamlrt.text(why)}
    entry.update({"mitigation": mitigation} if mitigation else {})
    entry.update({"outcome": outcome} if outcome else {})
    append(data, "decisions", yamlrt.mapping(entry), LOG_AFTER)
    kind = f" ({words(mitigation)})" if mitigation else ""
    said = f"decided at {clock(moment, ws.now)}{kind}: {decision.strip()}{outcome_words(ws, path, outcome, mitigation)}"
    return save(ws, path, document, said)


def record_outcome(ws: Workspace, path: str, document: Any, outcome: str | None) -> list[str]:
    """Set how the last decision without an outcome turned out."""
    if outcome is None:
        raise UsageProblem("pass --decision TEXT --why TEXT to log a decision, or --outcome worked|failed to say how the last one went")
    open_ones = [d for d in document.data.get("decisions") or [] if d.get("outcome") is None]
    if not open_ones:
        raise UsageProblem(f"{path} has no decision without an outcome; log one with --decision TEXT --why TEXT")
    last = open_ones[-1]
    yamlrt.insert_after(last, "outcome", outcome, ("at", "by", "decision", "why", "mitigation"))
    said = f"'{str(last.get('decision')).strip()}' {outcome}{outcome_words(ws, path, outcome, last.get('mitigation'))}"
    return save(ws, path, document, said)


def outcome_words(ws: Workspace, path: str, outcome: str | None, mitigation: str | None) -> str:
    """Say what a failed rollback asks for next: an escalation to the escalation contact."""
    if outcome != FAILED or mitigation != DEFAULT_MITIGATION:
        return ""
    contact = ws.site.escalation_contact
    record_id = path.rsplit("/", 1)[-1].removesuffix(".md")
    return f"; escalate it: statusbook incident escalate {record_id} --to {contact or 'PERSON'} --reason TEXT"


def escalate(ws: Workspace, incident_id: str, to: str, reason: str, at: str | None) -> list[str]:
    """Record that the acting person escalated the incident to ``to``, and why."""
    target = ws.person(to, "from --to")
    if not reason.strip():
        raise UsageProblem("say why with --reason, such as 'no progress for 30 minutes' or 'the rollback failed'")
    path, document = open_record(ws, incident_id)
    data = document.data
    require_incident(path, data)
    moment = when(ws, at)
    refuse_duplicate(data, "escalations", "reason", reason, moment)
    entry = yamlrt.mapping({"at": stamp(moment), "by": ws.actor, "to": target, "reason": yamlrt.text(reason)})
    append(data, "escalations", entry, LOG_AFTER + ("decisions",))
    return save(ws, path, document, f"escalated to {target} at {clock(moment, ws.now)}")
