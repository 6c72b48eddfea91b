"""Internal incident pages: everything the public page shows, plus roles, ownership, the merged timeline and notes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.build import render_site
from generator.model.decisions import DEFAULT_DECISION, Decision, Escalation
from generator.model.incident import BusinessImpact, Handoff, Roles, TimelineEntry, Update
from generator.model.links import Link
from generator.model.site import Component, Person
from generator.render import urls
from generator.render.pages import PageRenderer
from generator.render.records import record_files
from generator.views.audience import Audience
from generator.views.page import site_view
from generator.views.records import records_view
from tests.checks.factories import at, corpus, handled_incident, site

REPO = Path(__file__).parents[2]
NOW = parse_now("2026-11-23T18:00:00Z")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(2)) <iframe src="//evil"></iframe>'
WAREHOUSE = "2026-11-04-data-warehouse-loads-failing"
API = "2026-11-23-api-increased-latency"


def render(records, now):
    """Render the internal record files of a corpus at ``now``, keyed by path."""
    view = site_view(records, Audience.INTERNAL, now)
    return {f.path: f.content for f in record_files(view, PageRenderer(view), records_view(records, now))}


def page_of(files, incident_id) -> str:
    """Return the Markdown source of an incident's internal page."""
    return files[urls.incident_page(incident_id)].decode("utf-8")


@pytest.fixture(scope="module")
def example():
    """The example portal's records."""
    return load_root(REPO).corpus


@pytest.fixture(scope="module")
def files(example):
    """The example portal's record files at the example's moment."""
    return render(example, NOW)


def test_every_record_has_a_page_and_a_picture(example, files):
    ids = [i.id for i in example.incidents]
    expected = {urls.incident_page(i) for i in ids} | {urls.timeline_picture(i) for i in ids}
    assert set(files) == expected
    assert len(files) == 2 * len(ids)
    assert all(files[urls.timeline_picture(i)].startswith(b"<svg ") for i in ids)


def test_page_shows_roles_ownership_chain_timeline_notes_and_postmortem(files):
    page = page_of(files, WAREHOUSE)
    assert page.startswith('---\ntitle: "Data warehouse loads failing, usage billing run at risk"\ntoc: ')
    assert "Internal: not on the status page" in page
    for role, name in (("Technical Lead", "Farah Haddad"), ("Communications Lead", "Bruno Lindqvist"), ("Scribe", "Gustav Berg")):
        assert f"<dt>{role}</dt><dd>{name}</dd>" in page
    assert "<dt>Incident Commander</dt><dd>Dana Kowalski</dd>" in page
    assert "Owner now: <strong>Dana Kowalski</strong>." in page
    assert ('<td data-label="From">Alice Okafor</td><td data-label="To">Dana Kowalski</td>'
            '<td data-label="Acknowledged"><time datetime="2026-11-04T07:38:00Z"') in page
    assert '<td colspan="4" class="sb-handoff__text" headers="handoff-1">' in page
    assert "<p>Cause identified: the ingestion connector upgraded itself to 4.0 overnight" in page
    assert "<li>Keep #finance-ops updated every hour.</li>" in page
    assert "Connector auto-updated from 3.8.2 to 4.0.0 at 01:12 UTC; 4.0 maps NUMERIC(18,4) to FLOAT64." in page
    assert '<span class="sb-label">Handoff acknowledged</span>' in page
    assert "<h2>Internal notes</h2>" in page and "about 6,000 invoices would have understated October usage" in page
    assert "<dt>Mitigation</dt><dd>Rollback</dd>" in page
    assert f'<a href="../../postmortems/{WAREHOUSE}/">' in page
    assert f'<img src="../../timelines/{WAREHOUSE}.svg" alt="Timeline picture. Impact started → detected,' in page


def test_page_shows_what_the_public_page_shows(files):
    page = page_of(files, API)
    assert "Public: on the status page" in page
    assert "<dt>Severity</dt><dd>SEV2 (Major)</dd>" in page
    assert '<a href="../../components/api/">Public API</a> (degraded performance)' in page
    assert page.count('<li class="sb-update" id="update-') == 4
    since = '<span class="sb-since" data-sb-since="2026-11-23T14:48:00Z">3 h 12 min</span>'
    assert f"<dt>Duration</dt><dd>{since} so far</dd>" in page


