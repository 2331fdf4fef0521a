"""The local simulator: Alexa's side of a conversation (NLU, envelopes, sessions) without Amazon."""

from skill.simulator.simulator import Simulator
from skill.simulator.turn import Card, Turn

__all__ = ["Card", "Simulator", "Turn"]
