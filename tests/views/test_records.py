"""Incident records: the merged timeline, the ownership chain, names, measures and maintenance windows."""

from __future__ import annotations

from datetime import timedelta

from generator.model.incident import BusinessImpact, Handoff, Keep, Roles, TimelineEntry, Update
from generator.views.measures import MET, MISSED, NO_TARGET, PENDING
from generator.model.links import Link
from generator.model.decisions import DEFAULT_DECISION, Decision, Escalation
from generator.views.records import AWAITING, CommsView, DecisionView, EscalationView, LinkView, WrapUpView, records_view
from tests.checks.factories import at, corpus, handled_incident, maintenance, people, postmortem, severity, site

NOW = at("2026-06-01T12:00Z")
PEOPLE = people("Alice Smith", "Bob Jones", "Carol White")


def records(*incidents, now=NOW, postmortems=()):
    """Compute the record views of the given incidents among Alice, Bob and Carol."""
    return records_view(corpus(people=PEOPLE, incidents=list(incidents), postmortems=list(postmortems)), now)


def handoff(at_text, source, target, acknowledged=None, next_update="2026-06-01T11:30Z"):
    """A handoff with short status and next steps."""
    ack = at(acknowledged) if acknowledged else None
    return Handoff(at(at_text), source, target, f"Status from {source}.", f"- Steps for {target}.", at(next_update), ack)


def open_incident(**fields):
    """An investigating SEV2 incident detected at 10:05, acknowledged at 10:20, with one update due back at 11:00."""
    values = dict(
        status="investigating",
        resolved=None,
        mitigated=None,
        mitigation=None,
        acknowledged=at("2026-06-01T10:20Z"),
        updates=(Update(at("2026-06-01T10:25Z"), "investigating", "Looking.", at("2026-06-01T11:00Z")),),
    )
    values.update(fields)
    return handled_incident("2026-06-01-open", **values)


def kinds_and_texts(record):
    """List the merged timeline as (time, kind, text) triples."""
    return [(item.at, item.kind, item.text) for item in record.timeline]


def test_timeline_merges_every_source_in_time_order_and_breaks_ties_by_kind_then_source_order():
    incident = handled_incident(
        handoffs=(handoff("2026-06-01T10:40Z", "alice", "bob", acknowledged="2026-06-01T10:45Z"),),
        commander="bob",
        updates=(
            Update(at("2026-06-01T10:40Z"), "monitoring", "Rolled back.", at("2026-06-01T11:10Z")),
            Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),
            Update(at("2026-06-01T11:00Z"), "resolved", "Fixed."),
        ),
        timeline=(
            TimelineEntry(at("2026-06-01T10:40Z"), "carol", "Second entry at the handoff."),
            TimelineEntry(at("2026-06-01T10:01Z"), "alice", "Deploy 42 reaches production."),
            TimelineEntry(at("2026-06-01T10:40Z"), "bob", "Third entry at the handoff."),
        ),
    )
    timeline = kinds_and_texts(records(incident)[incident.id])
    assert [(t.strftime("%H:%M"), kind, text) for t, kind, text in timeline] == [
        ("10:00", "milestone", "Impact started"),
        ("10:01", "entry", "Deploy 42 reaches production."),
        ("10:05", "milestone", "Detected"),
        ("10:10", "milestone", "Acknowledged"),
        ("10:12", "update", "Investigating."),
        ("10:40", "milestone", "Mitigated (rollback)"),
        ("10:40", "handoff", "Handed over to Bob Jones"),
        ("10:40", "update", "Rolled back."),
        ("10:40", "entry", "Second entry at the handoff."),
        ("10:40", "entry", "Third entry at the handoff."),
        ("10:45", "acknowledgement", "Took over from Alice Smith"),
        ("11:00", "milestone", "Resolved"),
        ("11:00", "update", "Fixed."),
    ]


def test_timeline_items_carry_actor_kind_label_and_markdown_flag():
    incident = handled_incident(timeline=(TimelineEntry(at("2026-06-01T10:30Z"), "carol", "Rollback started."),))
    items = {item.text: item for item in records(incident)[incident.id].timeline}
    entry, update = items["Rollback started."], items["Investigating."]
    assert (entry.actor, entry.kind_label, entry.markdown) == ("Carol White", "Internal log", False)
    assert (update.actor, update.heading, update.kind_label, update.markdown) == (None, "Investigating", "Public update", True)


