"""statusbook incident business-impact."""

from __future__ import annotations

from pathlib import Path

from tests.responder.conftest import OPEN_ID, OPEN_PATH, errors_in, run

CHECKOUT = "2026-09-16-checkout-payments-failing"


def test_records_the_given_keys_and_the_exec_summary_shows_them(portal: Path) -> None:
    """Each option sets one key; the command says what changed, and the exec message carries it."""
    result = run(portal, "incident", "business-impact", OPEN_ID, "--users", "About 2,000 API clients saw slow responses",
                 "--data-loss", "none")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{OPEN_ID}: recorded its business impact (users, data loss); status monitoring")
    text = (portal / OPEN_PATH).read_text()
    assert "business_impact:\n  users: About 2,000 API clients saw slow responses\n  data_loss: none\n" in text
    assert errors_in(portal, OPEN_PATH) == []
    summary = run(portal, "comms", OPEN_ID, "--template", "exec", person=None).output.splitlines()
    assert summary[-2:] == ["Users affected: About 2,000 API clients saw slow responses", "Data loss: none"]


def test_one_key_changes_and_the_others_stay(portal: Path) -> None:
    """Setting revenue on a resolved SEV1 replaces it and keeps users and data loss."""
    result = run(portal, "incident", "business-impact", CHECKOUT, "--revenue", "EUR 38k lost to abandoned checkouts")
    assert result.exit_code == 0, result.output
    text = (portal / f"incidents/2026/{CHECKOUT}.md").read_text()
    assert "  users: About 41,000 card payment attempts failed" in text
    assert "  revenue: EUR 38k lost to abandoned checkouts\n  data_loss: None." in text


def test_nothing_given_or_nothing_new_changes_nothing(portal: Path) -> None:
    """No option is a usage error (exit 2); the same text again is refused (exit 1); the record is unchanged."""
    before = (portal / OPEN_PATH).read_text()
    result = run(portal, "incident", "business-impact", OPEN_ID)
    assert result.exit_code == 2 and "give --users, --revenue or --data-loss" in result.output
    path = portal / f"incidents/2026/{CHECKOUT}.md"
    kept = path.read_text()
    result = run(portal, "incident", "business-impact", CHECKOUT, "--data-loss",
                 "None. 3,100 pending payments were settled or voided; no card was charged twice.")
    assert result.exit_code == 1 and "already records this business impact" in result.output
    assert (portal / OPEN_PATH).read_text() == before and path.read_text() == kept
