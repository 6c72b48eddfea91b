"""statusbook triage: the severity decision tree and its command."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.cli import triage as triage_cli
from generator.model.site import Severity, Site
from generator.responder.errors import UsageProblem
from generator.responder.triage import QUESTIONS, decide, from_answers, refuse_to_ask, severity_for
from tests.responder.conftest import run

KEYS = [q.key for q in QUESTIONS]


def answers(**given: bool):
    """Answer from keyword arguments; a question not given fails the test, so each case shows what the tree reads."""

    def ask(question) -> bool:
        """Return the case's answer to ``question``."""
        if question.key not in given:
            raise AssertionError(f"the tree asked {question.key}, which this case does not answer")
        return given[question.key]

    return ask


@pytest.mark.parametrize(("given", "level"), [
    ({"revenue": True}, 1),
    ({"revenue": False, "critical_workflow": True, "users_over_10pct": True, "workaround": False}, 1),
    ({"revenue": False, "critical_workflow": True, "users_over_10pct": True, "workaround": True}, 2),
    ({"revenue": False, "critical_workflow": False, "users_over_10pct": True}, 2),
    ({"revenue": False, "critical_workflow": True, "users_over_10pct": False, "workaround": False}, 2),
    ({"revenue": False, "critical_workflow": True, "users_over_10pct": False, "workaround": True}, 3),
    ({"revenue": False, "critical_workflow": False, "users_over_10pct": False, "user_impact": True}, 3),
    ({"revenue": False, "critical_workflow": False, "users_over_10pct": False, "user_impact": False}, 4),
])
def test_tree_levels(given: dict, level: int) -> None:
    """Each path of the tree ends at its documented level, asking only the questions it needs."""
    verdict = decide(answers(**given))
    assert verdict.level == level
    assert {q.key for q, _ in verdict.answers} == set(given)


def test_reason_says_why() -> None:
    """The verdict explains the branch taken."""
    verdict = decide(answers(revenue=False, critical_workflow=True, users_over_10pct=False, workaround=True))
    assert verdict.reason == "a critical workflow is broken, but a workaround exists"


def test_given_answers_come_first_and_missing_ones_are_refused() -> None:
    """Flags answer first; a question the tree needs and nobody answered is a usage problem naming both flags."""
    given = {key: None for key in KEYS} | {"revenue": False, "critical_workflow": False}
    with pytest.raises(UsageProblem, match=r"pass --users-over-10pct or --no-users-over-10pct"):
        decide(from_answers(given, refuse_to_ask))
    assert decide(from_answers({"revenue": True}, refuse_to_ask)).level == 1


def severity(severity_id: str) -> Severity:
    """Build a severity with placeholder targets."""
    hour = timedelta(hours=1)
    return Severity(severity_id, severity_id, hour, hour, hour, False)


def test_levels_map_in_order_and_a_short_list_maps_to_its_last() -> None:
    """Levels follow the configured order; with two severities, levels 2 to 4 are the second."""
    site = Site("S", ZoneInfo("UTC"), severities=(severity("P1"), severity("P2")))
    assert [severity_for(site, level).id for level in (1, 2, 3, 4)] == ["P1", "P2", "P2", "P2"]
    with pytest.raises(UsageProblem, match="no severities"):
        severity_for(replace(site, severities=()), 1)


def test_command_prints_severity_reason_and_targets(portal: Path) -> None:
    """With flags, the example site's SEV2 and its targets from statusbook.yml are printed."""
    result = run(portal, "triage", "--no-revenue", "--critical-workflow", "--users-over-10pct", "--workaround", person=None)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Severity: SEV2 (Major): More than 10% of users impacted, or a critical workflow degraded."
    assert lines[1] == "Why: more than 10% of users are affected (level 2 of 4)."
    assert "  response (detection to acknowledgement): 15 min" in lines
    assert "  resolve, the MTTR target (detection to resolution): 24 h" in lines
    assert "  status updates: at least every 1 h" in lines
    assert "  postmortem: required" in lines


def test_command_with_next_business_day_target(portal: Path) -> None:
    """No user impact is SEV4, whose response target is the next business day."""
    result = run(portal, "triage", "--no-revenue", "--no-critical-workflow", "--no-users-over-10pct",
                 "--no-user-impact", person=None)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Severity: SEV4 (Low)")
    assert "  response (detection to acknowledgement): the end of the next business day\n" in result.output
    assert "  postmortem: not required\n" in result.output


def test_missing_answer_without_a_terminal_is_a_usage_error(portal: Path) -> None:
    """Without a TTY the command cannot ask: exit 2 naming the flag."""
    result = run(portal, "triage", "--no-revenue", person=None)
    assert result.exit_code == 2
    assert "pass --critical-workflow or --no-critical-workflow" in result.output
    assert "Traceback" not in result.output


def test_missing_answers_are_asked_on_a_terminal(portal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a TTY the unanswered questions the tree reaches are asked with click.confirm."""
    monkeypatch.setattr(triage_cli, "stdin_is_terminal", lambda: True)
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(cli, ["triage", "--root", str(portal), "--no-revenue"], input="n\nn\ny\n")
    assert result.exit_code == 0, result.output
    assert "Is a critical workflow broken" in result.output and "Is there any user impact at all?" in result.output
    assert "Is there a workaround" not in result.output
    assert "Severity: SEV3 (Minor)" in result.output


def test_help_documents_the_tree_and_an_example(portal: Path) -> None:
    """--help shows the decision tree and an example."""
    result = run(portal, "triage", "--help", person=None)
    assert result.exit_code == 0
    assert "no user impact" in result.output and "-> level 4" in result.output
    assert "Example" in result.output and "statusbook triage --no-revenue" in result.output
