"""Answers to the safety questions and to every other yes-or-no question."""

from skill import acts
from skill.handlers.common import DialogHandler

HANDLERS = [DialogHandler((acts.SAFETY_ANSWER, acts.YES, acts.NO, acts.UNSURE))]
