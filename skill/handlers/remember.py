"""Loads and saves what the skill remembers, only when a request needs it and only if it changed."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput

from skill.memory import recall, remembered
from skill.state import State

log = logging.getLogger("skill")


def today(handler_input: HandlerInput) -> str:
    """The request's date (Alexa's timestamp, UTC), so tests and the simulator control the clock."""
    stamp = getattr(handler_input.request_envelope.request, "timestamp", None)
    if not isinstance(stamp, datetime):
        stamp = datetime.now(UTC)
    return stamp.date().isoformat()


def load(handler_input: HandlerInput, state: State) -> State:
    """At a session's first request, bring back what was remembered (nothing without a store)."""
    if state.started:
        return state
    try:
        memory = handler_input.attributes_manager.persistent_attributes
    except AttributesManagerException:
        return state
    except Exception as exc:
        log.warning("memory unavailable: %s", type(exc).__name__)
        return state
    return recall(state, memory if isinstance(memory, dict) else {})


def save(handler_input: HandlerInput, state: State) -> State:
    """Store the remembered part of the state if, and only if, it changed."""
    kept = remembered(state)
    if state.forgotten or kept == dict(state.memory):
        return state
    manager = handler_input.attributes_manager
    try:
        manager.persistent_attributes = kept
        manager.save_persistent_attributes()
    except AttributesManagerException:
        return state
    except Exception as exc:
        log.warning("memory not saved: %s", type(exc).__name__)
        return state
    return state.with_(memory=kept)


def forget(handler_input: HandlerInput) -> None:
    """Delete everything stored for this person ("forget me", or the skill being disabled)."""
    try:
        handler_input.attributes_manager.delete_persistent_attributes()
    except AttributesManagerException:
        return
