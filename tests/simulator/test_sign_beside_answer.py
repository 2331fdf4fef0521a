"""A see-a-doctor sign said beside a safe answer: the advice at once, and the answer kept."""

from __future__ import annotations

from skill.simulator import Simulator


def test_a_doctors_sign_beside_a_safe_answer_is_advised_and_the_answer_stands() -> None:
    sim = Simulator()
    sim.launch()
    for said in ("my outer hip hurts when I lie on it", "no", "no"):
        turn = sim.say(said)
    assert turn.session_attributes.get("pending") == "safety:weight"
    turn = sim.say("yes I can walk, but it wakes me up every night")
    assert turn.session_attributes.get("triage") == "see_provider"
    assert "see your doctor" in turn.speech
    assert turn.session_attributes.get("pending") == "offer_care"  # not the weight question again


def test_an_urgent_sign_beside_a_safe_answer_is_still_urgent() -> None:
    sim = Simulator()
    sim.launch()
    for said in ("my outer hip hurts when I lie on it", "no", "no"):
        sim.say(said)
    turn = sim.say("yes I can walk, but I've been shivering all night")
    assert turn.session_attributes.get("triage") == "urgent"


def test_a_one_shot_question_reaches_the_reader_and_waits_for_the_safety_questions() -> None:
    sim = Simulator()
    turn = sim.say("ask hip helper is heat or ice better for a hip that's a bit stiff in the "
                   "morning, it's not from a fall or anything")
    assert "didn't quite catch" not in turn.speech
    assert turn.session_attributes.get("deferred") == "ice_or_heat"
    assert turn.session_attributes.get("pending") == "safety:fever"


def test_a_one_shot_story_without_a_subject_reaches_the_reader_with_every_sign() -> None:
    sim = Simulator()
    turn = sim.say("ask hip helper fell down the stairs yesterday, can't bear weight on my right "
                   "leg, and I've got chills and a fever now")
    assert "didn't quite catch" not in turn.speech
    assert turn.session_attributes.get("triage") == "urgent"
    assert "fever" in turn.speech and "weight" in turn.speech


def test_a_one_shot_story_that_opens_with_so_or_as_reaches_the_reader() -> None:
    for words in ("so I was getting off the bus and I slipped and landed on my hip",
                  "as I leaned over to pick up the cat my leg went and I hit the floor"):
        turn = Simulator().say(f"ask hip helper {words}")
        assert "didn't quite catch" not in turn.speech
        assert turn.session_attributes.get("triage") == "urgent"
