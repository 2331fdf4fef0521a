"""Memory for handlers: read only by requests that need it, written only when something changed.

The SDK's AttributesManager reads the store on first access of `persistent_attributes` and writes
only on `save_persistent_attributes()`; these helpers keep it that way. What is kept is decided by
the pure core (skill/core/memory.py); here only short plain values pass, so no utterance is
ever stored.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from typing import Any

from ask_sdk_core.exceptions import AttributesManagerException, PersistenceException
from ask_sdk_core.handler_input import HandlerInput

log = logging.getLogger("skill.store.sqlite")

MAX_TEXT = 64  # long enough for any date, id or outcome; too short to hold what someone said
_UNAVAILABLE = "hip_helper.memory_unavailable"  # request attribute: the store failed to read


def keepable(attributes: Mapping[str, Any], keys: Collection[str] | None = None) -> dict[str, Any]:
    """Only short plain values (and only `keys`, when given): nothing free-form is ever stored."""
    kept = {}
    for key, value in attributes.items():
        if keys is not None and key not in keys:
            continue
        if isinstance(value, bool | int) or (isinstance(value, str) and len(value) <= MAX_TEXT):
            kept[str(key)] = value
        else:
            log.warning("memory field %r dropped: not a short plain value", key)
    return kept


def load_memory(handler_input: HandlerInput, keys: Collection[str] | None = None) -> dict[str, Any]:
    """What we remember about this user (a fresh copy); {} when persistence is off or failing."""
    manager = handler_input.attributes_manager
    try:
        stored = manager.persistent_attributes
    except AttributesManagerException:
        return {}
    except PersistenceException as error:
        log.warning("memory unavailable for this request: %s", type(error).__name__)
        manager.request_attributes[_UNAVAILABLE] = True
        return {}
    return keepable(stored or {}, keys)


def save_memory_if_changed(
    handler_input: HandlerInput,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    keys: Collection[str] | None = None,
) -> bool:
    """Write `after` only if it differs from `before`; a failed write never fails the reply."""
    kept = keepable(after, keys)
    manager = handler_input.attributes_manager
    if kept == keepable(before, keys) or manager.request_attributes.get(_UNAVAILABLE):
        return False
    try:
        manager.persistent_attributes = kept
        manager.save_persistent_attributes()
    except AttributesManagerException:
        return False
    except PersistenceException as error:
        log.warning("memory not saved: %s", type(error).__name__)
        return False
    return True


def forget_memory(handler_input: HandlerInput) -> bool:
    """Delete everything kept about this user; False only if the store failed to."""
    try:
        handler_input.attributes_manager.delete_persistent_attributes()
    except AttributesManagerException:
        return True  # persistence is off: nothing is kept
    except PersistenceException as error:
        log.warning("memory not deleted: %s", type(error).__name__)
        return False
    return True