def test_acknowledgement_sorts_after_the_acknowledged_milestone_and_handoff_before_its_acknowledgement():
    incident = open_incident(
        acknowledged=at("2026-06-01T10:20Z"),
        commander="carol",
        handoffs=(
            handoff("2026-06-01T10:20Z", "alice", "bob", acknowledged="2026-06-01T10:20Z"),
            handoff("2026-06-01T10:20Z", "bob", "carol", acknowledged="2026-06-01T10:30Z"),
        ),
    )
    at_ten_twenty = [(k, t) for moment, k, t in kinds_and_texts(records(incident)[incident.id]) if moment == at("2026-06-01T10:20Z")]
    assert at_ten_twenty == [
        ("milestone", "Acknowledged"),
        ("handoff", "Handed over to Bob Jones"),
        ("acknowledgement", "Took over from Alice Smith"),
        ("handoff", "Handed over to Carol White"),
    ]


def test_pending_handoff_leaves_ownership_with_the_previous_commander():
    incident = open_incident(
        commander="bob",
        handoffs=(
            handoff("2026-06-01T10:30Z", "alice", "bob", acknowledged="2026-06-01T10:33Z"),
            handoff("2026-06-01T11:50Z", "bob", "zoe", next_update="2026-06-01T12:20Z"),
        ),
    )
    record = records(incident)[incident.id]
    first, last = record.handoffs
    assert (first.from_person, first.to_person, first.pending, first.acknowledgement) == ("Alice Smith", "Bob Jones", False, None)
    assert (last.from_person, last.to_person, last.pending, last.acknowledgement) == ("Bob Jones", "zoe", True, AWAITING)
    assert (last.status, last.next_steps, last.next_update) == ("Status from bob.", "- Steps for zoe.", at("2026-06-01T12:20Z"))
    assert record.owner == "Bob Jones"
    assert record.awaiting is last
    assert "acknowledgement" not in [item.kind for item in record.timeline if item.at >= at("2026-06-01T11:50Z")]


def test_acknowledged_chain_passes_ownership_to_the_last_recipient():
    incident = open_incident(
        commander="carol",
        handoffs=(
            handoff("2026-06-01T10:30Z", "alice", "bob", acknowledged="2026-06-01T10:33Z"),
            handoff("2026-06-01T11:00Z", "bob", "carol", acknowledged="2026-06-01T11:02Z"),
        ),
    )
    record = records(incident)[incident.id]
    assert (record.owner, record.commander, record.awaiting) == ("Carol White", "Carol White", None)


def test_without_handoffs_the_commander_owns_the_record():
    record = records(open_incident(commander="alice"))["2026-06-01-open"]
    assert (record.owner, record.commander, record.handoffs) == ("Alice Smith", "Alice Smith", ())


def test_people_missing_from_people_yml_show_as_their_ids():
    incident = handled_incident(
        commander="zoe",
        roles=Roles(tech_lead="bob", scribe="yann"),
        timeline=(TimelineEntry(at("2026-06-01T10:30Z"), "xavier", "Looked at the graphs."),),
    )
    record = records(incident)[incident.id]
    assert record.commander == "zoe"
    assert [(r.label, r.person) for r in record.roles] == [
        ("Technical Lead", "Bob Jones"),
        ("Communications Lead", None),
        ("Scribe", "yann"),
    ]
    assert [item.actor for item in record.timeline if item.kind == "entry"] == ["xavier"]


def test_measures_are_judged_at_now_against_the_severity_targets():
    incident = open_incident(acknowledged=at("2026-06-01T10:30Z"))
    record = records(incident)[incident.id]
    rows = {row.measure.name: row for row in record.measures}
    assert [row.label for row in record.measures] == ["Time to detect", "Time to acknowledge", "Time to mitigate", "Time to resolve"]
    assert (rows["detect"].took, rows["detect"].verdict, rows["detect"].target) == (timedelta(minutes=5), NO_TARGET, None)
    assert (rows["acknowledge"].took, rows["acknowledge"].verdict, rows["acknowledge"].target) == (timedelta(minutes=25), MISSED, "15 min")
    assert rows["acknowledge"].measure.due == at("2026-06-01T10:20Z")
    assert (rows["mitigate"].took, rows["mitigate"].running, rows["mitigate"].verdict) == (timedelta(hours=1, minutes=55), True, NO_TARGET)
    assert (rows["resolve"].verdict, rows["resolve"].target, rows["resolve"].verdict_label) == (PENDING, "24 h", "Pending, not yet due")
    assert [(t.label, t.text) for t in record.targets] == [
        ("Acknowledge within", "15 min"),
        ("Resolve within", "24 h"),
        ("Update at least every", "1 h"),
    ]


