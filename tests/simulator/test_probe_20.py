"""A blind red team of locales and whole conversations (round 20), through the production path:
falls in slang, regional words for feeling unwell and for pain, saddle numbness described, a
helper's follow-up after urgent advice, and a one-shot's words kept whole."""

from __future__ import annotations

import pytest

from skill.simulator import Simulator
from tests.support.asked import opening


def _opening(words: str, locale: str = "en-US") -> dict:
    turn = opening(words, locale)
    return {"triage": turn.session_attributes.get("triage"), "speech": turn.speech}


@pytest.mark.parametrize(("locale", "words"), [
    ("en-CA", "I took a digger on my bike and my hip's killing me"),
    ("en-CA", "I ate it on the stairs at the rink and my hip hurts"),
    ("en-US", "I bit it on my skateboard and my hip hurts"),
    ("en-US", "I ate pavement on my run and my hip hurts"),
    ("en-GB", "I had a nasty spill off my bike last week and my hip's still giving me jip"),
    ("en-GB", "I took a header down the steps and hurt my hip"),
    ("en-US", "I did a faceplant on the trail and my hip hurts"),
    ("en-CA", "I'm feeling punky and my hip hurts"),
    ("en-US", "my hip hurts and I can't feel anything between my legs"),
])
def test_an_urgent_sign_in_slang_or_described_is_urgent(locale: str, words: str) -> None:
    assert _opening(words, locale)["triage"] == "urgent"


@pytest.mark.parametrize("words", ["I ate it for lunch and my hip aches",
                                   "I took a dive into the pool and my hip aches"])
def test_eating_or_diving_is_no_fall(words: str) -> None:
    assert _opening(words)["triage"] is None


def test_gip_is_pain_not_something_unheard() -> None:
    said = _opening("my hip's giving me gip when I get out of the car", "en-GB")
    assert "didn't quite catch" not in said["speech"]


def test_haan_is_a_yes() -> None:
    sim = Simulator(locale="en-IN")
    sim.launch()
    sim.say("my outer hip hurts when I lie on it")
    for said in ("no", "no", "yes"):
        sim.say(said)
    turn = sim.say("haan")
    assert "step" in turn.speech.lower() or "rest" in turn.speech.lower()


def _after_dads_fall() -> Simulator:
    """A conversation where a helper has just heard the urgent advice for their dad's fall."""
    sim = Simulator(locale="en-AU")
    sim.launch()
    sim.say("my dad fell in the garden and hurt his hip")
    return sim


def test_a_helpers_follow_up_after_urgent_advice_is_still_said_to_the_helper() -> None:
    turn = _after_dads_fall().say("what should I do while I wait?")
    assert "get them medical attention" in turn.speech


def test_a_one_shot_opening_with_a_contraction_keeps_every_word_after_it() -> None:
    turn = _after_dads_fall().say("he's still on the floor")
    assert turn.slots.get("speech") == "still on the floor"
    assert turn.session_attributes.get("triage") == "urgent"


def test_a_sign_said_without_a_negation_never_lands_in_the_absent_slot() -> None:
    turn = Simulator().say("ask hip helper my husband fell and can't get up")
    assert "absent" not in turn.slots
    assert "get them medical attention" in turn.speech


def test_self_care_asked_for_after_urgent_advice_waits() -> None:
    sim = Simulator(locale="en-GB")
    sim.launch()
    sim.say("I fell off a ladder and my hip hurts")
    turn = sim.say("I don't want to go to A and E, just give me some exercises")
    assert "Self-care has to wait" in turn.speech
    assert "straight away" in turn.speech
