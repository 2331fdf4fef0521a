"""A blind red team's missed warning signs (round 16): someone else's hip told in the middle of
the speaker's own conversation is a new person to help, and their sign is answered at once."""

from __future__ import annotations

import pytest

from skill.simulator import Simulator


def _at_the_fever_question(words: str) -> dict[str, object]:
    sim = Simulator()
    sim.launch()
    sim.say("my outer hip aches when I lie on it")
    turn = sim.say(words)
    return {"triage": turn.session_attributes.get("triage"), "speech": turn.speech}


@pytest.mark.parametrize(("words", "level"), [
    ("my mum took a tumble in the garden yesterday and now her hip is really sore", "urgent"),
    ("my little girl's hip hurts and she's got a temperature", "urgent"),
    ("my fifteen year old hurt his hip at rugby training", "urgent"),
    ("the gentleman I look after has a sore hip and he's been shaking with cold", "urgent"),
    ("my wife gets woken by her hip most nights", "see_provider"),
])
def test_someone_elses_hip_told_mid_conversation_is_answered_to_the_helper(
    words: str, level: str
) -> None:
    said = _at_the_fever_question(words)
    assert said["triage"] == level


def test_someone_elses_illness_without_their_hip_is_still_not_the_speakers_sign() -> None:
    said = _at_the_fever_question("no, but my wife's got the flu")
    assert said["triage"] is None


def test_a_runner_who_went_from_twice_a_week_to_six_is_told_to_stop_running() -> None:
    turn = Simulator().say("ask hip helper I went from running twice a week to six times a week "
                           "and now my groin is killing me after every run")
    assert "Stop running" in turn.speech


def test_a_relatives_hip_ache_that_home_remedies_do_not_touch_is_to_be_seen() -> None:
    said = _at_the_fever_question("my mom's had this hip ache for about a month and the home "
                                  "remedies aren't touching it")
    assert said["triage"] == "see_provider"
