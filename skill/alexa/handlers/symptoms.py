"""Describing the pain, naming a condition, and red flags said in any words."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.DESCRIBE, intents.STARTED, intents.ABOUT, intents.RED_FLAG))]
