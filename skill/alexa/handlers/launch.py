"""Opening the skill: welcome, the short disclaimer, an invitation to describe the pain."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.LAUNCH,))]
