"""'Forget me': the person's control over what the skill remembers."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.FORGET_ME,))]