def test_closed_incident_measures_are_not_running():
    incident = handled_incident()
    rows = {row.measure.name: row for row in records(incident)[incident.id].measures}
    assert (rows["resolve"].took, rows["resolve"].running, rows["resolve"].verdict) == (timedelta(minutes=55), False, MET)
    assert rows["acknowledge"].verdict_label == "Met"


def test_overdue_next_update_counts_as_a_missed_commitment():
    incident = open_incident(
        updates=(
            Update(at("2026-06-01T10:25Z"), "investigating", "Looking.", at("2026-06-01T10:55Z")),
            Update(at("2026-06-01T11:05Z"), "identified", "Found it.", at("2026-06-01T11:45Z")),
        )
    )
    record = records(incident)[incident.id]
    assert (record.next_update, record.update_overdue, record.missed_commitments) == (at("2026-06-01T11:45Z"), True, 2)
    on_time = records(incident, now=at("2026-06-01T11:40Z"))[incident.id]
    assert (on_time.update_overdue, on_time.missed_commitments) == (False, 1)


def test_phases_run_between_milestones_and_until_now_while_open():
    incident = open_incident(acknowledged=None)
    record = records(incident)[incident.id]
    assert [(p.label, p.start, p.end, p.open) for p in record.phases] == [
        ("Impact started → detected", at("2026-06-01T10:00Z"), at("2026-06-01T10:05Z"), False),
        ("Detected → not yet acknowledged", at("2026-06-01T10:05Z"), NOW, True),
    ]
    assert (record.start, record.end) == (at("2026-06-01T10:00Z"), NOW)


def test_mitigation_postmortem_and_notes_are_kept():
    incident = handled_incident(mitigation="fix_forward", body="## Internal notes\n\nChat: #inc-1.\n")
    record = records(incident, postmortems=[postmortem(incident.id, status="draft")])[incident.id]
    assert (record.mitigation, record.has_postmortem, record.notes_titled) == ("fix forward", True, True)
    assert record.notes == "## Internal notes\n\nChat: #inc-1.\n"
    assert record.incident.postmortem is not None


def test_every_record_is_kept_internal_ones_and_every_component_included():
    internal = handled_incident("2026-06-01-internal", public=False, components={"ci": "major_outage"})
    public = handled_incident("2026-06-02-public", components={"api": "partial_outage"})
    duplicate = handled_incident("2026-06-02-public", title="Second file with the same id")
    found = records(internal, public, duplicate)
    assert list(found) == ["2026-06-01-internal", "2026-06-02-public"]
    assert found["2026-06-01-internal"].public is False
    assert found["2026-06-02-public"].incident.title == "API errors"
    assert not found["2026-06-01-internal"].has_postmortem


def test_completed_maintenance_has_two_milestones_one_phase_and_no_measures():
    record = records(maintenance(commander="alice"))["2026-06-05-db-upgrade"]
    milestones = [(item.text, item.at) for item in record.timeline if item.kind == "milestone"]
    assert milestones == [("Maintenance started", at("2026-06-05T22:00Z")), ("Completed", at("2026-06-05T22:45Z"))]
    assert [p.label for p in record.phases] == ["Maintenance started → completed"]
    assert (record.measures, record.targets, record.mitigation, record.next_update) == ((), (), None, None)
    assert [u.heading for u in record.updates] == ["Scheduled", "In progress", "Verifying", "Completed"]


