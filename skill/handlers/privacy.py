"""'Forget me': the person's control over what the skill remembers."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.FORGET_ME,))]