def test_measures_table_gives_verdicts_in_words_and_icons(files):
    page = page_of(files, API)
    assert '<th scope="row">Time to acknowledge</th><td data-label="Took">8 min</td><td data-label="Target">15 min</td>' in page
    assert '<span class="sb-verdict sb-verdict--met"><span aria-hidden="true">✓</span> Met</span>' in page
    since = '<span class="sb-since" data-sb-since="2026-11-23T14:55:00Z">3 h 5 min</span>'
    assert f'<th scope="row">Time to resolve</th><td data-label="Took">{since} so far</td>' in page
    # Pending until the deadline at the reader's clock, missed from then on.
    pending = ('<span class="sb-verdict sb-verdict--pending" data-sb-until="2026-11-24T14:55:00Z">'
               '<span aria-hidden="true">…</span> Pending, not yet due</span>')
    missed = ('<span class="sb-verdict sb-verdict--missed" data-sb-from="2026-11-24T14:55:00Z" hidden>'
              '<span aria-hidden="true">✕</span> Missed</span>')
    assert pending + missed in page
    assert "SEV2 targets: acknowledge within 15 min; resolve within 24 h; update at least every 1 h." in page


def test_timeline_is_one_ordered_list_with_kind_labels_in_time_order(files):
    page = page_of(files, API)
    timeline = page.split('<ol class="sb-timeline">')[1].split("</ol>")[0]
    labels = [part.split("</span>")[0] for part in timeline.split('<span class="sb-label">')[1:]]
    assert labels[:4] == ["Milestone", "Internal log", "Milestone", "Internal log"]
    assert labels.count("Public update") == 4
    stamps = [part.split('"')[0] for part in timeline.split('<time datetime="')[1:]]
    assert stamps == sorted(stamps) and len(stamps) == len(labels)


def test_next_update_is_marked_for_the_browser_with_build_time_words(example, files):
    page = page_of(files, API)
    assert '<span class="sb-due" data-sb-due="2026-11-23T18:30:00Z">due in 30 min</span>' in page
    assert '<p class="sb-asof" data-sb-live>As of the build, <time datetime="2026-11-23T18:00:00Z"' in page
    later = page_of(render(example, parse_now("2026-11-23T19:05:00Z")), API)
    assert '<span class="sb-due sb-due--overdue" data-sb-due="2026-11-23T18:30:00Z">overdue by 35 min</span>' in later
    closed = page_of(files, WAREHOUSE)
    assert "data-sb-due" not in closed and "sb-asof" not in closed


def test_pending_handoff_is_shown_as_awaiting_acknowledgement():
    incident = handled_incident(
        status="identified",
        resolved=None,
        commander="alice",
        handoffs=(Handoff(at("2026-06-01T10:50Z"), "alice", "bob", "Rolled back.", "Watch it.", at("2026-06-01T11:30Z")),),
    )
    page = page_of(render(corpus(incidents=[incident]), at("2026-06-01T11:00Z")), incident.id)
    assert '<td data-label="Acknowledged"><strong>awaiting acknowledgement</strong></td>' in page
    assert "Owner now: <strong>Alice Smith</strong>, until Bob Jones acknowledges the handoff." in page
    assert "<dt>Incident Commander</dt><dd>Alice Smith (handoff to Bob Jones awaiting acknowledgement)</dd>" in page


class LiveMarkup(HTMLParser):
    """Collects elements and attributes that would run code or load a hostile frame."""

    def __init__(self) -> None:
        """Start with no findings."""
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Flag script and iframe elements, inline handlers, javascript: URLs and the planted image."""
        if tag in ("script", "iframe") or (tag == "img" and ("src", "x") in attrs):
            self.found.append(tag)
        self.found += [f"{tag} {key}" for key, value in attrs if key.startswith("on") or (value or "").lower().startswith("javascript:")]


def live_markup(page: str) -> list[str]:
    """Return the live hostile markup in the page's content, which MkDocs takes as it is."""
    parser = LiveMarkup()
    parser.feed(page.split("---\n", 2)[2])
    return parser.found


