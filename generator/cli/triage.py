"""The ``triage`` command: walk the severity decision tree and print the severity and its targets."""

from __future__ import annotations

import sys

import click

from generator.cli.options import now_option, root_option, run_responder, workspace


def stdin_is_terminal() -> bool:
    """Whether questions can be asked on standard input."""
    return sys.stdin is not None and sys.stdin.isatty()


def confirm(question) -> bool:
    """Ask one question of the tree on the terminal."""
    return click.confirm(question.prompt)


def answer_flag(key: str, flag: str, meaning: str):
    """Return a --FLAG/--no-FLAG option that answers one question; unset means not answered."""
    return click.option(f"--{flag}/--no-{flag}", key, default=None, help=meaning)


@click.command()
@answer_flag("revenue", "revenue", "Revenue is (not) impacted.")
@answer_flag("users_over_10pct", "users-over-10pct", "More than 10% of users are (not) affected.")
@answer_flag("critical_workflow", "critical-workflow", "A critical workflow is (not) broken.")
@answer_flag("workaround", "workaround", "A workaround is (not) available.")
@answer_flag("user_impact", "user-impact", "There is (no) user impact at all.")
@root_option
@now_option
def triage(root, now, **answers) -> None:
    """Walk the severity decision tree and print the severity, why, and its targets.

    \b
    The tree, first match wins:
      1. revenue impacted                                          -> level 1
      2. critical workflow broken for >10% of users, no workaround -> level 1
      3. >10% of users affected, or critical workflow broken
         without a workaround                                      -> level 2
      4. critical workflow broken with a workaround, or any other
         user impact                                               -> level 3
      5. no user impact                                            -> level 4
    Levels map to the severities of statusbook.yml in their order (most severe
    first); with fewer than four severities the rest map to the last one.

    Only the questions the tree reaches are needed. Unanswered ones are asked
    when stdin is a terminal; otherwise a missing answer is a usage error.

    \b
    Examples:
      statusbook triage
      statusbook triage --no-revenue --critical-workflow --users-over-10pct --workaround
    """
    from generator.responder.triage import decide, describe, from_answers, refuse_to_ask, severity_for

    def answer() -> list[str]:
        """Load the site, walk the tree and describe where it ends."""
        ws = workspace(root, now, None, identify=False)
        verdict = decide(from_answers(answers, confirm if stdin_is_terminal() else refuse_to_ask))
        return describe(verdict, severity_for(ws.site, verdict.level))

    run_responder(answer)


def register(group: click.Group) -> None:
    """Add the triage command to ``group``."""
    group.add_command(triage)
