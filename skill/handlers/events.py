"""Session ends and anything unrecognised: handled last, so nothing goes unanswered."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from skill import acts
from skill.acts import Act
from skill.handlers.common import DialogHandler, respond


class UnknownIntentHandler(AbstractRequestHandler):  # type: ignore[misc]
    """An intent without a handler of its own is answered like a fallback: re-ask, never silence."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("IntentRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Act(acts.FALLBACK))


HANDLERS = [DialogHandler((acts.SESSION_ENDED,)), UnknownIntentHandler()]
