"""Pure: which parts of the conversation are remembered between sessions, and how they come back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skill.core import triage
from skill.core.state import State

# The whole of what is kept per user (README, Privacy): nothing else is ever stored.
ONSET = "onset"
CONDITION = "condition"
DISCLAIMER = "disclaimer_heard"
SCREENED_ON = "screened_on"
SCREENING = "screening"
KEYS = (ONSET, CONDITION, DISCLAIMER, SCREENED_ON, SCREENING)


def recall(state: State, memory: Mapping[str, Any], epoch: int = 0) -> State:
    """Start a session from what was remembered; a later visit gets the one-breath safety check.

    The epoch (how often the record was forgotten) travels with the session, so a save made after
    "forget me" in another session is refused rather than writing the record back.
    """
    kept = {k: memory[k] for k in KEYS if k in memory}
    return state.with_(
        memory_epoch=epoch,
        onset=kept.get(ONSET) if isinstance(kept.get(ONSET), str) else None,
        last_condition=kept.get(CONDITION) if isinstance(kept.get(CONDITION), str) else None,
        disclaimer_heard=bool(kept.get(DISCLAIMER)) or state.disclaimer_heard,
        returning=kept.get(SCREENING) == triage.SAFE,
        memory=kept,
    )


# Worth a write of their own at once; the rest can wait for the session's end.
SAVE_AT_ONCE = (ONSET, DISCLAIMER, SCREENED_ON, SCREENING)


def minor_change(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """True when only keys that can wait for the session's end differ."""
    return all(before.get(key) == after.get(key) for key in SAVE_AT_ONCE)


def remembered(state: State) -> dict[str, Any]:
    """What should be stored after this turn, built from the state and what was stored before."""
    if state.forgotten:
        return {}
    kept = dict(state.memory)
    if state.onset:
        kept[ONSET] = state.onset
    if state.condition:
        kept[CONDITION] = state.condition
    if state.disclaimer_heard:
        kept[DISCLAIMER] = True
    if state.screened and state.today:
        kept[SCREENED_ON] = state.today
        kept[SCREENING] = state.screened
    return kept
