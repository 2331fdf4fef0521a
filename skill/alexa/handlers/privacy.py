"""'Forget me' and 'pick up where I left off': the person's control over what is remembered."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.FORGET_ME, intents.RESUME))]
