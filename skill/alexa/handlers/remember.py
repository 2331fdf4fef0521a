"""Brings back and stores what the skill remembers, around the pure core's turn."""

from __future__ import annotations

from datetime import UTC, datetime

from ask_sdk_core.handler_input import HandlerInput

from skill.alexa.memory_access import REFUSED, memory_of
from skill.core.memory import KEYS, minor_change, recall, remembered
from skill.core.state import State


def today(handler_input: HandlerInput) -> str:
    """The request's date (Alexa's timestamp, UTC), so tests and the simulator control the clock."""
    stamp = getattr(handler_input.request_envelope.request, "timestamp", None)
    if not isinstance(stamp, datetime):
        stamp = datetime.now(UTC)
    return stamp.date().isoformat()


def load(handler_input: HandlerInput, state: State) -> State:
    """At a session's first request only, bring back what was remembered."""
    if state.started:
        return state
    memory = memory_of(handler_input)
    record = memory.load(KEYS)
    return recall(state, record.attributes, record.epoch, shared=memory.shared)


def save(handler_input: HandlerInput, state: State, ending: bool = False) -> State:
    """Store the remembered part of the state if, and only if, it changed.

    Minor changes (the matched condition, the disclaimer heard) wait for a change that matters
    or for the session's end, so a conversation costs one write, not three.
    """
    if state.forgotten:
        return state
    kept = remembered(state)
    if kept == state.memory or (not ending and minor_change(state.memory, kept)):
        return state
    outcome = memory_of(handler_input).save(state.memory, kept, state.memory_epoch, KEYS)
    if outcome == REFUSED:  # "forget me" was said in another session since this one began
        return state.with_(memory={}, forgotten=True)
    # Kept as the snapshot even if the store was off or failed: one try per change, not per turn.
    return state.with_(memory=kept)


def forget(handler_input: HandlerInput) -> bool:
    """Delete everything stored for this person; False only if the store failed."""
    return memory_of(handler_input).forget()


def forget_account(handler_input: HandlerInput) -> bool:
    """Delete everything stored for every person on the account (the skill was disabled)."""
    return memory_of(handler_input).forget(everyone=True)
