"""Moving through the walkthrough and the conversation: next, previous, repeat, start over."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.NEXT, acts.PREVIOUS, acts.REPEAT, acts.START_OVER, acts.HOME))]
