"""A blind red team's findings (round 15), through the production path: urgent first, the
walkthrough kept, an answer that needs a time says why, and a doubt never rules out a fracture."""

from __future__ import annotations

from skill.simulator import Simulator

_SCREENED = ("my outer hip aches when I lie on it", "no", "no", "yes")


def _after(*said: str) -> tuple[Simulator, object]:
    sim = Simulator()
    turn = sim.launch()
    for words in said:
        turn = sim.say(words)
    return sim, turn


def test_a_leg_that_gives_way_under_weight_answers_the_weight_question_as_urgent() -> None:
    sim, _ = _after("my outer hip aches when I lie on it", "no", "no")
    turn = sim.say("it just gives way whenever I put my weight on it")
    assert turn.session_attributes.get("triage") == "urgent"
    assert "reassuring" not in turn.speech


def test_a_leg_that_takes_no_weight_is_urgent_in_the_middle_of_the_walkthrough() -> None:
    sim, _ = _after(*_SCREENED, "yes", "next")
    turn = sim.say("I tried to stand just now and I couldn't take any weight on it at all")
    assert turn.session_attributes.get("triage") == "urgent"


def test_the_urgent_reason_is_said_before_the_see_a_doctor_one() -> None:
    _, turn = _after("my leg's gone numb down the front and I can't put any weight on it at all")
    assert turn.speech.index("weight") < turn.speech.index("Numbness")


def test_a_see_a_doctor_remark_in_the_walkthrough_is_advised_and_the_steps_go_on() -> None:
    sim, _ = _after(*_SCREENED, "yes", "next")
    turn = sim.say("by the way it keeps waking me up at night, is that normal?")
    assert turn.session_attributes.get("triage") == "see_provider"
    assert turn.session_attributes.get("pending") == "care_step"
    assert "Step three" in sim.say("next").speech


def test_heat_or_ice_says_why_it_asks_when_and_says_how_long_once() -> None:
    sim, _ = _after(*_SCREENED, "yes")
    turn = sim.say("should I use heat or ice?")
    assert "depends on how long" in turn.speech
    turn = sim.say("a week ago")
    assert turn.speech.count("been about seven days") == 1


def test_a_runner_not_sure_whether_it_hurts_standing_is_told_it_may_be_a_stress_fracture() -> None:
    sim, _ = _after("I'm upping my mileage for a half marathon and there's a sharp pain at the "
                    "front of my hip every time I run, it eases when I stop")
    turn = sim.say("not sure")
    assert "stress fracture" in turn.speech and "Stop running" in turn.speech
    assert turn.session_attributes.get("triage") == "see_provider"


def test_nope_answers_and_does_not_negate_the_sign_after_it() -> None:
    sim, _ = _after("sore hip")
    turn = sim.say("nope, walking on it is out of the question")
    assert turn.session_attributes.get("triage") == "urgent"


def test_someone_using_a_relatives_crutches_is_spoken_to_about_themselves() -> None:
    _, turn = _after("walking is agony, I've been using my husband's old crutches because I "
                     "can't put my foot down")
    assert turn.session_attributes.get("triage") == "urgent"
    assert "get them" not in turn.speech
