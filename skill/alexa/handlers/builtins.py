"""Help, stop, cancel and fallback: they work at every stage."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.HELP, intents.STOP, intents.CANCEL, intents.FALLBACK))]
