"""Session 12, through the production path: an episode said to be over, a sign said of another
part of the body, a question about a sign in general, and a bladder that could not be held."""

from __future__ import annotations

import pytest

from tests.support.asked import triage_of


@pytest.mark.parametrize(("words", "locale"), [
    ("I had a bad chest infection with a fever in the autumn, it cleared up with antibiotics, and "
     "my hip aches after my walk", "en-GB"),
    ("I got the chills on the ferry but a hot shower sorted me out, my hip is stiff from the seats",
     "en-US"),
    ("the back of my leg went numb on the long flight but it wore off when I got up, the hip is "
     "just a bit sore", "en-US"),
    ("my lip is a bit swollen from the dentist and my hip aches when I climb stairs", "en-GB"),
    ("suppose I get a fever with this hip ache, what should I do", "en-IN"),
    ("should I worry about numbness, I'm asking because my hip aches after gardening", "en-AU"),
])
def test_a_sign_that_is_over_elsewhere_or_wondered_about_is_not_escalated(
    words: str, locale: str
) -> None:
    assert triage_of(words, locale) is None


@pytest.mark.parametrize(("words", "level"), [
    ("I had a fever on Saturday, it went away, but it came back this morning and my hip hurts",
     "urgent"),
    ("my hip has been sore since I moved house and this morning I couldn't hold my bladder",
     "urgent"),
    ("my wrist is fine but my hip is hot and swollen", "urgent"),
    ("should I worry about the numbness in my thigh", "see_provider"),
    ("I've had a temperature since Saturday but I'm fine now, my hip aches", "urgent"),
])
def test_a_sign_still_there_is_escalated(words: str, level: str) -> None:
    assert triage_of(words) == level


def test_someone_elses_lasting_state_is_theirs_and_an_emergency_now_is_not() -> None:
    assert triage_of("my dad can't walk any more since his stroke and I help him up every "
                     "morning, that's why my hip aches") is None
    assert triage_of("my dad can't stand up, he's on the kitchen floor") == "urgent"


@pytest.mark.parametrize(("words", "level"), [
    ("I was chasing the bus and somehow ended up on the pavement, my hip's really sore now",
     "urgent"),
    ("mum's hip has been bad all week and she says she's had some trouble holding her wee",
     "urgent"),
    ("my little girl won't let me touch her leg and she's dragging it, and she feels hot",
     "urgent"),
    ("I've been adding extra sessions for my marathon and I switched to a new diet, and now my "
     "groin aches on every step", "see_provider"),
])
def test_red_team_26_signs_in_other_words_are_escalated(words: str, level: str) -> None:
    assert triage_of(words) == level
