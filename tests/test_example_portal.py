"""The repository's own example portal: valid, and covering every feature the portal shows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.followup import postmortem_due
from generator.model.links import LINK_KINDS, missing_kinds
from generator.model.site import shows_environment
from generator.model.triage import missing_roles
from generator.validate import validate

REPO = Path(__file__).resolve().parent.parent
NOW = parse_now("2026-11-23T18:00:00Z")
DELIBERATE_WARNINGS = {"I306", "T501", "T502", "P603", "P606", "P614", "P615", "I207", "B703", "I310", "I311", "I312", "I313",
                       "I215", "I216", "I316", "O406", "C814", "O410", "O411", "I211", "I212", "I213", "C815"}


@pytest.fixture(scope="module")
def corpus():
    """The example portal's records."""
    return load_root(REPO, workers=1).corpus


def test_example_has_no_errors_and_only_its_deliberate_warnings() -> None:
    """Each deliberate warning shows once; nothing else is reported."""
    report = validate(REPO, NOW)
    assert report.errors == 0, [p for p in report.problems if p.level.name == "ERROR"]
    assert Counter(p.code for p in report.problems) == Counter(DELIBERATE_WARNINGS)


def test_readmes_list_the_deliberate_warnings_and_the_count() -> None:
    """The README gives validate's last line, and incidents/README.md has a row for each deliberate warning."""
    report = validate(REPO, NOW)
    line = f"`{report.file_count} files checked: 0 errors, {report.warnings} warnings`"
    assert line in " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    table = (REPO / "incidents" / "README.md").read_text(encoding="utf-8")
    assert {code for code in DELIBERATE_WARNINGS if f"\n| {code} " in table} == DELIBERATE_WARNINGS


def test_example_spans_six_months_and_all_severities(corpus) -> None:
    """At least 15 records over at least 6 months, with every severity."""
    incidents = corpus.incidents
    assert len(incidents) >= 15
    months = {(i.started or i.scheduled_for).strftime("%Y-%m") for i in incidents}
    assert len(months) >= 6
    assert {i.severity for i in incidents if i.type == "incident"} == {"SEV1", "SEV2", "SEV3", "SEV4"}


def test_example_has_active_scheduled_and_internal_records(corpus) -> None:
    """An open incident, a scheduled maintenance, and internal-only incidents."""
    assert any(i.type == "incident" and not i.is_closed for i in corpus.incidents)
    assert any(i.type == "maintenance" and i.status == "scheduled" and i.scheduled_for > NOW for i in corpus.incidents)
    assert any(not i.public for i in corpus.incidents)


def test_example_has_handoffs_and_postmortems_in_every_status(corpus) -> None:
    """Acknowledged handoffs, postmortems in each status, action items in each status."""
    assert sum(1 for i in corpus.incidents if i.handoffs) >= 2
    assert {p.status for p in corpus.postmortems} == {"draft", "in_review", "reviewed", "closed"}
    assert {a.status for p in corpus.postmortems for a in p.action_items} == {"open", "done", "not_doing"}


def test_example_has_three_rotations_with_overrides(corpus) -> None:
    """Three rotations, each with overrides."""
    assert len(corpus.rotations) == 3
    assert all(r.overrides for r in corpus.rotations)


def test_example_links_every_kind_and_names_channel_and_bridge_of_major_incidents(corpus) -> None:
    """Links of every kind appear; every SEV1 and SEV2 but the deliberate one names a channel and a bridge."""
    assert {link.kind for i in corpus.incidents for link in i.links} == set(LINK_KINDS)
    lacking = [i.id for i in corpus.incidents if corpus.site.is_major(i.severity) and missing_kinds(i.links)]
    assert lacking == ["2026-11-22-ci-deploys-blocked"]


def test_example_names_the_author_of_every_update(corpus) -> None:
    """Every update of the example says who posted it, as statusbook incident update writes it."""
    assert all(update.by for incident in corpus.incidents for update in incident.updates)


def test_example_waits_on_a_third_party_and_pauses_with_and_without_cover(corpus) -> None:
    """One update names whom it waits on; one pause has cover and one has none."""
    assert any(update.waiting_on for incident in corpus.incidents for update in incident.updates)
    pauses = [pause for incident in corpus.incidents for pause in incident.pauses]
    assert {pause.cover is None for pause in pauses} == {True, False}


def test_example_major_incidents_are_checked_staffed_and_wrapped_up(corpus) -> None:
    """Every SEV1 and SEV2 but the deliberate one names its consult and all roles, and each wrap-up the postmortem's due time."""
    major = [i for i in corpus.incidents if corpus.site.is_major(i.severity)]
    assert [i.id for i in major if not i.severity_checked_with or missing_roles(i.roles)] == ["2026-11-22-ci-deploys-blocked"]
    wrapped = [i for i in major if postmortem_due(i, corpus.site) is not None]
    assert wrapped and all(i.updates[-1].postmortem_due == postmortem_due(i, corpus.site) for i in wrapped)


def test_example_has_a_staging_incident_the_status_page_does_not_show(corpus) -> None:
    """A public incident in staging: in scope for the rules, but production only is on the status page."""
    staging = [i for i in corpus.incidents if i.environment == "staging"]
    assert [i.public for i in staging] == [True]
    assert not shows_environment(corpus.site, "staging") and shows_environment(corpus.site, "production")


def test_example_logs_the_decisions_of_every_major_incident_and_escalates(corpus) -> None:
    """Every SEV1 and SEV2 has a decision log naming its mitigation; some escalate, and one rollback failed."""
    major = [i for i in corpus.incidents if corpus.site.is_major(i.severity)]
    assert major and all(any(d.mitigation for d in i.decisions) for i in major)
    assert all(i.mitigation_kind for i in major if i.mitigated)
    assert sum(len(i.escalations) for i in corpus.incidents) >= 3
    assert corpus.site.escalation_contact == "ivan"
    assert any(d.mitigation == "rollback" and d.failed for i in major for d in i.decisions)
