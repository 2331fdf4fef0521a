"""Self-care questions and icing timers; the core screens for safety before any of them."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.SELF_CARE, *acts.TOPIC_INTENTS, acts.ICE_TIMER, acts.ICE_REMINDER))]
