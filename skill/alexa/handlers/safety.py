"""Answers to the safety questions and to every other yes-or-no question."""

from skill.alexa.handlers.common import DialogHandler
from skill.core import intents

HANDLERS = [DialogHandler((intents.SAFETY_ANSWER, intents.YES, intents.NO, intents.UNSURE))]
