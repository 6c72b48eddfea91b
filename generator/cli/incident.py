"""The ``incident`` command group: declare and run incidents."""

from __future__ import annotations

import click

from generator.cli.options import (
    as_option,
    incident_id_argument,
    next_update_option,
    now_option,
    root_option,
    run_responder,
    workspace,
)
from generator.model.incident import INCIDENT_STATUSES, MAINTENANCE_STATUSES, MITIGATIONS
from generator.model.decisions import OUTCOMES
from generator.model.links import LINK_KINDS


@click.group()
def incident() -> None:
    """Declare and run incidents: each command writes one verified record.

    Every edit keeps comments and formatting, is checked against all rules
    before it is written (a refused edit writes nothing and exits 1), and is
    written atomically. Commit each change as its own pull request.
    """


@incident.command("new")
@root_option
@now_option
@as_option
@click.option("--title", required=True, help="Short public title; the file name is made from it.")
@click.option("--severity", required=True, metavar="ID", help="Severity id from statusbook.yml, such as SEV2.")
@click.option("--component", "components", multiple=True, required=True, metavar="ID=IMPACT",
              help="Affected component and impact, such as api=partial_outage. Repeat for each component.")
@click.option("--public/--internal", default=None, help="Show it on the public status page. Default: public if any component is public.")
@click.option("--commander", metavar="PERSON", help="Incident Commander. Default: the acting person.")
@click.option("--message", help="First public update. Default: a short 'we are investigating' text.")
@click.option("--started", metavar="45m|TIMESTAMP",
              help="When impact began, if before now: a timestamp or a duration before --now. Default: --detected.")
@click.option("--detected", metavar="20m|TIMESTAMP",
              help="When the alert or report came, if before now: a timestamp or a duration before --now. Default: --now.")
def incident_new(root, now, as_person, title, severity, components, public, commander, message, started, detected) -> None:
    """Declare an incident, and say what was written and when the next update is due.

    Writes incidents/<YYYY>/<YYYY-MM-DD-slug>.md, dated by --now in the team time
    zone and named by the title; an existing file is never replaced. The record starts as investigating, with started, detected and acknowledged
    (by you, declaring it) at --now and a first update whose next_update follows the severity's update_every.
    --started and --detected record earlier moments: neither after --now, started no later than detected.

    \b
    Examples:
      statusbook incident new --title "Increased API latency" --severity SEV2 \\
        --component api=degraded_performance --component webhooks=degraded_performance
      statusbook incident new --title "Checkout errors" --severity SEV1 \\
        --component api=partial_outage --started 2026-11-23T17:35:00Z --detected 20m
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.new_incident(workspace(root, now, as_person), title, severity, components, public, commander,
                                           message, started, detected), edits=root)


@incident.command("update")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--status", type=click.Choice(INCIDENT_STATUSES + MAINTENANCE_STATUSES),
              help="Status the update announces; required unless --internal.")
@click.option("--message", required=True, help="Text of the update (Markdown); a multi-line text is kept as a block.")
@next_update_option
@click.option("--internal", is_flag=True, help="Append an internal timeline event (at, by, event) instead of a public update.")
def incident_update(incident_id, root, now, as_person, status, message, next_update, internal) -> None:
    """Post a status update to incident ID and set the record's status to it.

    Maintenance windows run the same way: in_progress records the actual start
    (started), completed the actual end (resolved). Their next update defaults
    to the window's start while scheduled and to its end while under way.

    \b
    Examples:
      statusbook incident update 2026-11-23-api-increased-latency \\
        --status identified --message "One zone has high network latency." --next-update 30m
      statusbook incident update 2026-11-23-api-increased-latency --internal \\
        --message "Provider confirms packet loss in zone 1b."
    """
    from generator.responder import incident as ops

    if internal:
        run_responder(lambda: ops.note(workspace(root, now, as_person), incident_id, message), edits=root)
    else:
        run_responder(lambda: ops.update(workspace(root, now, as_person), incident_id, status, message, next_update), edits=root)


@incident.command("resolve")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--message", required=True, help="The public wrap-up: what happened, for how long, what follows.")
def incident_resolve(incident_id, root, now, as_person, message) -> None:
    """Resolve incident ID: set resolved, status resolved, and post the wrap-up update.

    If the severity requires a postmortem and there is none yet, a draft
    <ID>.postmortem.md is written beside it, its Timeline filled from the record.

    \b
    Example:
      statusbook incident resolve 2026-11-23-api-increased-latency \\
        --message "Resolved. From 14:48 to 16:40 UTC the API was slow."
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.resolve(workspace(root, now, as_person), incident_id, message), edits=root)


