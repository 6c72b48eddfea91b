"""The ``statusbook report``: the portal's overdue lists and figures as text, JSON or Markdown.

All three formats are written from one plain structure, so they always agree.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from generator.clock import iso_utc
from generator.model.timing import format_duration
from generator.views.burden import Burden
from generator.views.metrics import Figures, Metrics, Share
from generator.views.portal import Portal
from generator.views.records import RecordView

FORMATS = ("text", "json", "markdown")
MEASURES = ("detect", "acknowledge", "mitigate", "resolve")
BURDEN_COLUMNS = ("Person", "Hours on duty", "After-hours incidents", "Overrides taken", "Overrides given")
COLUMNS = ("Group", "Incidents", "Detect", "Acknowledge", "Mitigate", "Resolve",
           "Ack within target", "Resolved within target", "Missed updates", "Postmortems on time", "Actions on time")


def iso(moment: datetime | date | None) -> str | None:
    """Write a moment as ISO 8601 UTC, or a date as YYYY-MM-DD."""
    if isinstance(moment, datetime):
        return iso_utc(moment)
    return moment.isoformat() if moment else None


def seconds(delta: timedelta | None) -> int | None:
    """Write a duration as whole seconds."""
    return int(delta.total_seconds()) if delta is not None else None


def share_data(share: Share) -> dict:
    """Describe a share: met, judged and the percentage."""
    percent = round(share.percent, 1) if share.percent is not None else None
    return {"met": share.met, "judged": share.judged, "percent": percent}


def figures_data(figures: Figures) -> dict:
    """Describe one group's figures; durations in seconds."""
    spreads = {s.measure: {"known": s.known, "median": seconds(s.median), "p90": seconds(s.p90)} for s in figures.spreads}
    return {
        "group": figures.label,
        "month": figures.month,
        "severity": figures.severity,
        "incidents": figures.incidents,
        "durations_seconds": spreads,
        "acknowledged_within_target": share_data(figures.within_response),
        "resolved_within_target": share_data(figures.within_resolve),
        "missed_update_commitments": figures.missed_updates,
        "postmortems_on_time": share_data(figures.postmortems_on_time),
        "action_items_on_time": share_data(figures.actions_on_time),
    }


def metrics_data(metrics: Metrics) -> dict:
    """Describe the figures per month and severity, per severity, and in total."""
    months = [{"month": m.month, "groups": [figures_data(f) for f in (*m.severities, m.total)]} for m in metrics.months]
    return {
        "timezone": metrics.timezone,
        "months": months,
        "by_severity": [figures_data(f) for f in metrics.by_severity],
        "total": figures_data(metrics.total),
    }


def severity_id(record: RecordView) -> str | None:
    """Return the id of a record's severity, if it has one."""
    return record.incident.severity.id if record.incident.severity else None


def overdue_data(portal: Portal, now: datetime) -> dict:
    """List what is overdue at ``now``: committed updates, postmortem deadlines and action items."""
    updates = [
        {"id": r.id, "title": r.incident.title, "severity": severity_id(r), "owner": r.owner,
         "due": iso(r.next_update), "overdue_by_seconds": seconds(now - r.next_update)}
        for r in portal.active if r.update_overdue
    ]
    postmortems = [
        {"id": p.incident_id, "title": p.incident_title, "status": p.status,
         "deadlines": [{"deadline": d.name, "due": iso(d.due), "overdue_by_seconds": seconds(now - d.overdue_from)}
                       for d in p.overdue_deadlines]}
        for p in portal.followups.overdue_postmortems
    ]
    actions = [
        {"id": a.incident_id, "title": a.title, "owner": a.owner, "due": iso(a.due), "days_overdue": a.days_overdue,
         "ticket": a.ticket}
        for a in portal.followups.overdue_actions
    ]
    return {"updates": updates, "postmortems": postmortems, "action_items": actions}


def report_data(portal: Portal, site_name: str, now: datetime) -> dict:
    """Gather the whole report as plain data."""
    active = [
        {"id": r.id, "title": r.incident.title, "kind": r.incident.kind, "status": r.incident.status,
         "severity": severity_id(r), "owner": r.owner, "next_update": iso(r.next_update)}
        for r in portal.active
    ]
    return {"site": site_name, "as_of": iso(now), "active": active, "overdue": overdue_data(portal, now),
            "metrics": metrics_data(portal.metrics), "burden": burden_data(portal.burden)}


