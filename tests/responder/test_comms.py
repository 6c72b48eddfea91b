"""statusbook comms: messages rendered from a record by packaged or team templates."""

from __future__ import annotations

from pathlib import Path

from generator.cli.comms import TEMPLATE_NAMES
from generator.model.ids import is_id
from generator.responder.comms import PACKAGED, SUFFIX, TEMPLATES
from tests.responder.conftest import OPEN_ID, run

RESOLVED_ID = "2026-11-20-dashboard-unavailable-europe"
MAINTENANCE_ID = "2026-12-02-api-database-upgrade"


def comms(root: Path, incident_id: str, template: str, now: str = "2026-11-23T18:00:00Z"):
    """Render one message as of ``now``."""
    return run(root, "comms", incident_id, "--template", template, now=now, person=None)


def test_internal_message_has_the_chat_format(portal: Path) -> None:
    """[SEV] - [components] - [status], impact, current action and the next update in Berlin time and UTC."""
    result = comms(portal, OPEN_ID, "internal")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "[SEV2] - [Public API, Webhooks] - [Monitoring]"
    assert lines[1] == ("Impact: Public API (degraded performance), Webhooks (degraded performance); "
                        "restored 2026-11-23 17:40 CET (16:40 UTC)")
    assert lines[2].startswith("Current action: Response times remain normal. We will keep traffic out")
    assert lines[3] == "Incident Commander: Julia Santos"
    assert lines[4] == "Next update at 2026-11-23 19:30 CET (2026-11-23 18:30 UTC)"
    assert len(lines) == 5


def test_message_is_rendered_as_of_now(portal: Path) -> None:
    """Earlier, the latest update was the identified one and impact was not yet restored."""
    result = comms(portal, OPEN_ID, "internal", now="2026-11-23T16:00:00Z")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "[SEV2] - [Public API, Webhooks] - [Identified]"
    assert lines[1].endswith("; for 1 h 12 min so far")
    assert lines[2].startswith("Current action: The slowdown comes from one of the three data centers")
    assert lines[4] == "Next update at 2026-11-23 17:45 CET (2026-11-23 16:45 UTC)"


def test_exec_summary(portal: Path) -> None:
    """Severity, impact, duration so far, commander and next update."""
    result = comms(portal, OPEN_ID, "exec")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Increased latency on the Public API and webhooks (Acme Cloud Status)",
        "Severity: SEV2 (Major), postmortem required",
        "Status: Monitoring, service restored 2026-11-23 17:40 CET (16:40 UTC)",
        "Impact: Public API (degraded performance), Webhooks (degraded performance); shown on the public status page",
        "Duration so far: 3 h 12 min, since 2026-11-23 15:48 CET (14:48 UTC)",
        "Incident Commander: Julia Santos",
        "Next update: 2026-11-23 19:30 CET (18:30 UTC)",
        "Business impact: not recorded yet (business_impact in the record: users, revenue, data_loss)",
    ]


def test_exec_summary_carries_the_business_impact(portal: Path) -> None:
    """A SEV1 with business_impact gives users, revenue and data loss, each on one line."""
    result = comms(portal, "2026-09-16-checkout-payments-failing", "exec")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-3:] == [
        "Users affected: About 41,000 card payment attempts failed; bank transfers were not affected.",
        "Revenue: EUR 412k of checkout volume delayed, an estimated EUR 38k lost to abandoned checkouts.",
        "Data loss: None. 3,100 pending payments were settled or voided; no card was charged twice.",
    ]


def test_without_a_template_the_severity_audiences_choose_the_offer(portal: Path) -> None:
    """SEV1 tells executives, all hands and customers: every template; SEV4 tells responders: the internal one."""
    result = run(portal, "comms", "2026-09-16-checkout-payments-failing", now="2026-11-23T18:00:00Z", person=None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2026-09-16-checkout-payments-failing: SEV1 is told to executives, all hands, customers; comms templates offered:",
        *(f"  statusbook comms 2026-09-16-checkout-payments-failing --template {name}"
          for name in ("internal", "exec", "client", "wrap-up")),
    ]
    result = run(portal, "comms", "2026-11-13-invoice-currency-symbol", now="2026-11-23T18:00:00Z", person=None)
    assert result.output.splitlines() == [
        "2026-11-13-invoice-currency-symbol: SEV4 is told to responders; comms templates offered:",
        "  statusbook comms 2026-11-13-invoice-currency-symbol --template internal",
    ]


