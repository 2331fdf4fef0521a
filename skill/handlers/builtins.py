"""Help, stop, cancel and fallback: they work at every stage."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.HELP, acts.STOP, acts.CANCEL, acts.FALLBACK))]