def burden_data(burden: Burden) -> dict:
    """Describe the on-call burden per month and person, and the nights and quarters over the limits."""
    months = [
        {"month": m.month, "people": [
            {"person": p.person_id, "name": p.person, "hours_on_duty": p.hours, "after_hours_incidents": list(p.after_hours),
             "overrides_taken": p.overrides_taken, "overrides_given": p.overrides_given} for p in m.people]}
        for m in burden.months
    ]
    nights = [{"person": n.person_id, "night": iso(n.night), "incidents": list(n.incidents)} for n in burden.nights]
    quarters = [{"rotation": q.rotation_id, "quarter": q.quarter, "person": q.person_id, "weeks": q.weeks,
                 "fair_share_weeks": q.fair_share} for q in burden.quarters]
    return {"timezone": burden.timezone, "working_hours": burden.working_hours, "months": months,
            "busy_nights": nights, "heavy_quarters": quarters}


def duration_words(value: int | None) -> str:
    """Write seconds as 1 h 5 min, or a dash."""
    return format_duration(timedelta(seconds=value)) if value is not None else "—"


def share_words(share: dict) -> str:
    """Write a share as 3/4 (75 %), or a dash when nothing was judged."""
    if not share["judged"]:
        return "—"
    return f"{share['met']}/{share['judged']} ({share['percent']:g} %)"


def spread_words(spread: dict) -> str:
    """Write a median and 90th percentile as 12 min / 40 min."""
    if not spread["known"]:
        return "—"
    return f"{duration_words(spread['median'])} / {duration_words(spread['p90'])}"


def figure_row(figures: dict) -> list[str]:
    """One group's figures as table cells, in COLUMNS order."""
    durations = [spread_words(figures["durations_seconds"][m]) for m in MEASURES]
    shares = [share_words(figures[k]) for k in ("acknowledged_within_target", "resolved_within_target")]
    follow = [share_words(figures[k]) for k in ("postmortems_on_time", "action_items_on_time")]
    return [figures["group"], str(figures["incidents"]), *durations, *shares, str(figures["missed_update_commitments"]), *follow]


def overdue_lines(data: dict) -> list[str]:
    """Describe what is overdue, one item per line."""
    overdue = data["overdue"]
    lines = [f"{u['id']}: next update was due {u['due']}, overdue by {duration_words(u['overdue_by_seconds'])} (owner {u['owner']})"
             for u in overdue["updates"]]
    for p in overdue["postmortems"]:
        late = "; ".join(f"{d['deadline']} overdue by {duration_words(d['overdue_by_seconds'])}" for d in p["deadlines"])
        lines.append(f"{p['id']}: postmortem {p['status'].replace('_', ' ')}: {late}")
    lines += [f"{a['id']}: action item '{a['title']}' (owner {a['owner'] or 'unassigned'}) was due {a['due']}, "
              f"{a['days_overdue']} days ago" for a in overdue["action_items"]]
    return lines or ["Nothing is overdue."]


def active_lines(data: dict) -> list[str]:
    """Describe the active records, one per line."""
    lines = [f"{r['id']}: {r['status'].replace('_', ' ')}, {r['severity'] or r['kind']}, owner {r['owner']}, "
             f"next update by {r['next_update'] or '—'}" for r in data["active"]]
    return lines or ["No open incidents and no maintenance under way."]


def figure_tables(data: dict) -> list[tuple[str, list[list[str]]]]:
    """The figures as titled tables: in total, per severity, then per month (newest first)."""
    metrics = data["metrics"]
    tables = [("In total", [figure_row(metrics["total"])]), ("By severity", [figure_row(f) for f in metrics["by_severity"]])]
    tables += [(month["month"], [figure_row(f) for f in month["groups"]]) for month in reversed(metrics["months"])]
    return tables