def hostile_corpus():
    """A corpus whose record text, people and component names all carry hostile markup."""
    incident = handled_incident(
        title=HOSTILE,
        status="monitoring",
        resolved=None,
        commander="bob",
        components={"api": "major_outage"},
        roles=Roles(tech_lead="mallory"),
        handoffs=(Handoff(at("2026-06-01T10:30Z"), "alice", "bob", HOSTILE, HOSTILE, at("2026-06-01T11:30Z"), at("2026-06-01T10:31Z")),),
        timeline=(TimelineEntry(at("2026-06-01T10:20Z"), "alice", HOSTILE),),
        updates=(Update(at("2026-06-01T10:12Z"), "investigating", HOSTILE, at("2026-06-01T11:30Z")),),
        body=f"{HOSTILE}\n\n## Internal notes\n\n{HOSTILE}\n",
    )
    people = (Person("alice", "Alice Smith"), Person("bob", "Bob Jones"), Person("mallory", HOSTILE))
    return corpus(site=site(components=(Component("api", HOSTILE, True),)), people=people, incidents=[incident])


def test_hostile_text_in_events_handoffs_notes_and_names_renders_inert():
    files = render(hostile_corpus(), at("2026-06-01T11:00Z"))
    page = page_of(files, "2026-06-01-api-errors")
    assert live_markup(page) == []
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert page.count("&lt;script&gt;") >= 7
    svg = ET.fromstring(files[urls.timeline_picture("2026-06-01-api-errors")])
    assert svg.find("{http://www.w3.org/2000/svg}title").text == f"Timeline of {HOSTILE}"
    assert not [e for e in svg.iter() if e.tag.split("}")[-1] in ("script", "iframe", "img", "foreignObject")]


def test_record_without_milestones_people_or_notes_renders():
    bare = handled_incident(
        status="investigating", started=None, detected=None, acknowledged=None, mitigated=None, resolved=None,
        mitigation=None, commander=None, body="",
        updates=(Update(at("2026-06-01T10:12Z"), "investigating", "Investigating.", at("2026-06-01T10:42Z")),),
    )
    files = render(corpus(incidents=[bare]), at("2026-06-01T11:00Z"))
    page = page_of(files, bare.id)
    assert "<dt>Incident Commander</dt><dd>not named</dd>" in page and "<dd>not assigned</dd>" in page
    assert "<dt>Mitigation</dt><dd>not recorded</dd>" in page and "Internal notes" not in page
    assert '<span class="sb-due sb-due--overdue" data-sb-due="2026-06-01T10:42:00Z">overdue by 18 min</span>' in page
    count = '<span class="sb-count" data-sb-count=\'["2026-06-01T10:42:00Z"]\'>1</span>'
    assert f"<dt>Missed update commitments</dt><dd>{count}</dd>" in page
    assert ET.fromstring(files[urls.timeline_picture(bare.id)]).findtext("{http://www.w3.org/2000/svg}desc") == (
        "No phases recorded yet. 1 public update and 0 handoffs."
    )


def test_rendering_is_deterministic(example, files):
    assert render(example, NOW) == files


def test_links_are_listed_under_their_heading_with_their_kind():
    """The portal lists the links after the facts; a page without links has no Links section."""
    links = (Link("channel", "https://chat.acme.example/C01", "#inc-20260601-api-errors"), Link("doc", "../runbooks/api/"))
    files = render(corpus(incidents=[handled_incident(links=links)]), at("2026-06-01T12:00Z"))
    page = page_of(files, "2026-06-01-api-errors")
    assert '<li><span class="sb-label">Chat channel</span> <a href="https://chat.acme.example/C01">#inc-20260601-api-errors</a></li>' in page
    assert '<li><span class="sb-label">Document</span> <a href="../runbooks/api/">../runbooks/api/</a></li>' in page
    bare = render(corpus(incidents=[handled_incident()]), at("2026-06-01T12:00Z"))
    assert 'id="links"' not in page_of(bare, "2026-06-01-api-errors") and 'id="links"' in page