def test_scheduled_maintenance_without_milestones_has_no_phases():
    scheduled = maintenance(
        status="scheduled",
        started=None,
        resolved=None,
        updates=(Update(at("2026-06-01T09:00Z"), "scheduled", "Planned.", at("2026-06-05T22:00Z")),),
    )
    record = records(scheduled)[scheduled.id]
    assert record.phases == ()
    assert [item.kind for item in record.timeline] == ["update"]
    assert (record.next_update, record.update_overdue) == (at("2026-06-05T22:00Z"), False)
    assert (record.start, record.end) == (at("2026-06-01T09:00Z"), at("2026-06-05T23:00Z"))


def test_late_updates_are_the_missed_commitments_no_clock_changes():
    incident = open_incident(
        updates=(
            Update(at("2026-06-01T10:25Z"), "investigating", "Looking.", at("2026-06-01T10:55Z")),
            Update(at("2026-06-01T11:05Z"), "identified", "Found it.", at("2026-06-01T11:45Z")),
        )
    )
    assert [records(incident, now=at(now))[incident.id].late_updates for now in ("2026-06-01T11:40Z", "2026-06-01T12:00Z")] == [1, 1]


def test_links_are_listed_in_order_named_by_title_or_address():
    """Each link keeps its place, with its kind in words; a link without a title is named by its address."""
    links = (Link("channel", "https://chat.acme.example/C01", "#inc-20260601-api-errors"), Link("bridge", "https://meet.acme.example/x"))
    (record,) = records(handled_incident(links=links)).values()
    assert record.links == (
        LinkView("Chat channel", "https://chat.acme.example/C01", "#inc-20260601-api-errors"),
        LinkView("Bridge call", "https://meet.acme.example/x", "https://meet.acme.example/x"),
    )


def test_business_impact_is_listed_in_a_fixed_order_leaving_out_what_is_not_recorded():
    """Users, revenue and data loss, in that order; an unrecorded one is left out, and none recorded gives nothing."""
    impact = BusinessImpact(data_loss="None.", users="About 300 API clients.")
    (record,) = records(handled_incident(business_impact=impact)).values()
    assert record.business_impact == (("Users affected", "About 300 API clients."), ("Data loss", "None."))
    (record,) = records(handled_incident()).values()
    assert record.business_impact == ()


def test_comms_name_the_severity_audiences_and_the_templates_they_offer():
    """The severity's audiences in words and the offered templates; maintenance has no comms view."""
    leads = severity("SEV2", audiences=("engineering-leads", "customers"))
    records_ = records_view(corpus(site=site(severities=(leads,)), people=PEOPLE, incidents=[handled_incident(), maintenance()]), NOW)
    incident_, window = records_.values()
    assert incident_.comms == CommsView(("engineering leads", "customers"), ("internal", "client", "wrap-up"))
    assert window.comms is None


def test_keeps_join_the_timeline_with_who_kept_it_and_why():
    """A keep with a note shows the note; one without says the incident was kept; both name the person."""
    keeps = (Keep(at("2026-06-01T10:20Z"), "alice", "Resolving within the hour."), Keep(at("2026-06-01T10:50Z"), "bob"))
    (record,) = records(handled_incident(keeps=keeps)).values()
    kept = [(i.kind_label, i.text, i.actor) for i in record.timeline if i.kind == "keep"]
    assert kept == [("Kept at rota handover", "Resolving within the hour.", "Alice Smith"),
                    ("Kept at rota handover", "Kept the incident instead of handing it over.", "Bob Jones")]


def test_the_internal_site_and_its_portal_share_each_record_view():
    """A build computes each record's view once: the portal's full record holds the very view the site's pages use."""
    from pathlib import Path

    from generator.clock import parse_now
    from generator.loading.corpus import load_root
    from generator.views.audience import Audience
    from generator.views.page import site_view
    from generator.views.portal import portal_view

    example = load_root(Path(__file__).resolve().parents[2], workers=1).corpus
    now = parse_now("2026-11-23T18:00:00Z")
    view = site_view(example, Audience.INTERNAL, now)
    assert view.incidents
    assert all(view.portal.records[v.id].incident is v for v in view.incidents)
    assert view.portal == portal_view(example, now)


