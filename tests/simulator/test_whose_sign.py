"""Whose a warning sign is, across a conversation: the speaker's own pain, or the person helped."""

from __future__ import annotations

from skill.simulator import Simulator


def _at_fever_question(opening: str) -> Simulator:
    sim = Simulator()
    sim.launch()
    turn = sim.say(opening)
    for _ in range(3):
        if turn.session_attributes.get("pending") == "safety:fever":
            break
        turn = sim.say("I'm not sure")
    assert turn.session_attributes.get("pending") == "safety:fever"
    return sim


def test_someone_elses_chills_do_not_answer_for_the_speakers_own_hip() -> None:
    sim = _at_fever_question("my outer hip hurts when I lie on it")
    turn = sim.say("no, the only one with chills in this house is my son")
    assert turn.session_attributes.get("triage") is None
    assert turn.session_attributes.get("pending") == "safety:injury"


def test_a_helpers_answer_about_the_person_they_help_is_escalated() -> None:
    sim = _at_fever_question("her outer hip hurts when she lies on it")
    turn = sim.say("she's been shivering since last night")
    assert turn.session_attributes.get("triage") == "urgent"


def test_without_a_word_of_whose_pain_it_is_someone_named_later_still_counts() -> None:
    sim = _at_fever_question("the outer hip hurts when lying on it")
    turn = sim.say("she's been shivering since last night")
    assert turn.session_attributes.get("triage") == "urgent"


def test_someone_elses_sign_said_alone_to_a_safety_question_is_asked_again() -> None:
    sim = _at_fever_question("my outer hip hurts when I lie on it")
    turn = sim.say("my son has had the chills all week")
    assert turn.session_attributes.get("pending") == "safety:fever"  # asked again: and you?
    assert sim.say("yes").session_attributes.get("triage") == "urgent"


def test_fine_in_oneself_beside_someone_elses_flu_is_a_safe_answer() -> None:
    sim = _at_fever_question("the side of my hip hurts on the stairs")
    turn = sim.say("I'm feeling fine in myself, better than my husband who's in bed with man flu")
    assert turn.session_attributes.get("pending") == "safety:injury"
    assert turn.session_attributes.get("triage") is None


def test_someone_else_who_cannot_stand_up_now_is_answered_at_once_to_the_helper() -> None:
    sim = Simulator()
    sim.launch()
    sim.say("my outer hip hurts when I lie on it")
    turn = sim.say("my dad fell off a ladder and hurt his groin, he can't stand up")
    assert turn.session_attributes.get("triage") == "urgent"
    assert "get them medical attention" in turn.speech


def test_someone_elses_inability_to_walk_told_of_the_past_is_not_the_speakers() -> None:
    sim = Simulator()
    sim.launch()
    turn = sim.say("my groin hurts when I walk, my husband couldn't walk for weeks after his op")
    assert turn.session_attributes.get("triage") is None