def test_environment_consult_and_wrap_up_are_in_the_record_facts():
    """The facts say the environment, who the severity was checked with and what the wrap-up names; staging is not public."""
    wrap = Update(at("2026-06-01T11:00Z"), "resolved", "Fixed.", postmortem_due=at("2026-06-03T11:00Z"),
                  prevention="Canary <b>releases</b>.")
    record = handled_incident(environment="pre_production", severity_checked_with=("bob",),
                              updates=handled_incident().updates[:-1] + (wrap,))
    page = page_of(render(corpus(incidents=[record]), at("2026-06-01T12:00Z")), "2026-06-01-api-errors")
    assert "<dt>Environment</dt><dd>Pre-production</dd>" in page
    assert "<dt>Severity checked with</dt><dd>Bob Jones</dd>" in page
    assert "<dt>Wrap-up</dt><dd>postmortem due " in page and "prevention: Canary &lt;b&gt;releases&lt;/b&gt;.</dd>" in page
    assert "Internal: not on the status page" in page
    bare = page_of(render(corpus(incidents=[handled_incident()]), at("2026-06-01T12:00Z")), "2026-06-01-api-errors")
    assert "<dt>Severity checked with</dt><dd>nobody recorded</dd>" in bare and "<dt>Wrap-up</dt>" not in bare
    assert "<dt>Environment</dt><dd>Production</dd>" in bare and "Public: on the status page" in bare


CHECKOUT = "2026-09-16-checkout-payments-failing"


def test_communication_shows_business_impact_and_the_offered_messages(files):
    """A SEV1 of the example lists its business impact and the messages its audiences are offered."""
    page = page_of(files, CHECKOUT)
    section = page.split('<h2 id="communication">', 1)[1].split("<h2", 1)[0]
    assert "<dt>Revenue</dt><dd>EUR 412k of checkout volume delayed, an estimated EUR 38k lost to abandoned checkouts.</dd>" in section
    assert "SEV1 incidents are told to executives, all hands, customers." in section
    assert f"<code>statusbook comms {CHECKOUT} --template NAME</code>: <code>internal</code>, <code>exec</code>" in section
    sev4 = page_of(files, "2026-11-13-invoice-currency-symbol").split('<h2 id="communication">', 1)[1].split("<h2", 1)[0]
    assert "No business impact recorded" in sev4 and "told to responders" in sev4 and "<code>exec</code>" not in sev4


def test_business_impact_renders_inert_and_never_on_the_public_site(example):
    """Hostile business impact text is escaped; the public site carries no business impact at all."""
    hostile = handled_incident(business_impact=BusinessImpact(users=HOSTILE))
    page = page_of(render(corpus(incidents=[hostile]), at("2026-06-01T12:00Z")), hostile.id)
    assert live_markup(page) == [] and "&lt;script&gt;" in page
    public = render_site(site_view(example, Audience.PUBLIC, NOW)).files
    words = [b"41,000 card payment attempts", b"Roughly 21,000 users in Europe", b"business impact", b"Business impact"]
    assert not [(path, w) for path, content in public.items() for w in words if w in content]


def test_decisions_and_escalations_are_listed_with_the_default_decision():
    """The portal states the rollback default, lists each decision with its why and outcome, and each escalation; hostile text is escaped."""
    decisions = (Decision(at("2026-06-01T10:20Z"), "alice", "Roll back.", HOSTILE, "rollback", "failed"),
                 Decision(at("2026-06-01T10:30Z"), "alice", "Fail over.", mitigation="failover"))
    escalations = (Escalation(at("2026-06-01T10:25Z"), "alice", "bob", "The rollback failed."),)
    files = render(corpus(incidents=[handled_incident(decisions=decisions, escalations=escalations)]), at("2026-06-01T12:00Z"))
    page = page_of(files, "2026-06-01-api-errors")
    assert f'<p class="sb-default-decision">{DEFAULT_DECISION}</p>' in page
    assert '<li class="sb-decision sb-decision--failed">' in page and "<strong>Roll back.</strong>" in page
    assert '<span class="sb-label">Mitigation</span> rollback' in page and '<span class="sb-label">Outcome</span> Failed' in page
    assert "<p>No reason recorded.</p>" in page and "<script>" not in page and "&lt;script&gt;" in page
    assert "<strong>To Bob Jones</strong>" in page and "<p>The rollback failed.</p>" in page
    bare = page_of(render(corpus(incidents=[handled_incident()]), at("2026-06-01T12:00Z")), "2026-06-01-api-errors")
    assert 'id="decisions"' in bare and "<p>No decisions recorded.</p>" in bare and 'id="escalations"' not in bare
