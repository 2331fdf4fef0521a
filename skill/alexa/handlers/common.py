"""What every handler shares: read the request as an Act, run the pure core, render the reply."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.utils import get_locale, get_request_type
from ask_sdk_model import (
    Intent,
    IntentConfirmationStatus,
    IntentRequest,
    Response,
    Slot,
    SlotConfirmationStatus,
)
from ask_sdk_model.dialog import ElicitSlotDirective
from ask_sdk_model.ui import SimpleCard

from skill.alexa.handlers import remember, services
from skill.alexa.handlers.fulfil import CAN_FULFILL, cannot_fulfil
from skill.content import get_content
from skill.core import intents
from skill.core.action_outcomes import ASKING, after_action
from skill.core.dialog import next_turn
from skill.core.intents import Act
from skill.core.speech import Rendered, render
from skill.core.state import Line, Reply, State

log = logging.getLogger("skill")
# Requests that tell the skill something happened, outside any conversation: Amazon's response
# reference allows them no speech, card, reprompt or directives, and most carry no session.
EVENT_PREFIXES = ("AlexaSkillEvent.", "AlexaHouseholdListEvent.", "Reminders.", "Messaging.",
                  "System.")


def is_event(handler_input: HandlerInput) -> bool:
    """An event, to be acknowledged with an empty response."""
    return str(get_request_type(handler_input)).startswith(EVENT_PREFIXES)


def request_name(handler_input: HandlerInput) -> str:
    """The intent's name for an IntentRequest, else the request type: what handlers dispatch on."""
    request = handler_input.request_envelope.request
    if isinstance(request, IntentRequest):
        return str(request.intent.name)
    return str(request.object_type)


_JSON = DefaultSerializer()


def read_act(handler_input: HandlerInput) -> Act:
    """The request as the pure core sees it (intents.act_from_slots): resolved slot ids, raw
    values heard, resolved or not (ER_SUCCESS_NO_MATCH), and the words."""
    request = handler_input.request_envelope.request
    locale = get_locale(handler_input) or ""
    if not isinstance(request, IntentRequest):
        return Act(get_request_type(handler_input), locale=locale)
    heard = {name: intents.SlotHeard(str(slot.value) if slot.value else None, _slot_id(slot))
             for name, slot in (request.intent.slots or {}).items()}
    return intents.act_from_slots(request.intent.name, heard, locale)


def _slot_id(slot: Any) -> str | None:
    """The SDK's slot as the request JSON it came in, read by the core's one rule for ids."""
    return intents.resolved_id(_JSON.serialize(slot))


def current_state(handler_input: HandlerInput) -> State:
    """The session's state, dated today, with what was remembered at a session's start."""
    attributes = handler_input.attributes_manager.session_attributes
    state = State.from_attributes(attributes).with_(today=remember.today(handler_input))
    return remember.load(handler_input, state)


def respond(handler_input: HandlerInput, act: Act) -> Response:
    """Run one turn of the pure dialog, carry out any action, and render the reply."""
    content = get_content()
    reply = next_turn(current_state(handler_input), act, content)
    outcome = None
    if reply.action:
        outcome = services.perform(handler_input, reply.action, content)
        reply = after_action(reply, outcome, content)
    return finish_reply(handler_input, reply, asking=outcome == ASKING)


def finish_reply(handler_input: HandlerInput, reply: Reply, asking: bool = False) -> Response:
    """Save what changed, keep the session state, and build the SDK response."""
    content = get_content()
    state = remember.save(handler_input, reply.state, ending=reply.end)
    attributes = handler_input.attributes_manager.session_attributes
    attributes.clear()
    attributes.update(state.to_attributes())
    rendered = render(reply, content, get_locale(handler_input) or "")
    return build_response(handler_input, rendered, open_ended=asking)


def build_response(
    handler_input: HandlerInput, rendered: Rendered, open_ended: bool = False
) -> Response:
    """Speech, reprompt, card and whether the session ends, from a rendered reply.

    While Alexa asks for a permission (open_ended), there is no reprompt and no end flag.
    """
    builder = handler_input.response_builder
    if rendered.text:
        builder.speak(rendered.ssml)
    if rendered.reprompt_ssml and not open_ended:
        builder.ask(rendered.reprompt_ssml)
    if rendered.listen and not open_ended and not rendered.end:
        builder.add_directive(_ELICIT_SPEECH)
    if rendered.card_title:
        builder.set_card(SimpleCard(title=rendered.card_title, content=rendered.card_text))
    if not open_ended:
        builder.set_should_end_session(rendered.end)
    return builder.response


# At an open question, Alexa is asked for the person's own words (Dialog.ElicitSlot of the
# free-speech slot, chained from any intent): docs/free-speech.md.
_ELICIT_SPEECH = ElicitSlotDirective(
    slot_to_elicit=intents.FREE_SPEECH_SLOT,
    updated_intent=Intent(
        name=intents.FREE_SPEECH,
        confirmation_status=IntentConfirmationStatus.NONE,
        slots={intents.FREE_SPEECH_SLOT: Slot(
            name=intents.FREE_SPEECH_SLOT, confirmation_status=SlotConfirmationStatus.NONE
        )},
    ),
)


class DialogHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Handles the given intents or request types by handing them to the pure dialog."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_name(handler_input) in self.names

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, read_act(handler_input))


class ApologyHandler(AbstractExceptionHandler):  # type: ignore[misc]
    """Any fault in a conversation becomes a spoken apology and an open session, never silence or
    a stack trace; a fault outside one (an event, no session) an empty response, as Amazon's
    rules ask; while Alexa asks whether we can fulfil a request, a NO."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error("handler failed: %s", type(exception).__name__, exc_info=exception)
        handler_input.response_builder.response.directives = None
        if get_request_type(handler_input) == CAN_FULFILL:
            return cannot_fulfil()
        if handler_input.request_envelope.session is None or is_event(handler_input):
            return Response()
        content = get_content()
        state = State.from_attributes(handler_input.attributes_manager.session_attributes)
        again = Line("dialog.reask_error")
        reply = Reply((Line("dialog.error"),), again, again, None, False, state)
        rendered = render(reply, content, get_locale(handler_input) or "")
        return build_response(handler_input, rendered)
