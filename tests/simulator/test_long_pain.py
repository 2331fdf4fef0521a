"""Weeks of pain first heard today: see a doctor, unless a doctor has already named it, it comes
and goes with what the person does, or it is getting better (NHS: not improved after two weeks)."""

from __future__ import annotations

import pytest

from skill.simulator import Simulator

SEE = "see your doctor within a few days"


def _opening(words: str) -> str:
    sim = Simulator()
    sim.launch()
    return sim.say(words).speech


def test_six_weeks_of_pain_the_person_names_themselves_is_to_be_seen() -> None:
    assert SEE in _opening("I think it's bursitis, it has hurt for six weeks")


@pytest.mark.parametrize("words", [
    "my GP said it's bursitis, it has hurt for six weeks",
    "I get occasional pain in my outer hip for the past few months when I run",
    "my outer hip has hurt for six weeks but it's getting better",
])
def test_weeks_of_pain_already_diagnosed_now_and_then_or_easing_is_not_sent_back(
    words: str,
) -> None:
    speech = _opening(words)
    assert SEE not in speech and "If seven to ten days of self-care don't help" in speech


def test_weeks_of_being_fine_are_not_how_long_it_has_hurt() -> None:
    speech = _opening("I'll be totally fine for weeks, then I lift the baby wrong and my outer "
                      "hip aches")
    assert "weeks" not in speech.split("First,")[0]
