"""Self-care questions and icing timers; the core screens for safety before any of them."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [
    DialogHandler(
        (intents.SELF_CARE, *intents.TOPIC_INTENTS, intents.ICE_TIMER, intents.ICE_REMINDER)
    )
]
