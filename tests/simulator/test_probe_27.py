"""Red team 27 (session 12), through the production path: warning signs said in words composed
from parts (someone or something that put the person down, a spill had, a leg gone a bad colour,
a bladder that cannot be felt, a baby not moving a leg, pain that wakes or stays at rest, a belt
on its last notch, more training then pain with every stride), a fall told beside a pet or a
place, and the look-alikes those parts must not catch."""

from __future__ import annotations

import pytest

from tests.support.asked import triage_of


@pytest.mark.parametrize(("words", "locale"), [
    ("my neighbour's labrador bowled me over in the park and my hip's been sore since", "en-GB"),
    ("a heifer shoved me against the gate at milking and my hip is aching", "en-AU"),
    ("I had a nasty little tumble on the back steps and now my hip hurts", "en-US"),
    ("the carers lowered her to the floor when her legs went and now she says her hip hurts",
     "en-GB"),
    ("my nan sat down heavily on the edge of the bath and her hip has hurt ever since", "en-GB"),
    ("I tripped over the dog on the landing and came down on my hip", "en-GB"),
    ("my calf has gone a dusky colour and it's cold, and my hip is aching", "en-US"),
    ("my lower leg is numb and pale and my hip hurts", "en-CA"),
    ("I can't really feel when I need to pee and my hip and back are agony", "en-US"),
    ("my grandad has been having accidents in his trousers and his hip is very bad", "en-GB"),
    ("my bum's gone numb like I've been on a saddle all day, and my back and hip are sore",
     "en-AU"),
    ("my ten month old isn't moving her left leg and she cries when I change her nappy",
     "en-GB"),
    ("I can't get to the loo without my son practically carrying me, my hip is that bad",
     "en-GB"),
])
def test_urgent_signs_composed_from_their_parts_are_urgent(words: str, locale: str) -> None:
    assert triage_of(words, locale) == "urgent"


@pytest.mark.parametrize(("words", "locale"), [
    ("most nights I wake up with a throbbing pain in my hip", "en-US"),
    ("even lying still on the sofa my hip aches and no position makes it comfortable", "en-GB"),
    ("my hip aches while I'm resting more than when I'm walking about", "en-GB"),
    ("my husband's looking really gaunt these days and now his hip is bothering him", "en-GB"),
    ("I've been putting in extra laps at the track and now my groin hurts every time I run",
     "en-US"),
    ("it was supposed to clear up in a few days but it's been four weeks now and no better",
     "en-GB"),
])
def test_see_a_doctor_signs_composed_from_their_parts_are_advised(
    words: str, locale: str
) -> None:
    assert triage_of(words, locale) == "see_provider"


@pytest.mark.parametrize(("words", "locale"), [
    ("I dozed off on the couch at a funny angle and woke up with a stiff hip", "en-US"),
    ("I always end up on the sore side on the sofa and my hip aches a bit afterwards", "en-AU"),
    ("my bum was numb from the bike saddle after the sportive, and my hip is a bit tight",
     "en-GB"),
    ("I've been doing hot water fomentation twice a day and my hip is a little better", "en-IN"),
])
def test_look_alikes_of_those_parts_are_not_escalated(words: str, locale: str) -> None:
    assert triage_of(words, locale) is None
