"""Moving through the walkthrough and the conversation: next, previous, repeat, start over, more."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [
    DialogHandler(
        (intents.NEXT, intents.PREVIOUS, intents.REPEAT, intents.START_OVER, intents.HOME,
         intents.MORE)
    )
]
