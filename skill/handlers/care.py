"""Self-care questions; the pure core screens for safety before any of them is answered."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.SELF_CARE, *acts.TOPIC_INTENTS))]