@incident.command("handoff")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--to", "to_person", required=True, metavar="PERSON", help="The next Incident Commander.")
@click.option("--status", required=True, help="State of the incident at handoff.")
@click.option("--next-steps", required=True, help="Outstanding actions the new commander takes over.")
@click.option("--next-update", metavar="30m|TIMESTAMP",
              help="When the next status update is due. Default: the last update's next_update, else --now plus update_every.")
def incident_handoff(incident_id, root, now, as_person, to_person, status, next_steps, next_update) -> None:
    """Hand incident ID over to a new commander; ownership passes when they run 'incident ack'.

    \b
    Example:
      statusbook incident handoff 2026-11-23-api-increased-latency --to bruno \\
        --status "Traffic drained from zone 1b" --next-steps "Return traffic once the provider confirms"
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.handoff(workspace(root, now, as_person), incident_id, to_person, status, next_steps, next_update), edits=root)


@incident.command("ack")
@incident_id_argument
@root_option
@now_option
@as_option
def incident_ack(incident_id, root, now, as_person) -> None:
    """Acknowledge the handoff of incident ID to you: you become its commander.

    \b
    Example:
      statusbook incident ack 2026-11-23-api-increased-latency --as bruno
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.acknowledge(workspace(root, now, as_person), incident_id), edits=root)


@incident.command("role")
@incident_id_argument
@click.argument("role", type=click.Choice(["tech_lead", "comms_lead", "scribe"]))
@click.argument("person", metavar="PERSON")
@root_option
@now_option
@as_option
def incident_role(incident_id, role, person, root, now, as_person) -> None:
    """Put PERSON in a supporting ROLE of incident ID: tech_lead, comms_lead or scribe.

    \b
    Example:
      statusbook incident role 2026-11-23-api-increased-latency scribe ivan
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.assign_role(workspace(root, now, as_person), incident_id, role, person), edits=root)


@incident.command("impact")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--component", "components", multiple=True, required=True, metavar="ID=IMPACT",
              help="Component and its impact now, such as api=major_outage; a component not yet listed is added. Repeat for each.")
def incident_impact(incident_id, root, now, as_person, components) -> None:
    """Change the impact of components during incident ID, and log the change internally.

    The impacts of IMPACT are degraded_performance, partial_outage,
    major_outage and under_maintenance. The status page shows the new impact
    at the next build; say so to readers with 'incident update'.

    \b
    Example:
      statusbook incident impact 2026-11-23-api-increased-latency --component api=major_outage
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.change_impact(workspace(root, now, as_person), incident_id, components), edits=root)


@incident.command("mitigate")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--mitigation", "how", type=click.Choice(MITIGATIONS),
              help="How impact was stopped; required unless the record names its mitigation or a mitigation decision is pending.")
@click.option("--at", "at", metavar="10m|TIMESTAMP", help="When, if before now: a timestamp or a duration before --now. Default: --now.")
@click.option("--message", help="Internal note on what was done, added to the timeline entry.")
def incident_mitigate(incident_id, root, now, as_person, how, at, message) -> None:
    """Record that the impact of incident ID was stopped or reduced: mitigated and mitigation.

    Writes the milestone once (a second run is refused) and an internal
    timeline entry, and marks the pending mitigation decision of that kind
    (see 'incident decide') as worked. It does not change the status: post 'incident update
    --status monitoring' when readers should hear it.

    \b
    Example:
      statusbook incident mitigate 2026-11-23-checkout-errors --mitigation rollback --at 10m
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.mitigate(workspace(root, now, as_person), incident_id, how, at, message), edits=root)


@incident.command("reopen")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--message", required=True, help="Public update that says the problem is back.")
@next_update_option
def incident_reopen(incident_id, root, now, as_person, message, next_update) -> None:
    """Reopen resolved incident ID: it goes back to investigating.

    Clears resolved (and mitigated, if set; an internal timeline entry keeps
    both times), lists --now under reopened and posts an investigating update.
    The resolve target keeps running from detection; a postmortem already
    drafted stays, and its deadlines run from the next resolution.

    \b
    Example:
      statusbook incident reopen 2026-11-20-dashboard-unavailable-europe \\
        --message "The dashboard is failing again in Europe; we are investigating." --next-update 30m
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.reopen(workspace(root, now, as_person), incident_id, message, next_update), edits=root)


