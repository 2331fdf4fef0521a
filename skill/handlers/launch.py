"""Opening the skill: welcome, the short disclaimer, an invitation to describe the pain."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.LAUNCH,))]
