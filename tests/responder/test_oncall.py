"""statusbook oncall: the example rotations, with overrides and a DST handover."""

from __future__ import annotations

from pathlib import Path

from tests.responder.conftest import run


def oncall(root: Path, *args: str) -> list[str]:
    """Run statusbook oncall and return its lines."""
    result = run(root, "oncall", *args, person=None)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_every_rotation_now(portal: Path) -> None:
    """Without a rotation, each rotation is listed with its current and next person."""
    assert oncall(portal) == [
        "data-platform-oncall (Data platform on-call)",
        "  on duty: chen, backup hana, until 2026-11-30 10:00 JST",
        "  next:    hana, from 2026-11-30 10:00 JST",
        "incident-managers (Incident managers)",
        "  on duty: julia, backup bruno, until 2026-11-30 10:00 CET",
        "  next:    bruno, from 2026-11-30 10:00 CET",
        "platform-oncall (Platform on-call)",
        "  on duty: farah, backup hana, until 2026-11-25 09:00 EST",
        "  next:    hana, from 2026-11-25 09:00 EST",
    ]


def test_handover_across_the_end_of_summer_time(portal: Path) -> None:
    """Monday 26 October 2026 09:30 CET is still julia's shift: the handover is 10:00 CET, 09:00Z."""
    lines = oncall(portal, "incident-managers", "--at", "2026-10-26T08:30:00Z")
    assert lines[1:] == ["  on duty: julia, backup bruno, until 2026-10-26 10:00 CET", "  next:    bruno, from 2026-10-26 10:00 CET"]
    lines = oncall(portal, "incident-managers", "--at", "2026-10-26T09:00:00Z")
    assert lines[1].startswith("  on duty: bruno, backup alice")


def test_override_is_applied(portal: Path) -> None:
    """On 24 December Dana covers Gustav; Gustav takes over again when the override ends."""
    lines = oncall(portal, "incident-managers", "--at", "2026-12-24T09:00:00+01:00")
    assert lines[1] == "  on duty: dana, backup julia (override: Holiday swap - Dana covers Christmas for Gustav.), until 2026-12-27 00:00 CET"
    assert lines[2] == "  next:    gustav, from 2026-12-27 00:00 CET"


def test_unknown_rotation_is_a_usage_error(portal: Path) -> None:
    """A rotation id that is not in rotations/ exits 2 and lists the known ones."""
    result = run(portal, "oncall", "nope", person=None)
    assert result.exit_code == 2
    assert "unknown rotation 'nope'; rotations/ holds: data-platform-oncall, incident-managers, platform-oncall" in result.output
