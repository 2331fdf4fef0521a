"""Bring a simulated conversation to where a probe speaks: the opening, or one safety question."""

from __future__ import annotations

from skill.simulator import Simulator
from skill.simulator.turn import Turn

OUTER_HIP = "my outer hip aches when I lie on it"
# What a person says before the question asked: the earlier safety questions answered safely.
BEFORE = {"fever": (), "injury": ("no",), "weight": ("no", "no")}


def opening(words: str, locale: str = "en-US") -> Turn:
    """The skill's turn after `words` are said as the first description, after a launch."""
    sim = Simulator(locale=locale)
    sim.launch()
    return sim.say(words)


def answer_at(question: str, words: str, complaint: str = OUTER_HIP) -> Turn:
    """The skill's turn after `words` are said at `question` (fever, injury or weight)."""
    sim = Simulator()
    sim.launch()
    sim.say(complaint)
    for said in BEFORE[question]:
        sim.say(said)
    return sim.say(words)


def triage_of(words: str, locale: str = "en-US") -> object:
    """The triage the skill records after `words` are said as the first description."""
    return opening(words, locale).session_attributes.get("triage")

