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
from generator.model.incident import ENVIRONMENTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, MITIGATIONS
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
@click.option("--commander", metavar="PERSON",
              help="Incident Commander. Default: the incident manager on duty at --now (commander_rotation in statusbook.yml), "
                   "else the acting person.")
@click.option("--message", help="First public update. Default: a short 'we are investigating' text.")
@click.option("--started", metavar="45m|TIMESTAMP",
              help="When impact began, if before now: a timestamp or a duration before --now. Default: --detected.")
@click.option("--detected", metavar="20m|TIMESTAMP",
              help="When the alert or report came, if before now: a timestamp or a duration before --now. Default: --now.")
@click.option("--checked-with", "checked_with", multiple=True, metavar="PERSON",
              help="Who the severity was checked with (expected for SEV1 and SEV2). Repeat for each person.")
@click.option("--environment", type=click.Choice(ENVIRONMENTS), default=None,
              help="Where it happens. Default: production. The status page shows production incidents only, unless "
                   "public_environments in statusbook.yml says otherwise.")
def incident_new(root, now, as_person, title, severity, components, public, commander, message, started, detected,
                 checked_with, environment) -> None:
    """Declare an incident, and say what was written and when the next update is due.

    Writes incidents/<YYYY>/<YYYY-MM-DD-slug>.md, dated by --now in the team time
    zone and named by the title; an existing file is never replaced. The record starts as investigating, with started, detected and acknowledged
    (by you, declaring it) at --now and a first update whose next_update follows the severity's update_every.
    Its commander is the incident manager on duty at --now unless --commander names someone else.
    --started and --detected record earlier moments: neither after --now, started no later than detected.

    \b
    Examples:
      statusbook incident new --title "Increased API latency" --severity SEV2 \\
        --component api=degraded_performance --component webhooks=degraded_performance
      statusbook incident new --title "Checkout errors" --severity SEV1 \\
        --component api=partial_outage --started 2026-11-23T17:35:00Z --detected 20m --checked-with bruno
      statusbook incident new --title "Staging deploys failing" --severity SEV3 \\
        --component ci-runners=partial_outage --environment staging
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.new_incident(workspace(root, now, as_person), title, severity, components, public, commander,
                                           message, started, detected, checked_with, environment), edits=root)


@incident.command("update")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--status", type=click.Choice(INCIDENT_STATUSES + MAINTENANCE_STATUSES),
              help="Status the update announces; required unless --internal.")
@click.option("--message", required=True, help="Text of the update (Markdown); a multi-line text is kept as a block.")
@next_update_option
@click.option("--waiting-on", "waiting_who", metavar="WHO",
              help="The third party the response waits for, such as \"our cloud provider\"; the status page says \"waiting on\" them.")
@click.option("--what-next", metavar="TEXT", help="With --waiting-on: what happens next, and when (internal portal only).")
@click.option("--internal", is_flag=True, help="Append an internal timeline event (at, by, event) instead of a public update.")
def incident_update(incident_id, root, now, as_person, status, message, next_update, waiting_who, what_next, internal) -> None:
    """Post a status update to incident ID by you and set the record's status to it.

    The update names you (--as) in 'by': updates come from the Incident
    Commander or the communications lead. A message that says the response is
    blocked or waiting names the party with --waiting-on.

    Maintenance windows run the same way: in_progress records the actual start
    (started), completed the actual end (resolved). Their next update defaults
    to the window's start while scheduled and to its end while under way.

    \b
    Examples:
      statusbook incident update 2026-11-23-api-increased-latency \\
        --status identified --message "One zone has high network latency." --next-update 30m
      statusbook incident update 2026-11-23-api-increased-latency --status identified \\
        --message "We are waiting for our cloud provider to replace a network switch." \\
        --waiting-on "our cloud provider" --what-next "Provider ETA for the switch: 19:00 UTC"
      statusbook incident update 2026-11-23-api-increased-latency --internal \\
        --message "Provider confirms packet loss in zone 1b."
    """
    from generator.responder import incident as ops

    if internal:
        if waiting_who is not None or what_next is not None:
            raise click.UsageError("--waiting-on and --what-next belong to a public update; drop --internal")
        run_responder(lambda: ops.note(workspace(root, now, as_person), incident_id, message), edits=root)
    else:
        run_responder(lambda: ops.update(workspace(root, now, as_person), incident_id, status, message, next_update,
                                         waiting_who, what_next), edits=root)


@incident.command("resolve")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--message", required=True, help="The public wrap-up: what happened, for how long, what follows.")
@click.option("--prevention", metavar="TEXT",
              help="How recurrence is prevented (or what the postmortem will decide); expected when a postmortem is required.")
def incident_resolve(incident_id, root, now, as_person, message, prevention) -> None:
    """Resolve incident ID: set resolved, status resolved, and post the wrap-up update.

    If the severity requires a postmortem, the wrap-up records when it is due
    (postmortem_due, 48 h after --now) and how recurrence is prevented
    (prevention, from --prevention), and its message ends with both. If there
    is no postmortem yet, a draft <ID>.postmortem.md is written beside it, its
    Timeline filled from the record.

    \b
    Example:
      statusbook incident resolve 2026-11-23-api-increased-latency \\
        --message "Resolved. From 14:48 to 16:40 UTC the API was slow." \\
        --prevention "we are adding a latency alert per zone and a runbook step to drain a zone"
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.resolve(workspace(root, now, as_person), incident_id, message, prevention), edits=root)


