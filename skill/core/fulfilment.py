"""Pure: can the skill understand and fulfil a request Alexa is thinking of routing to it?

Alexa asks this (CanFulfillIntentRequest) before a name-free request such as "Alexa, what helps
hip pain?" reaches any skill. The answer must change nothing: no memory, no session, no timer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from skill.core import intents
from skill.core.care import reminder_seconds
from skill.core.timeline import date_value, duration_days

YES = "YES"
NO = "NO"
MAYBE = "MAYBE"

# What someone can open the skill with and have answered (after the safety questions, which are
# part of the answer, not a reason to decline).
ENTRY_INTENTS = frozenset({
    intents.DESCRIBE, intents.STARTED, intents.ABOUT, intents.RED_FLAG, intents.SELF_CARE,
    intents.FORGET_ME, *intents.TOPIC_INTENTS,
})
# Fulfilled only once the person grants Alexa a permission, which the skill may have to ask for.
PERMISSION_INTENTS = frozenset({intents.ICE_TIMER, intents.ICE_REMINDER})
# Everything else (yes, no, an answer, next, help, stop) means something only inside a
# conversation with the skill, so it is never claimed from outside one.

# Built-in slot types read by the core: a value these cannot read is not understood.
_READERS: Mapping[str, Callable[[str], Any]] = {"started": date_value, "duration": duration_days}
# The same slot read as the intent reads it: a reminder can't be a century away.
_INTENT_READERS: Mapping[tuple[str, str], Callable[[str], Any]] = {
    (intents.ICE_REMINDER, "duration"): reminder_seconds,
}


class SlotHeard(NamedTuple):
    """One filled slot as Alexa sent it: its value and, for custom types, whether it resolved."""

    value: str
    resolved: bool | None  # True: an entity-resolution match; False: none; None: built-in type


class SlotVerdict(NamedTuple):
    can_understand: str
    can_fulfill: str


class Verdict(NamedTuple):
    """The whole answer: for the intent, and for each slot Alexa filled."""

    can_fulfill: str
    slots: Mapping[str, SlotVerdict]


def can_fulfil(intent: str, slots: Mapping[str, SlotHeard], locale_known: bool = True) -> Verdict:
    """YES when every filled slot is understood, MAYBE when some are not or a permission is
    needed, NO for intents that only make sense mid-conversation, or a locale without content."""
    if not locale_known or intent not in ENTRY_INTENTS | PERMISSION_INTENTS:
        return Verdict(NO, {})
    verdicts = {name: _slot(intent, name, heard) for name, heard in slots.items()}
    understood = all(v.can_understand == YES for v in verdicts.values())
    if intent in PERMISSION_INTENTS or not understood:
        return Verdict(MAYBE, verdicts)
    return Verdict(YES, verdicts)


def _slot(intent: str, name: str, heard: SlotHeard) -> SlotVerdict:
    """A resolved custom value, or a built-in value the core can read, is understood."""
    if heard.resolved is None:
        reader = _INTENT_READERS.get((intent, name)) or _READERS.get(name)
        if reader is None:
            return SlotVerdict(MAYBE, NO)
        ok = reader(heard.value) is not None
    else:
        ok = heard.resolved
    return SlotVerdict(YES, YES) if ok else SlotVerdict(NO, NO)
