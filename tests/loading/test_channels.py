"""The notify: section of statusbook.yml: channels load into the model, and every refusal has a code and a position."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.model.notify import Channel
from generator.validate import validate

REPO = Path(__file__).resolve().parents[2]


def portal(tmp_path: Path, notify: str) -> Path:
    """A portal with the example configuration, no records, and ``notify`` appended to statusbook.yml."""
    root = tmp_path / "portal"
    root.mkdir()
    shutil.copy(REPO / "people.yml", root / "people.yml")
    config = (REPO / "statusbook.yml").read_text(encoding="utf-8")
    (root / "statusbook.yml").write_text(config + "notify:\n" + notify, encoding="utf-8")
    return root


def problems(root: Path) -> list[tuple[str, int, int, str]]:
    """Validate and return the statusbook.yml problems as (code, line, column, message)."""
    report = validate(root, parse_now("2026-11-23T18:00:00Z"))
    return [(p.code, p.line, p.column, p.message) for p in report.problems if p.path == "statusbook.yml"]


def first_line(root: Path) -> int:
    """The line of statusbook.yml that opens the notify: section."""
    return (root / "statusbook.yml").read_text().splitlines().index("notify:") + 1


def test_channels_load_into_the_model_with_references_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAT_URL", "https://chat.example/hooks/abc")
    root = portal(tmp_path, "  signup_url: https://lists.acme.example/join\n  channels:\n"
                            "    - {id: chat, type: slack, url: '${CHAT_URL}', components: [api], remind_before: [30m]}\n"
                            "    - {id: mail, type: email, smtp_host: smtp.acme.example, from: s@acme.example, to: [l@acme.example]}\n")
    assert problems(root) == []
    notify = load_root(root).corpus.site.notify
    chat, mail = notify.channels
    assert notify.signup_url == "https://lists.acme.example/join"
    assert chat.url == "${CHAT_URL}" and chat.components == ("api",) and chat.audience == "public"
    assert mail == Channel("mail", "email", smtp_host="smtp.acme.example", from_address="s@acme.example", to=("l@acme.example",))


def test_a_missing_environment_variable_names_the_channel_and_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_SUCH_SECRET", raising=False)
    root = portal(tmp_path, "  channels:\n    - id: hooks\n      type: webhook\n      url: https://h.example/x\n"
                            "      secret: ${NO_SUCH_SECRET}\n")
    line = first_line(root)
    [(code, at, column, message)] = problems(root)
    assert (code, at, column) == ("S011", line + 5, 15)
    assert "notify channel 'hooks'" in message and "NO_SUCH_SECRET" in message


@pytest.mark.parametrize("url", ["ftp://h.example/x", "file:///etc/passwd", "javascript:alert(1)", "h.example/x"])
def test_only_http_and_https_urls_are_sent_to(tmp_path, url):
    root = portal(tmp_path, f"  channels:\n    - id: hooks\n      type: webhook\n      url: '{url}'\n")
    [(code, at, column, message)] = problems(root)
    assert (code, at, column) == ("S012", first_line(root) + 4, 12) and "only http and https" in message


def test_a_url_from_the_environment_must_be_http_too(tmp_path, monkeypatch):
    monkeypatch.setenv("HOOK_URL", "gopher://h.example/")
    root = portal(tmp_path, "  channels:\n    - {id: hooks, type: webhook, url: '${HOOK_URL}'}\n")
    [(code, _, _, message)] = problems(root)
    assert code == "S012" and "${HOOK_URL}" in message and "gopher" not in message


def test_an_unknown_channel_type_is_refused_with_a_suggestion(tmp_path):
    root = portal(tmp_path, "  channels:\n    - {id: pager, type: webhooks, url: 'https://h.example/'}\n")
    [(code, _, _, message)] = problems(root)
    assert code == "S004" and "did you mean 'webhook'" in message


def test_a_channel_lacking_what_its_type_needs_is_refused(tmp_path):
    root = portal(tmp_path, "  channels:\n    - {id: mail, type: email, to: [a@acme.example]}\n")
    found = problems(root)
    assert {(c, m.split(": ", 1)[1]) for c, _, _, m in found} == {
        ("S012", "email channels need 'smtp_host'"), ("S012", "email channels need 'from'")}


def test_a_line_break_in_an_address_is_refused(tmp_path):
    root = portal(tmp_path, "  channels:\n    - id: mail\n      type: email\n      smtp_host: smtp.acme.example\n"
                            "      from: s@acme.example\n      to: [\"a@acme.example\\r\\nBcc: b@evil.example\"]\n")
    [(code, at, _, message)] = problems(root)
    assert code == "S012" and at == first_line(root) + 6 and "line break" in message
