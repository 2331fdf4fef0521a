"""Describing the pain, naming a condition, red flags, and the person's own words."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [
    DialogHandler(
        (intents.DESCRIBE, intents.STARTED, intents.ABOUT, intents.RED_FLAG, intents.FREE_SPEECH)
    )
]
