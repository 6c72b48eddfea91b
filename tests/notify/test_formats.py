"""The messages as receivers see them: Statuspage's webhook shape, a chat message, a threaded email."""

from __future__ import annotations

from tests.notify.conftest import LATER, add_update

RECORD = "2026-11-23-api-increased-latency"
TITLE = "Increased latency on the Public API and webhooks"


def send_two(run, title_suffix: str = "") -> None:
    """Take a baseline, then post two new updates (the second resolves the incident) and send them."""
    run()
    add_update(run.root, RECORD, "2026-11-23T18:10:00Z", "monitoring", "Traffic is returning to the zone.", "2026-11-23T18:40:00Z")
    add_update(run.root, RECORD, "2026-11-23T18:25:00Z", "resolved", "All traffic is back; this incident is resolved.")
    if title_suffix:
        path = next(run.root.glob(f"incidents/*/{RECORD}.md"))
        path.write_text(path.read_text().replace(f"title: {TITLE}", f"title: {TITLE}{title_suffix}", 1))
    outcome = run(LATER)
    assert not outcome.failures, outcome.failures


def test_the_webhook_body_has_statuspage_incident_webhook_shape(run, http, smtp):
    send_two(run)
    first, last = (r.json() for r in http.on("/hook"))
    assert set(last) >= {"meta", "page", "incident"}
    assert set(last["page"]) >= {"id", "status_indicator", "status_description"}
    incident = last["incident"]
    assert incident["name"] == TITLE and incident["status"] == "resolved" and incident["impact"] == "minor"
    assert incident["shortlink"] == f"https://status.acme.example/incidents/{RECORD}/"
    assert [c["id"] for c in incident["components"]] == ["api", "webhooks"]
    assert [u["status"] for u in incident["incident_updates"]][:3] == ["resolved", "monitoring", "monitoring"]
    assert len(incident["incident_updates"]) == 6 and len(first["incident"]["incident_updates"]) == 5
    assert first["incident"]["status"] == "monitoring" and first["incident"]["resolved_at"] is None


def test_the_webhook_content_type_is_json(run, http, smtp):
    send_two(run)
    assert http.on("/hook")[0].headers["Content-Type"].startswith("application/json")


def test_the_chat_message_has_title_status_text_components_and_link(run, http, smtp):
    send_two(run)
    body = http.on("/slack")[-1].json()
    attachment = body["attachments"][0]
    assert attachment["title"] == TITLE
    assert attachment["title_link"] == f"https://status.acme.example/incidents/{RECORD}/"
    assert attachment["text"] == "All traffic is back; this incident is resolved."
    assert {f["title"]: f["value"] for f in attachment["fields"]} == {"Status": "Resolved", "Components": "Public API, Webhooks"}
    assert body["text"].startswith("[Resolved] <https://status.acme.example/incidents/")


def test_chat_text_cannot_mention_everyone(run, http, smtp):
    send_two(run, " <!channel> & co")
    attachment = http.on("/slack")[-1].json()["attachments"][0]
    assert "<!channel>" not in str(http.on("/slack")[-1].json()) and attachment["title"].endswith("&lt;!channel&gt; &amp; co")


def test_emails_have_the_status_in_the_subject_and_are_threaded_per_incident(run, http, smtp):
    send_two(run)
    first, last = smtp.messages
    assert first["Subject"] == f"[Monitoring] {TITLE}" and last["Subject"] == f"[Resolved] {TITLE}"
    root = f"<{RECORD}.1.update.mail@status.acme.example>"
    ids = [{k: (m[k] or "").strip() for k in ("Message-ID", "In-Reply-To", "References")} for m in (first, last)]
    assert ids[0]["In-Reply-To"] == ids[1]["In-Reply-To"] == ids[0]["References"] == root  # long ids fold onto a new line
    assert ids[0]["Message-ID"] != ids[1]["Message-ID"] and root not in (ids[0]["Message-ID"], ids[1]["Message-ID"])
    assert last["List-Unsubscribe"] == "<mailto:leave@lists.acme.example>"
    assert smtp.envelopes[0].rcpt_tos == ["customers@lists.acme.example"]


def test_emails_carry_plain_text_and_html(run, http, smtp):
    send_two(run)
    mail = smtp.messages[-1]
    text, html = (mail.get_body(preferencelist=(kind,)).get_content() for kind in ("plain", "html"))
    assert "All traffic is back" in text and f"https://status.acme.example/incidents/{RECORD}/" in text
    assert "<h1>Increased latency on the Public API and webhooks</h1>" in html


def test_a_title_cannot_inject_an_email_header(run, http, smtp):
    send_two(run, '"\r\nBcc: victim@example.com')
    mail = smtp.messages[-1]
    assert mail["Bcc"] is None and "\n" not in mail["Subject"] and "\r" not in mail["Subject"]
    assert all(r == "customers@lists.acme.example" for e in smtp.envelopes for r in e.rcpt_tos)