def test_a_severity_without_audiences_offers_every_template(portal: Path) -> None:
    """Without audiences in statusbook.yml, every template is offered, as before audiences existed."""
    config = portal / "statusbook.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    audiences: [responders]\n", ""), encoding="utf-8")
    result = run(portal, "comms", "2026-11-13-invoice-currency-symbol", now="2026-11-23T18:00:00Z", person=None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "2026-11-13-invoice-currency-symbol: SEV4 names no audiences, so every comms template is offered:"
    assert len(result.output.splitlines()) == 5


def test_client_message_acknowledges_reports_and_commits(portal: Path) -> None:
    """Impact and apology, what was done since the last update, what is next and the time of the next update."""
    result = comms(portal, OPEN_ID, "client")
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("Subject: Increased latency on the Public API and webhooks: Monitoring\n\nHello,\n\n")
    assert ("We know that Public API (degraded performance) and Webhooks (degraded performance) were affected "
            "from 2026-11-23 15:48 CET (14:48 UTC) to 2026-11-23 17:40 CET (16:40 UTC), and we are sorry") in text
    assert "Since our last update at 2026-11-23 17:44 CET (16:44 UTC):\n\nResponse times remain normal." in text
    assert "What happens next: A fix is in place" in text
    assert "We will send you our next update by 2026-11-23 19:30 CET (18:30 UTC), or sooner if anything changes." in text
    assert text.endswith("Kind regards,\nAcme Cloud Status\n")


def test_client_message_for_a_scheduled_window(portal: Path) -> None:
    """A maintenance window is described by its planned window and what to expect."""
    result = comms(portal, MAINTENANCE_ID, "client")
    assert result.exit_code == 0, result.output
    assert ("This is about the planned maintenance of Public API, Webhooks from 2026-12-02 06:00 CET (05:00 UTC) "
            "to 2026-12-02 07:30 CET (06:30 UTC).") in result.output
    assert "What to expect:\n\nOn **Wednesday 2 December" in result.output


def test_wrap_up_lists_restoration_impact_and_action_items(portal: Path) -> None:
    """A resolved incident with a postmortem: restoration time, impact span and each action item with its owner."""
    result = comms(portal, RESOLVED_ID, "wrap-up")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Wrap-up: Dashboard unavailable for customers in Europe [SEV1]"
    assert lines[2].startswith("What happened: Resolved. From 14:31 to 15:18 UTC, the Dashboard")
    assert lines[3] == "Service restored: 2026-11-20 16:18 CET (15:18 UTC)"
    assert lines[4].startswith("Impact: Dashboard (major outage), Website (partial outage) from 2026-11-20 15:31 CET")
    assert lines[4].endswith("to 2026-11-20 16:18 CET (15:18 UTC), 47 min; public")
    assert lines[5:8] == [
        "Follow-ups:",
        "- Postmortem: Draft",
        "- Validate that every origin pool referenced by a CDN config has healthy backends before promotion "
        "(prevent, Emeka Nwosu, due 2026-12-04, Open, OPS-652)",
    ]


def test_wrap_up_after_resolving_points_at_the_empty_postmortem(portal: Path) -> None:
    """Right after incident resolve the draft has no action items yet, and the wrap-up says so."""
    run(portal, "incident", "resolve", OPEN_ID, "--message", "Resolved. Latency was normal for an hour.")
    result = comms(portal, OPEN_ID, "wrap-up")
    assert result.exit_code == 0, result.output
    assert "What happened: Resolved. Latency was normal for an hour. The postmortem is due by 2026-11-25 18:00 UTC.\n" in result.output
    assert result.output.endswith("Follow-ups:\n- Postmortem: Draft\n- No action items recorded yet.\n")


def test_a_team_template_overrides_the_packaged_one(portal: Path) -> None:
    """<root>/templates/comms/<name>.md.j2 wins; the other templates stay packaged."""
    folder = portal / "templates" / "comms"
    folder.mkdir(parents=True)
    (folder / "client.md.j2").write_text("{{ site }}: {{ incident.title }} is {{ status|label }}, next {{ next_update|utc }}\n")
    result = comms(portal, OPEN_ID, "client")
    assert result.exit_code == 0, result.output
    assert result.output == "Acme Cloud Status: Increased latency on the Public API and webhooks is Monitoring, next 2026-11-23 18:30 UTC\n"
    assert comms(portal, OPEN_ID, "internal").output.startswith("[SEV2]")


def test_template_errors_are_clear_errors(portal: Path) -> None:
    """An undefined name or a syntax error exits 2 naming the template file and line, without a traceback."""
    folder = portal / "templates" / "comms"
    folder.mkdir(parents=True)
    cases = [
        ("Hello\n{{ incident.title }} {{ nope }}\n", "internal.md.j2:2: UndefinedError: 'nope' is undefined"),
        ("{{ incident.title }\n", "internal.md.j2:1: TemplateSyntaxError:"),
        ("{{ now - 1 }}\n", "internal.md.j2:1: TypeError:"),
    ]
    for source, expected in cases:
        (folder / "internal.md.j2").write_text(source)
        result = comms(portal, OPEN_ID, "internal")
        assert result.exit_code == 2, (source, result.output)
        assert "Error: comms template " in result.output and expected in result.output
        assert "Traceback" not in result.output


def test_unknown_incident_and_template_are_usage_errors(portal: Path) -> None:
    """An unknown id or template name exits 2."""
    assert comms(portal, "2026-01-01-nothing", "internal").exit_code == 2
    result = comms(portal, OPEN_ID, "sms")
    assert result.exit_code == 2 and "'sms' is not one of" in result.output


def test_every_template_is_packaged_and_offered() -> None:
    """The CLI offers exactly the packaged templates, and each file exists."""
    assert TEMPLATE_NAMES == TEMPLATES
    assert sorted(p.name for p in PACKAGED.iterdir()) == sorted(name + SUFFIX for name in TEMPLATES)


def test_help_has_an_example(portal: Path) -> None:
    """comms documents an example."""
    result = run(portal, "comms", "--help", person=None)
    assert result.exit_code == 0
    assert "Example" in result.output and "statusbook comms 2026-11-23-api-increased-latency" in result.output


def test_every_template_name_follows_the_id_rule() -> None:
    """Template names are ids: a team override in templates/comms/ is found by <id>.md.j2."""
    assert all(is_id(name) for name in TEMPLATES)
