"""CanFulfillIntentRequest: tell Alexa whether to route a name-free request here, changing nothing.

No session attributes, no memory, no timers or reminders: only `response.canFulfillIntent`.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_locale, is_request_type
from ask_sdk_model import Response
from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentValues,
    CanFulfillSlot,
    CanFulfillSlotValues,
    CanUnderstandSlotValues,
)
from ask_sdk_model.slu.entityresolution import StatusCode

from skill.content import get_content
from skill.core.fulfilment import NO, SlotHeard, Verdict, can_fulfil

CAN_FULFILL = "CanFulfillIntentRequest"


def heard_slots(request: Any) -> dict[str, SlotHeard]:
    """The filled slots, each with whether entity resolution matched (None for built-in types)."""
    heard = {}
    for name, slot in (getattr(request.intent, "slots", None) or {}).items():
        if not getattr(slot, "value", None):
            continue
        authorities = getattr(getattr(slot, "resolutions", None), "resolutions_per_authority", None)
        resolved = None
        if authorities:
            resolved = any(
                a.status is not None and a.status.code == StatusCode.ER_SUCCESS_MATCH
                for a in authorities
            )
        heard[str(name)] = SlotHeard(str(slot.value), resolved)
    return heard


def as_response(verdict: Verdict) -> Response:
    """The SDK's model of the answer; no speech, card, directives or end-of-session flag."""
    slots = {
        name: CanFulfillSlot(
            can_understand=CanUnderstandSlotValues(v.can_understand),
            can_fulfill=CanFulfillSlotValues(v.can_fulfill),
        )
        for name, v in verdict.slots.items()
    }
    answer = CanFulfillIntent(can_fulfill=CanFulfillIntentValues(verdict.can_fulfill),
                              slots=slots or None)
    return Response(can_fulfill_intent=answer)


def cannot_fulfil() -> Response:
    """What a fault while answering means: not this skill, rather than an apology nobody hears."""
    return as_response(Verdict(NO, {}))


class CanFulfillHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Answers YES, MAYBE or NO per intent and per slot from the pure core's rules."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type(CAN_FULFILL)(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        if getattr(request, "intent", None) is None:
            return cannot_fulfil()
        locale_known = (get_locale(handler_input) or "") in get_content().locales
        verdict = can_fulfil(str(request.intent.name), heard_slots(request), locale_known)
        return as_response(verdict)


HANDLERS = [CanFulfillHandler()]