def test_update_notes_follow_the_public_order_and_pauses_name_their_owner_and_cover():
    """Notes are kept in time order like the public updates; a pause names who owned the record then and who covered."""
    from generator.model.incident import Pause, WaitingOn

    later = Update(at("2026-06-01T10:50Z"), "identified", "Waiting.", at("2026-06-01T11:20Z"), "carol", WaitingOn("the provider", "Call at 11."))
    earlier = Update(at("2026-06-01T10:25Z"), "investigating", "Looking.", at("2026-06-01T11:00Z"), "alice")
    pauses = (Pause(at("2026-06-01T10:30Z"), at("2026-06-01T10:40Z")), Pause(at("2026-06-01T10:45Z"), at("2026-06-01T11:00Z"), "carol"))
    (record,) = records(open_incident(updates=(later, earlier), pauses=pauses, handoffs=(handoff("2026-06-01T10:40Z", "alice", "bob", "2026-06-01T10:42Z"),),
                                      commander="bob")).values()
    assert [(u.number, u.waiting_on) for u in record.incident.updates] == [(1, None), (2, "the provider")]
    assert [(n.author, n.what_next) for n in record.update_notes] == [("Alice Smith", None), ("Carol White", "Call at 11.")]
    assert [item.actor for item in record.updates] == ["Alice Smith", "Carol White"]
    assert [(p.owner, p.cover, p.length) for p in record.pauses] == [
        ("Alice Smith", None, timedelta(minutes=10)), ("Bob Jones", "Carol White", timedelta(minutes=15))]


def test_environment_consult_and_wrap_up_are_shown_and_a_staging_record_is_not_on_the_status_page():
    """The environment in words, the consulted people by name, the wrap-up's fields; public staging is not public."""
    wrap = Update(at("2026-06-01T11:00Z"), "resolved", "Fixed.", postmortem_due=at("2026-06-03T11:00Z"), prevention="A canary.")
    staged = handled_incident(environment="staging", severity_checked_with=("bob", "carol"),
                              updates=handled_incident().updates[:-1] + (wrap,))
    (record,) = records(staged).values()
    assert (record.environment, record.checked_with, record.public) == ("Staging", ("Bob Jones", "Carol White"), False)
    assert record.wrap_up == WrapUpView(at("2026-06-03T11:00Z"), "A canary.")
    (plain,) = records(handled_incident()).values()
    assert (plain.environment, plain.checked_with, plain.public, plain.wrap_up) == ("Production", (), True, None)


def test_decisions_and_escalations_are_listed_with_names_and_words():
    """Each decision keeps its place with who took it, its mitigation and outcome in words; escalations name both people."""
    decisions = (Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", "Unclear impact.", "rollback", "failed"),
                 Decision(at("2026-06-01T10:30Z"), "bob", "Fail over.", mitigation="fix_forward"))
    escalations = (Escalation(at("2026-06-01T10:25Z"), "alice", "carol", "The rollback failed."),)
    (record,) = records(handled_incident(mitigation=None, decisions=decisions, escalations=escalations)).values()
    assert record.decisions == (
        DecisionView(at("2026-06-01T10:20Z"), "Alice Smith", "Roll back.", "Unclear impact.", "rollback", "Failed"),
        DecisionView(at("2026-06-01T10:30Z"), "Bob Jones", "Fail over.", None, "fix forward", None),
    )
    assert record.escalations == (EscalationView(at("2026-06-01T10:25Z"), "Alice Smith", "Carol White", "The rollback failed."),)
    assert record.mitigation == "fix forward" and record.default_decision == DEFAULT_DECISION
    assert "Mitigated (fix forward)" in [i.text for i in record.timeline if i.kind == "milestone"]


def test_maintenance_has_no_default_decision():
    """The rollback default is for incidents; a maintenance window shows none."""
    (record,) = records(maintenance()).values()
    assert record.default_decision is None and record.decisions == () and record.escalations == ()


def test_a_record_view_survives_pickling_intact_as_its_page_digest_needs() -> None:
    """A record's view pickles as its constructor arguments: a round trip gives an equal view, and equal views the
    same bytes."""
    import pickle

    [view] = records(open_incident(handoffs=(handoff("2026-06-01T10:40Z", "alice", "bob"),))).values()
    assert pickle.loads(pickle.dumps(view)) == view
    [again] = records(open_incident(handoffs=(handoff("2026-06-01T10:40Z", "alice", "bob"),))).values()
    assert pickle.dumps(again) == pickle.dumps(view)