@incident.command("link")
@incident_id_argument
@click.argument("kind", type=click.Choice(LINK_KINDS))
@click.argument("url", metavar="URL")
@click.option("--title", metavar="TEXT", help="What to call it; a channel defaults to #inc-YYYYMMDD-slug from the id.")
@root_option
@now_option
@as_option
def incident_link(incident_id, kind, url, title, root, now, as_person) -> None:
    """Link incident ID to where it is worked on: its ticket, chat channel, bridge call, doc, patch or dashboard.

    URL is http(s) or relative. The internal portal lists the links; the public site never shows them.

    \b
    Examples:
      statusbook incident link 2026-11-23-api-increased-latency channel https://acme.slack.com/archives/C0123
      statusbook incident link 2026-11-23-api-increased-latency bridge https://meet.acme.example/inc-api --title "Bridge"
    """
    from generator.responder import links

    run_responder(lambda: links.add_link(workspace(root, now, as_person), incident_id, kind, url, title), edits=root)


@incident.command("decide")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--decision", metavar="TEXT", help="What was decided, such as 'Roll back api-2026.11.23-1'.")
@click.option("--why", metavar="TEXT", help="Why; required with --decision. A fix forward says it is minor, understood and faster than a rollback.")
@click.option("--mitigation", type=click.Choice(MITIGATIONS), help="Mark it as the mitigation decision of this kind.")
@click.option("--outcome", type=click.Choice(OUTCOMES),
              help="How it went. Without --decision: sets the outcome of the last decision that has none.")
@click.option("--at", "at", metavar="10m|TIMESTAMP", help="When it was decided, if before now: a timestamp or a duration before --now.")
def incident_decide(incident_id, root, now, as_person, decision, why, mitigation, outcome, at) -> None:
    """Log a decision of incident ID (by you), or say how the last one turned out.

    Rollback is the default decision when the impact of a change cannot be
    determined. A fix forward of a SEV1 or SEV2 says why it beats a rollback
    (rule I212); a failed rollback is escalated to the escalation_contact of
    statusbook.yml (rule I213). 'incident mitigate' marks the pending decision
    of its kind as worked. The internal portal lists the decision log.

    \b
    Examples:
      statusbook incident decide 2026-11-23-checkout-errors --mitigation rollback \\
        --decision "Roll back checkout-2026.11.23-2" --why "Errors began with this release; impact unclear"
      statusbook incident decide 2026-11-23-checkout-errors --outcome failed
    """
    from generator.responder import decisions

    run_responder(lambda: decisions.decide(workspace(root, now, as_person), incident_id, decision, why, mitigation, outcome, at),
                  edits=root)


@incident.command("escalate")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--to", "to_person", required=True, metavar="PERSON", help="Who it is escalated to, a person id from people.yml.")
@click.option("--reason", required=True, metavar="TEXT", help="Why, such as no progress for 30 minutes or a failed rollback.")
@click.option("--at", "at", metavar="10m|TIMESTAMP", help="When, if before now: a timestamp or a duration before --now. Default: --now.")
def incident_escalate(incident_id, root, now, as_person, to_person, reason, at) -> None:
    """Record that you escalated incident ID to PERSON, and why.

    A SEV1 or SEV2 investigating for 30 minutes without a status change or a
    decision is escalated (rule I211), and so is a failed rollback, to the
    escalation_contact of statusbook.yml (rule I213). The internal portal lists
    escalations; the public site never shows them.

    \b
    Example:
      statusbook incident escalate 2026-11-23-checkout-errors --to gustav \\
        --reason "No progress for 30 minutes; the rollback did not bring errors down"
    """
    from generator.responder import decisions

    run_responder(lambda: decisions.escalate(workspace(root, now, as_person), incident_id, to_person, reason, at), edits=root)


def register(group: click.Group) -> None:
    """Add the incident commands to ``group``."""
    group.add_command(incident)
