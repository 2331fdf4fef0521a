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


def recall(
    state: State, memory: Mapping[str, Any], epoch: int = 0, shared: bool = False
) -> State:
    """Start a session from what was remembered; a later visit gets the one-breath safety check.

    The epoch (how often the record was forgotten) travels with the session, so a save made after
    "forget me" in another session is refused rather than writing the record back. On a shared
    device (no recognised speaker) nothing comes back until the person asks for it (`bring_back`):
    whoever is in the room would otherwise hear another member of the household's health details.
    """
    kept = {k: memory[k] for k in KEYS if k in memory}
    if shared:  # kept as the snapshot that saves are measured against, but not used or said
        health = any(key != DISCLAIMER for key in kept)
        return state.with_(memory_epoch=epoch, memory=kept, withheld=health)
    return _restored(state.with_(memory_epoch=epoch), kept)


def bring_back(state: State) -> State:
    """The person asked to pick up where they left off: what was held back now counts."""
    if not state.withheld:
        return state
    return _restored(state.with_(withheld=False), state.memory)


def _restored(state: State, kept: Mapping[str, Any]) -> State:
    """The remembered values, where this session has not said newer ones."""
    onset = kept.get(ONSET) if isinstance(kept.get(ONSET), str) else None
    condition = kept.get(CONDITION) if isinstance(kept.get(CONDITION), str) else None
    return state.with_(
        onset=state.onset or onset,
        onset_before=state.onset_before or (None if state.onset else onset),
        last_condition=state.last_condition or condition,
        disclaimer_heard=bool(kept.get(DISCLAIMER)) or state.disclaimer_heard,
        returning=kept.get(SCREENING) == triage.SAFE and not state.screened,
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
