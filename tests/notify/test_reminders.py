"""Reminders for the clock: due and overdue updates for the team, maintenance windows for everyone."""

from __future__ import annotations

import io

import pytest

from tests.notify.conftest import public_channels, round_trip, set_channels

RECORD = "2026-11-23-api-increased-latency"
WINDOW = "2026-12-02-api-database-upgrade"


@pytest.fixture
def team(run, http, smtp):
    """The portal with one internal chat channel besides the public ones, and a baseline taken at NOW."""
    set_channels(run.root, public_channels(http, smtp) + [{"id": "team", "type": "slack", "audience": "internal", "url": http.url("/team")}])
    run()
    return run


def texts(http, path="/team") -> list[str]:
    """The attachment texts received on a path."""
    return [r.json()["attachments"][0]["text"] for r in http.on(path)]


def edit(root, record: str, change) -> None:
    """Change a record's front matter with ``change(front)``."""
    path = next(root.glob(f"incidents/*/{record}.md"))
    _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
    yaml = round_trip()
    front = yaml.load(front_text)
    change(front)
    out = io.StringIO()
    yaml.dump(front, out)
    path.write_text("---\n" + out.getvalue() + "---\n" + body, encoding="utf-8")


def test_the_team_is_reminded_once_before_an_update_is_due(team, http):
    assert team("2026-11-23T18:15:00Z").sent == []
    sent = team("2026-11-23T18:22:00Z").sent
    assert [m.key for m in sent] == [f"{RECORD}/update-4/due-10m/team"]
    assert texts(http) == ["Update due in 8 minutes (2026-11-23 18:30 UTC); owner: Julia Santos."]
    assert team("2026-11-23T18:25:00Z").sent == []


def test_the_team_is_told_once_when_an_update_is_overdue(team, http):
    sent = team("2026-11-23T18:31:00Z").sent
    assert [m.key for m in sent] == [f"{RECORD}/update-4/overdue/team"]
    assert texts(http) == ["Update overdue since 2026-11-23 18:30 UTC; owner: Julia Santos."]
    assert team("2026-11-23T18:50:00Z").sent == []


def test_public_channels_get_no_due_reminders(team, http, smtp):
    team("2026-11-23T18:22:00Z")
    team("2026-11-23T18:31:00Z")
    assert http.on("/hook") == http.on("/slack") == [] and smtp.envelopes == []


def handoff(acknowledged: bool):
    """A handoff of the API incident from julia to farah."""
    def change(front) -> None:
        front["handoffs"] = [{"at": "2026-11-23T17:40:00Z", "from": "julia", "to": "farah",
                              **({"acknowledged_at": "2026-11-23T17:45:00Z"} if acknowledged else {}),
                              "status": "Traffic out of the bad zone.", "next_steps": "Return traffic gradually.",
                              "next_update": "2026-11-23T18:30:00Z"}]
        front["commander"] = "farah" if acknowledged else "julia"
    return change


@pytest.mark.parametrize(("acknowledged", "owner"), [(True, "Farah"), (False, "Julia")])
def test_the_reminder_names_the_owner_after_acknowledged_handoffs(team, http, acknowledged, owner):
    edit(team.root, RECORD, handoff(acknowledged))
    outcome = team("2026-11-23T18:31:00Z")
    assert not outcome.failures and outcome.report.errors == 0, [p.message for p in outcome.report.problems if p.level.name == "ERROR"]
    assert texts(http)[0].split("owner: ")[1].startswith(owner)


def test_maintenance_is_announced_a_day_and_an_hour_before_and_when_it_starts_and_ends(team, http, smtp):
    moments = ["2026-12-01T05:30:00Z", "2026-12-01T06:00:00Z", "2026-12-02T04:30:00Z", "2026-12-02T05:10:00Z",
               "2026-12-02T06:40:00Z", "2026-12-02T07:00:00Z"]
    kinds = [sorted({m.kind for m in team(t).sent if m.channel.id == "hooks"}) for t in moments]
    assert kinds == [["maintenance_soon"], [], ["maintenance_soon"], ["maintenance_started"], ["maintenance_ended"], []]
    assert [t for t in texts(http, "/slack")] == [
        "Maintenance starts in 23 hours 30 minutes, at 2026-12-02 05:00 UTC, until 2026-12-02 06:30 UTC.",
        "Maintenance starts in 30 minutes, at 2026-12-02 05:00 UTC, until 2026-12-02 06:30 UTC.",
        "Maintenance window started at 2026-12-02 05:00 UTC; planned until 2026-12-02 06:30 UTC.",
        "Maintenance window planned to end at 2026-12-02 06:30 UTC has ended.",
    ]
    assert [m["Subject"] for m in smtp.messages][0] == "[Maintenance soon] Planned maintenance: Public API database upgrade"


def test_a_moved_window_is_announced_again(team, http):
    team("2026-12-01T05:30:00Z")
    edit(team.root, WINDOW, lambda f: f.update(scheduled_for="2026-12-03T05:00:00Z", scheduled_until="2026-12-03T06:30:00Z"))
    sent = [m for m in team("2026-12-02T06:00:00Z").sent if m.channel.id == "hooks"]
    assert [m.key for m in sent] == [f"{WINDOW}/window-20261203T0500Z/starts-in-1440m/hooks"]


def test_a_baseline_takes_current_reminders_as_sent(run, http, smtp):
    set_channels(run.root, [{"id": "team", "type": "slack", "audience": "internal", "url": http.url("/team")}])
    assert run("2026-11-23T18:31:00Z").sent == [] and http.received == []
    assert f"{RECORD}/update-4/overdue/team" in run.state.read_text()


def test_remind_before_is_configurable(run, http):
    set_channels(run.root, [{"id": "team", "type": "slack", "audience": "internal", "url": http.url("/team"),
                             "remind_before": ["20m", "5m"]}])
    run()
    assert [m.key.split("/")[2] for m in run("2026-11-23T18:12:00Z").sent] == ["due-20m"]
    assert [m.key.split("/")[2] for m in run("2026-11-23T18:27:00Z").sent] == ["due-5m"]
