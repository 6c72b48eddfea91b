"""The severity decision tree: questions about the impact lead to one of four levels, mapped to the site's severities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.model.decisions import DEFAULT_DECISION
from generator.model.site import Severity, Site
from generator.model.timing import format_duration, format_target
from generator.responder.errors import UsageProblem


@dataclass(frozen=True, slots=True)
class Question:
    """One yes/no question of the tree, with the command-line flag that answers it."""

    key: str
    flag: str
    prompt: str


REVENUE = Question("revenue", "revenue", "Is revenue impacted (payments, checkout, billing, sign-up)?")
CRITICAL = Question("critical_workflow", "critical-workflow", "Is a critical workflow broken (such as login, checkout or the core API)?")
OVER_10PCT = Question("users_over_10pct", "users-over-10pct", "Are more than 10% of users affected?")
WORKAROUND = Question("workaround", "workaround", "Is there a workaround users can apply?")
USER_IMPACT = Question("user_impact", "user-impact", "Is there any user impact at all?")
QUESTIONS = (REVENUE, CRITICAL, OVER_10PCT, WORKAROUND, USER_IMPACT)
LEVELS = 4

Ask = Callable[[Question], bool]


@dataclass(frozen=True, slots=True)
class Verdict:
    """Where the tree ends: a level from 1 (most severe) to 4, the reason, and the answers it used."""

    level: int
    reason: str
    answers: tuple[tuple[Question, bool], ...]


class Walk:
    """Ask each question at most once, remembering the answers in order."""

    def __init__(self, ask: Ask) -> None:
        self.ask = ask
        self.answers: dict[Question, bool] = {}

    def __call__(self, question: Question) -> bool:
        """Return the answer to ``question``, asking it the first time."""
        if question not in self.answers:
            self.answers[question] = bool(self.ask(question))
        return self.answers[question]

    def verdict(self, level: int, reason: str) -> Verdict:
        """End the walk at ``level``."""
        return Verdict(level, reason, tuple(self.answers.items()))


def decide(ask: Ask) -> Verdict:
    """Walk the tree, asking only the questions it needs, and return the level it ends at."""
    walk = Walk(ask)
    if walk(REVENUE):
        return walk.verdict(1, "revenue is impacted")
    critical, wide = walk(CRITICAL), walk(OVER_10PCT)
    if critical and wide and not walk(WORKAROUND):
        return walk.verdict(1, "a critical workflow is broken for more than 10% of users, with no workaround")
    if wide:
        return walk.verdict(2, "more than 10% of users are affected")
    if critical and not walk(WORKAROUND):
        return walk.verdict(2, "a critical workflow is broken, with no workaround")
    if critical:
        return walk.verdict(3, "a critical workflow is broken, but a workaround exists")
    if walk(USER_IMPACT):
        return walk.verdict(3, "some users are impacted")
    return walk.verdict(4, "there is no user impact")


def from_answers(given: dict[str, bool | None], ask: Ask) -> Ask:
    """Answer from ``given`` (question key -> answer or None), falling back to ``ask``."""

    def answer(question: Question) -> bool:
        """Return the given answer, else ask."""
        known = given.get(question.key)
        return ask(question) if known is None else known

    return answer


def refuse_to_ask(question: Question) -> bool:
    """Refuse a question that cannot be asked: name the flags that answer it."""
    raise UsageProblem(f"the decision tree needs an answer to '{question.prompt}'; "
                       f"pass --{question.flag} or --no-{question.flag} (stdin is not a terminal, so it cannot ask)")


def severity_for(site: Site, level: int) -> Severity:
    """Map a level to the site's severities, most severe first; a short list maps the rest to its last."""
    if not site.severities:
        raise UsageProblem("statusbook.yml defines no severities")
    return site.severities[min(level, len(site.severities)) - 1]


def yes_no(answer: bool) -> str:
    """Render an answer."""
    return "yes" if answer else "no"


def describe(verdict: Verdict, severity: Severity) -> list[str]:
    """Render the verdict, its reason, the answers and the severity's targets as lines."""
    meaning = f": {severity.description}" if severity.description else ""
    return [
        f"Severity: {severity.id} ({severity.name}){meaning}",
        f"Why: {verdict.reason} (level {verdict.level} of {LEVELS}).",
        *(f"  {question.prompt} {yes_no(answer)}" for question, answer in verdict.answers),
        "Targets:",
        f"  response (detection to acknowledgement): {format_target(severity.response)}",
        f"  resolve, the MTTR target (detection to resolution): {format_target(severity.resolve)}",
        f"  status updates: at least every {format_duration(severity.update_every)}",
        f"  postmortem: {'required' if severity.postmortem else 'not required'}",
        f"Mitigation: {DEFAULT_DECISION} Log it: statusbook incident decide ID --mitigation rollback --decision ... --why ...",
        f"Declare it: statusbook incident new --severity {severity.id} --title ... --component ID=IMPACT",
    ]
