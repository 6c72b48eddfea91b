"""Nothing internal reaches a public channel: plant a marker in every internal field and search every message sent."""

from __future__ import annotations

import pytest

from tests.notify.conftest import NOW, SECRET, MailReceiver, Runner, public_channels, receiving, set_channels
from tests.site.conftest import copy_portal
from tests.site.test_leaks import MARK, plant_everything

INTERNAL_IDS = ("ci-runners", "data-warehouse", "2026-06-22-ci-runner-disk-full", "2026-11-23-ci-arm-builds-slow")


@pytest.fixture(scope="module")
def receivers():
    """An HTTP and an SMTP receiver shared by the tests of this module."""
    with receiving() as both:
        yield both


@pytest.fixture(scope="module")
def planted(receivers, tmp_path_factory):
    """Send every update of a portal with markers planted everywhere internal, to public and internal channels."""
    http, smtp = receivers
    root = copy_portal(tmp_path_factory.mktemp("leaks") / "portal")
    plant_everything(root)
    channels = public_channels(http, smtp)
    channels.append({"id": "team", "type": "slack", "audience": "internal", "url": http.url("/team")})
    set_channels(root, channels)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOOK_SECRET", SECRET)
        outcome = Runner(root, root.parent / "notified.json", {"HOOK_SECRET": SECRET})(NOW, since="2000-01-01T00:00:00Z")
    assert not outcome.failures and outcome.sent
    return outcome


@pytest.fixture(scope="module")
def http(receivers):
    """The shared HTTP receiver."""
    return receivers[0]


@pytest.fixture(scope="module")
def smtp(receivers):
    """The shared SMTP receiver."""
    return receivers[1]


def test_every_public_channel_got_every_public_update(planted, http, smtp):
    per_channel = {c: len([m for m in planted.sent if m.channel.id == c]) for c in ("hooks", "chat", "mail")}
    assert per_channel["hooks"] == per_channel["chat"] == per_channel["mail"] > 10
    assert len(http.on("/hook")) == len(smtp.envelopes) == per_channel["hooks"]


def test_no_marker_reaches_any_public_message(planted, http, smtp):
    public = [r.body.decode() + repr(r.headers) for r in http.received if r.path != "/team"] + texts_of_mail(smtp)
    assert [text[max(0, text.index(MARK) - 60): text.index(MARK) + 60] for text in public if MARK in text] == []


def texts_of_mail(smtp: MailReceiver) -> list[str]:
    """Every email received, as headers and decoded parts."""
    found = []
    for mail in smtp.messages:
        parts = [part.get_content() for part in mail.walk() if not part.is_multipart()]
        found.append("\n".join([*(f"{k}: {v}" for k, v in mail.items()), *parts]))
    return found


def test_internal_records_and_components_are_absent_from_public_messages(planted, http, smtp):
    public = [r.body.decode() for r in http.received if r.path != "/team"] + texts_of_mail(smtp)
    assert [(i, t[:80]) for t in public for i in INTERNAL_IDS if i in t] == []


def test_the_internal_channel_does_carry_internal_records(planted, http):
    team = "\n".join(r.body.decode() for r in http.on("/team"))
    assert "2026-11-23-ci-arm-builds-slow" in team and MARK in team