@incident.command("consult")
@incident_id_argument
@click.argument("person", metavar="PERSON")
@root_option
@now_option
@as_option
def incident_consult(incident_id, person, root, now, as_person) -> None:
    """Record that the severity of incident ID was checked with PERSON.

    A SEV1 or SEV2 names at least one person other than the commander in
    severity_checked_with (rule I215); 'incident new --checked-with' records it
    at declaration.

    \b
    Example:
      statusbook incident consult 2026-11-23-api-increased-latency bruno
    """
    from generator.responder import incident as ops

    run_responder(lambda: ops.consult(workspace(root, now, as_person), incident_id, person), edits=root)


@incident.command("handoff")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--to", "to_person", metavar="PERSON",
              help="The next Incident Commander. Left out, who is next at work is suggested and nothing is written.")
@click.option("--status", help="State of the incident at handoff (required with --to).")
@click.option("--next-steps", help="Outstanding actions the new commander takes over (required with --to).")
@click.option("--next-update", metavar="30m|TIMESTAMP",
              help="When the next status update is due. Default: the last update's next_update, else --now plus update_every.")
def incident_handoff(incident_id, root, now, as_person, to_person, status, next_steps, next_update) -> None:
    """Hand incident ID over to a new commander; ownership passes when they run 'incident ack'.

    Without --to, follow the sun: of the incident-manager rotation's members
    (else everyone in people.yml with working hours), suggest who is at work
    at --now, or whose working hours begin soonest, and print the command to
    run. Nothing is written without --to.

    \b
    Examples:
      statusbook incident handoff 2026-11-23-api-increased-latency
      statusbook incident handoff 2026-11-23-api-increased-latency --to bruno \\
        --status "Traffic drained from zone 1b" --next-steps "Return traffic once the provider confirms"
    """
    from generator.responder import incident as ops
    from generator.responder import rota

    if to_person is None:
        run_responder(lambda: rota.suggest_handoff(workspace(root, now, as_person), incident_id))
        return
    if not status or not next_steps:
        raise click.UsageError("--status and --next-steps are required with --to")
    run_responder(lambda: ops.handoff(workspace(root, now, as_person), incident_id, to_person, status, next_steps, next_update), edits=root)


@incident.command("keep")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--note", help="Why you keep it, such as 'Resolving within the hour; Julia knows'.")
def incident_keep(incident_id, root, now, as_person, note) -> None:
    """Keep incident ID at a rota handover instead of handing it over.

    At each handover of the incident-manager rotation, the outgoing incident
    manager hands over every open incident they own, or records that they keep
    it: a 'keeps' entry (at, by, note) within 2 hours of the handover (rule O411).
    Only the commander keeps an incident.

    \b
    Example:
      statusbook incident keep 2026-11-23-ci-arm-builds-slow --as gustav \\
        --note "Rollout of the second instance type finishes at 11:00; I stay until then"
    """
    from generator.responder import rota

    run_responder(lambda: rota.keep(workspace(root, now, as_person), incident_id, note), edits=root)


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


@incident.command("pause")
@incident_id_argument
@root_option
@now_option
@as_option
@click.option("--until", required=True, metavar="45m|TIMESTAMP",
              help="When you are back: a timestamp, or a duration from the pause's start (--at).")
@click.option("--cover", metavar="PERSON", help="Who covers while you are away. Default: nobody.")
@click.option("--at", "at", metavar="10m|TIMESTAMP", help="When the pause began, if before now: a timestamp or a duration before --now. Default: --now.")
def incident_pause(incident_id, root, now, as_person, until, cover, at) -> None:
    """Announce that you, the Incident Commander of ID, pause until --until.

    Only the owner at --at pauses. Without --cover, the next status update
    must commit to a time at or after --until, so readers know when they hear
    more; the command says so when the commitment in force falls earlier.

    \b
    Examples:
      statusbook incident pause 2026-11-23-api-increased-latency --until 45m --cover bruno
      statusbook incident pause 2026-11-23-api-increased-latency --until 2026-11-23T19:30:00Z --as julia
    """
    from generator.responder import pauses

    run_responder(lambda: pauses.pause(workspace(root, now, as_person), incident_id, until, cover, at), edits=root)


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


@incident.command("business-impact")
@incident_id_argument
@click.option("--users", metavar="TEXT", help="Who was affected and how many.")
@click.option("--revenue", metavar="TEXT", help="Revenue lost or at risk.")
@click.option("--data-loss", "data_loss", metavar="TEXT", help="Data lost or at risk, or 'none'.")
@root_option
@now_option
@as_option
def incident_business_impact(incident_id, users, revenue, data_loss, root, now, as_person) -> None:
    """Record what incident ID cost the business, for the exec summary (`statusbook comms ID --template exec`).

    Each option sets one key of `business_impact` and keeps the others. The internal portal shows it;
    the public site never does.

    \b
    Examples:
      statusbook incident business-impact 2026-11-23-api-increased-latency --users "About 2,000 API clients saw slow responses"
      statusbook incident business-impact 2026-11-23-api-increased-latency --revenue "none known" --data-loss none
    """
    from generator.responder.business_impact import set_business_impact

    given = {"users": users, "revenue": revenue, "data_loss": data_loss}
    run_responder(lambda: set_business_impact(workspace(root, now, as_person), incident_id, given), edits=root)
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
