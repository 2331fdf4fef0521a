"""Describing the pain, naming a condition, red flags, and the person's own words."""

from ask_sdk_core.handler_input import HandlerInput

from skill.alexa.handlers.common import DialogHandler, request_name
from skill.core import intents


class LeadSpeechHandler(DialogHandler):
    """A one-shot opening's own free-speech intent ("last {speech}"): the core restores the
    opening words from content/reader/commands.yaml."""

    def __init__(self) -> None:
        super().__init__(())

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intents.is_lead(request_name(handler_input))


HANDLERS = [
    DialogHandler(
        (intents.DESCRIBE, intents.STARTED, intents.ABOUT, intents.RED_FLAG, intents.FREE_SPEECH)
    ),
    LeadSpeechHandler(),
]