def text_table(rows: list[list[str]], columns: tuple[str, ...] = COLUMNS) -> list[str]:
    """Lay out rows under ``columns`` with aligned columns."""
    widths = [max(len(row[i]) for row in [list(columns), *rows]) for i in range(len(columns))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [list(columns), *rows]]


def burden_row(person: dict) -> list[str]:
    """One person's burden in a month as table cells, in BURDEN_COLUMNS order."""
    late = person["after_hours_incidents"]
    after = f"{len(late)} ({', '.join(late)})" if late else "0"
    return [person["name"], f"{person['hours_on_duty']:g}", after, str(person["overrides_taken"]), str(person["overrides_given"])]


def burden_warnings(burden: dict) -> list[str]:
    """Describe the nights and quarters over the burden limits, one per line."""
    lines = [f"{n['person']}: {len(n['incidents'])} after-hours incidents in the night of {n['night']} ({', '.join(n['incidents'])})"
             for n in burden["busy_nights"]]
    lines += [f"{q['person']}: {q['weeks']} of the {q['quarter']} weeks of {q['rotation']}, more than twice the fair share "
              f"of {q['fair_share_weeks']:g}" for q in burden["heavy_quarters"]]
    return lines or ["Nobody is over the burden limits."]


def burden_tables(data: dict) -> list[tuple[str, list[list[str]]]]:
    """The burden as titled tables, one per month with anyone in it, newest first."""
    months = reversed(data["burden"]["months"])
    return [(m["month"], [burden_row(p) for p in m["people"]]) for m in months if m["people"]]


def burden_intro(data: dict) -> str:
    """Say how the burden is counted, in one sentence."""
    burden = data["burden"]
    return (f"Months in {burden['timezone']}; after hours is outside {burden['working_hours']} "
            "unless people.yml says otherwise.")


def as_text(data: dict) -> str:
    """Write the report for a terminal."""
    lines = [f"{data['site']}: report as of {data['as_of']}", "", "Active", *[f"  {x}" for x in active_lines(data)]]
    lines += ["", "Overdue", *[f"  {x}" for x in overdue_lines(data)], ""]
    lines += [f"Durations are median / 90th percentile; months in {data['metrics']['timezone']}.", ""]
    for title, rows in figure_tables(data):
        lines += [title, *[f"  {x}" for x in text_table(rows)], ""]
    lines += ["On-call burden", *[f"  {x}" for x in burden_warnings(data["burden"])], "", burden_intro(data), ""]
    for title, rows in burden_tables(data):
        lines += [title, *[f"  {x}" for x in text_table(rows, BURDEN_COLUMNS)], ""]
    return "\n".join(lines)


def markdown_cell(text: str) -> str:
    """Escape a table cell's pipes and line breaks."""
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[list[str]], columns: tuple[str, ...] = COLUMNS) -> list[str]:
    """Write rows under ``columns`` as a Markdown table."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    return lines + ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows]


def as_markdown(data: dict) -> str:
    """Write the report as Markdown, for a wiki page or a pull request comment."""
    lines = [f"# {markdown_cell(data['site'])}: report as of {data['as_of']}", "", "## Active", ""]
    lines += [f"- {markdown_cell(x)}" for x in active_lines(data)] + ["", "## Overdue", ""]
    lines += [f"- {markdown_cell(x)}" for x in overdue_lines(data)] + ["", "## Figures", ""]
    lines += [f"Durations are median / 90th percentile; months in {data['metrics']['timezone']}.", ""]
    for title, rows in figure_tables(data):
        lines += [f"### {title}", "", *markdown_table(rows), ""]
    lines += ["## On-call burden", "", *[f"- {markdown_cell(x)}" for x in burden_warnings(data["burden"])], ""]
    lines += [burden_intro(data), ""]
    for title, rows in burden_tables(data):
        lines += [f"### Burden in {title}", "", *markdown_table(rows, BURDEN_COLUMNS), ""]
    return "\n".join(lines)


def render_report(portal: Portal, site_name: str, now: datetime, output_format: str) -> str:
    """Render the report in one of FORMATS."""
    data = report_data(portal, site_name, now)
    if output_format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return as_markdown(data) if output_format == "markdown" else as_text(data)
