"""Memory for handlers: the store port, keyed on who is speaking, wrapped for one request.

The store is opened only by a request that reads or writes memory, read at most once per
request, and written only with what changed. What is kept is decided by the pure core
(skill/core/memory.py); here only short plain values pass, so no utterance is ever stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from typing import Any, NamedTuple

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import RequestEnvelope

from skill.store.factory import KeyedStore
from skill.store.port import Record, StoreError, change_between

log = logging.getLogger("skill.store")

MAX_TEXT = 64  # long enough for any date, id or outcome; too short to hold what someone said
MEMORY = "hip_helper.memory"  # request attribute: this request's RequestMemory
SAVED, UNCHANGED, REFUSED, FAILED = "saved", "unchanged", "refused", "failed"
_FAULTS = (StoreError, OSError, ValueError, RuntimeError, ImportError)


class Speaker(NamedTuple):
    """Who is asking: the account, and the recognised person on it when Alexa knows them."""

    user_id: str | None
    person_id: str | None


def speaker_of(envelope: RequestEnvelope) -> Speaker:
    """The user from the context (every request has one), else the session; the person if any."""
    system = getattr(getattr(envelope, "context", None), "system", None)
    user = getattr(getattr(system, "user", None), "user_id", None)
    session_user = getattr(getattr(envelope, "session", None), "user", None)
    user = user or getattr(session_user, "user_id", None)
    person = getattr(getattr(system, "person", None), "person_id", None)
    return Speaker(str(user) if user else None, str(person) if person else None)


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


class RequestMemory:
    """This request's access to what is remembered about the person speaking."""

    def __init__(self, opener: Callable[[], KeyedStore | None], speaker: Speaker) -> None:
        self._opener = opener
        self.speaker = speaker
        self._loaded: Record | None = None
        self.unavailable = False

    @property
    def shared(self) -> bool:
        """No recognised person: whoever is in the room may hear what the account remembers."""
        return self.speaker.person_id is None

    def _open(self) -> tuple[KeyedStore, str] | None:
        """The store and this speaker's key; None when persistence is off or there is no user."""
        opened = self._opener()
        if opened is None or not self.speaker.user_id:
            return None
        return opened, opened.keys.key_for(self.speaker.user_id, self.speaker.person_id)

    def load(self, keys: Collection[str] | None = None) -> Record:
        """What is remembered (a fresh copy) and its epoch; empty when off or failing."""
        if self._loaded is None:
            try:
                found = self._open()
                self._loaded = found[0].store.read(found[1]) if found else Record({}, 0)
            except _FAULTS as error:
                log.warning("memory unavailable for this request: %s", error)
                self.unavailable = True
                self._loaded = Record({}, 0)
        return Record(keepable(self._loaded.attributes, keys), self._loaded.epoch)

    def save(
        self, before: Mapping[str, Any], after: Mapping[str, Any], epoch: int,
        keys: Collection[str] | None = None,
    ) -> str:
        """Write only the fields that changed since `before`; REFUSED when the record was
        forgotten since it was read (epoch), FAILED when the store failed. Never raises."""
        change = change_between(keepable(before, keys), keepable(after, keys))
        if not change or self.unavailable:
            return UNCHANGED
        try:
            found = self._open()
            if found is None:
                return UNCHANGED
            written = found[0].store.write(found[1], change, epoch)
            if written and not before and self.speaker.person_id:
                self._link(found[0])  # a person's first save: disabling the skill must reach it
        except _FAULTS as error:
            log.warning("memory not saved: %s", error)
            return FAILED
        return SAVED if written else REFUSED

    def _link(self, opened: KeyedStore) -> None:
        user, person = self.speaker
        assert user is not None
        opened.store.link(opened.keys.key_for(user), opened.keys.key_for(user, person))

    def forget(self, everyone: bool = False) -> bool:
        """Forget everything kept about this speaker ("forget me"), or with `everyone` about every
        person on the account (the skill disabled); False only if the store failed to."""
        try:
            found = self._open()
            if found is not None and everyone:
                assert self.speaker.user_id is not None
                found[0].store.forget_account(found[0].keys.key_for(self.speaker.user_id))
            elif found is not None:
                found[0].store.forget(found[1])
        except _FAULTS as error:
            log.warning("memory not deleted: %s", error)
            return False
        return True


class MemoryInterceptor(AbstractRequestInterceptor):  # type: ignore[misc]
    """Gives each request its memory, keyed on who is speaking; opens nothing by itself."""

    def __init__(self, opener: Callable[[], KeyedStore | None]) -> None:
        self._opener = opener

    def process(self, handler_input: HandlerInput) -> None:
        memory = RequestMemory(self._opener, speaker_of(handler_input.request_envelope))
        handler_input.attributes_manager.request_attributes[MEMORY] = memory


def _nothing() -> None:
    return None


def memory_of(handler_input: HandlerInput) -> RequestMemory:
    """The request's memory, set by MemoryInterceptor; without one, a memory that keeps nothing."""
    attributes = handler_input.attributes_manager.request_attributes
    memory = attributes.get(MEMORY)
    if not isinstance(memory, RequestMemory):
        memory = RequestMemory(_nothing, speaker_of(handler_input.request_envelope))
        attributes[MEMORY] = memory
    return memory
