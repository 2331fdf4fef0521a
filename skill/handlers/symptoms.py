"""Describing the pain, naming a condition, and red flags said in any words."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.DESCRIBE, acts.STARTED, acts.ABOUT, acts.RED_FLAG))]
