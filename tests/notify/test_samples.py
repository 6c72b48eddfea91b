"""The sample messages in docs/notifications.md are the ones the code sends today."""

from __future__ import annotations

from pathlib import Path

from generator.loading.corpus import load_root
from generator.notify import samples

REPO = Path(__file__).resolve().parents[2]


def test_the_samples_in_the_documentation_are_current():
    doc = (REPO / samples.DOC).read_text(encoding="utf-8")
    made = samples.samples(load_root(REPO).corpus)
    assert samples.SAMPLE.findall(doc) and {m[1] for m in samples.SAMPLE.findall(doc)} == set(made)
    assert samples.fill(doc, made) == doc, "docs/notifications.md is out of date: run make reference"


def test_the_email_sample_has_the_status_in_its_subject_and_threads():
    email = samples.samples(load_root(REPO).corpus)["email"]
    assert "Subject: [Monitoring] Increased latency on the Public API and webhooks\n" in email
    assert "In-Reply-To:" in email and "List-Unsubscribe: <mailto:" in email
