"""Skill events, permission answers, session ends and anything unrecognised: registered last."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type, is_request_type
from ask_sdk_model import Response

from skill.alexa.handlers import remember, services
from skill.alexa.handlers.common import (
    DialogHandler,
    current_state,
    finish_reply,
    is_event,
    respond,
)
from skill.content import get_content
from skill.core import intents
from skill.core.action_outcomes import DENIED, after_action
from skill.core.intents import Act
from skill.core.state import Reply

SKILL_DISABLED = "AlexaSkillEvent.SkillDisabled"
PERMISSION_RESPONSE = "Connections.Response"


class PermissionAnswerHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Alexa's answer to a permission request: carry out the action, or say how to do without."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type(PERMISSION_RESPONSE)(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        action = services.action_from_token(getattr(request, "token", None))
        state = current_state(handler_input)
        if action is None:  # not one of ours (or the token was lost): carry on where we were
            return respond(handler_input, Act(intents.CARRY_ON))
        payload = getattr(request, "payload", None) or {}
        content = get_content()
        outcome = DENIED
        if payload.get("status") == "ACCEPTED":
            outcome = services.perform(handler_input, action, content, ask=False)
        reply = after_action(Reply((), None, None, None, False, state, action), outcome, content)
        return finish_reply(handler_input, reply)


class EventHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Events need no speech; disabling the skill deletes everything stored for the user."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_event(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        if get_request_type(handler_input) == SKILL_DISABLED:
            remember.forget_account(handler_input)
        return handler_input.response_builder.response


class UnknownIntentHandler(AbstractRequestHandler):  # type: ignore[misc]
    """An intent without a handler of its own is answered like a fallback: re-ask, never silence."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("IntentRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Act(intents.FALLBACK))


class AnyOtherRequestHandler(AbstractRequestHandler):  # type: ignore[misc]
    """A request type without a handler of its own (SessionResumedRequest, an APL UserEvent):
    in a session, the last reply again, so the person hears where they were; outside one, an
    empty response, since there is no one to speak to."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        if handler_input.request_envelope.session is None:
            return handler_input.response_builder.response
        return respond(handler_input, Act(intents.CARRY_ON))


HANDLERS = [
    PermissionAnswerHandler(),
    EventHandler(),
    DialogHandler((intents.SESSION_ENDED,)),
    UnknownIntentHandler(),
    AnyOtherRequestHandler(),
]
