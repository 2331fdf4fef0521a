"""Pure: red-flag detection, the safety questions' state, and how urgent the situation is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from skill.core import intents
from skill.core.content_types import Content, SafetyQuestion
from skill.core.intents import Act

URGENT = "urgent"
SEE_PROVIDER = "see_provider"
SELF_CARE = "self_care"
_SEVERITY = {None: 0, SELF_CARE: 1, SEE_PROVIDER: 2, URGENT: 3}

SAFE = "safe"
UNSAFE = "unsafe"


def worse(current: str | None, new: str | None) -> str | None:
    """Triage only ever rises within a conversation: red flags win, always."""
    return new if _SEVERITY[new] > _SEVERITY[current] else current


def level_of(flags: Iterable[str], content: Content) -> str | None:
    """The most urgent level among the flags, or None when there are none."""
    level: str | None = None
    for fid in flags:
        level = worse(level, content.red_flags[fid].level)
    return level


def most_urgent_first(flags: Iterable[str], content: Content) -> list[str]:
    """The flags in the order they are said: urgent before see-a-doctor, else as heard."""
    return sorted(flags, key=lambda fid: -_SEVERITY[content.red_flags[fid].level])


def answer_to(act: Act, question: SafetyQuestion) -> str | None:
    """Read a yes, a no, or a statement ('I can walk') as safe or unsafe for this question."""
    if act.intent in (intents.YES, intents.NO):
        said = "yes" if act.intent == intents.YES else "no"
        return SAFE if said == question.safe else UNSAFE
    if act.intent == intents.SAFETY_ANSWER and act.slot("answer") in SAFE_STATEMENTS[question.id]:
        return SAFE
    return None


# SafetyAnswer slot ids that settle each question safely.
SAFE_STATEMENTS: Mapping[str, frozenset[str]] = {
    "fever": frozenset({"no_fever"}),
    "injury": frozenset({"no_injury"}),
    "weight": frozenset({"can_walk"}),
}


def flags_in(act: Act, content: Content, pending: SafetyQuestion | None) -> list[str]:
    """Every red flag this turn raises: a flag slot, or an unsafe answer to the pending question."""
    found: list[str] = []
    flag = act.slot("flag")
    if flag is not None and flag in content.red_flags:
        found.append(flag)
    if pending is not None and answer_to(act, pending) == UNSAFE:
        found.append(pending.flag)
    return list(dict.fromkeys(found))


def next_safety_question(
    content: Content, answers: Mapping[str, str]
) -> SafetyQuestion | None:
    """The first safety question not yet answered safely, in the content's order."""
    for question in content.safety_questions:
        if answers.get(question.id) != SAFE:
            return question
    return None
