"""A blind probe of safety answers in people's own words (round 18), through the production
path: an emphasised no is a no, a hedge is not a safe yes to 'can you walk?', and 'no, but ...'
keeps the answer while the sign after it is advised."""

from __future__ import annotations

import pytest

from tests.support.asked import answer_at


def _answer(question: str, words: str) -> dict[str, object]:
    turn = answer_at(question, words)
    return {"triage": turn.session_attributes.get("triage"),
            "pending": turn.session_attributes.get("pending"), "speech": turn.speech}


@pytest.mark.parametrize("words", ["definitely not", "absolutely not", "of course not",
                                   "I cannae put my weight on it", "barely, hardly at all",
                                   "it gives way when I try"])
def test_an_emphasised_no_or_a_leg_that_fails_at_the_weight_question_is_urgent(words: str) -> None:
    said = _answer("weight", words)
    assert said["triage"] == "urgent"
    assert "reassuring" not in str(said["speech"])


@pytest.mark.parametrize("words", ["definitely not", "of course not", "not unwell, no",
                                   "I'm right as rain", "not that I've noticed, no"])
def test_an_emphasised_or_idiomatic_no_to_the_fever_question_moves_on(words: str) -> None:
    said = _answer("fever", words)
    assert said["triage"] is None and said["pending"] == "safety:injury"


@pytest.mark.parametrize("words", ["sort of", "kind of"])
def test_a_hedged_yes_to_can_you_walk_is_asked_again_not_taken_as_safe(words: str) -> None:
    said = _answer("weight", words)
    assert said["pending"] == "safety:weight" and said["triage"] is None


def test_a_hedged_yes_to_the_fever_question_is_still_a_fever() -> None:
    assert _answer("fever", "a bit")["triage"] == "urgent"


@pytest.mark.parametrize("words", ["no, I didn't fall, I was pushed",
                                   "I had a bit of a spill on the ice, eh"])
def test_a_push_or_a_spill_at_the_fall_question_is_urgent(words: str) -> None:
    assert _answer("injury", words)["triage"] == "urgent"


@pytest.mark.parametrize(("question", "words", "then"), [
    ("fever", "no, but it keeps me up every night", "safety:injury"),
    ("injury", "no, but my foot's been numb and tingly", "safety:weight"),
])
def test_no_but_a_doctors_sign_is_advised_and_the_next_question_follows(
    question: str, words: str, then: str
) -> None:
    said = _answer(question, words)
    assert said["triage"] == "see_provider" and said["pending"] == then


def test_no_problem_at_all_is_a_safe_answer_to_can_you_walk() -> None:
    assert _answer("weight", "no problem at all")["pending"] == "offer_care"


def test_mate_said_to_the_skill_is_not_someone_else() -> None:
    assert "get them" not in str(_answer("weight", "nah, can't walk on it mate")["speech"])


def test_no_i_have_no_trouble_walking_is_a_safe_answer() -> None:
    assert _answer("weight", "no I have no trouble walking")["pending"] == "offer_care"


def test_a_no_taken_back_by_a_doubt_is_asked_again() -> None:
    said = _answer("injury", "I don't think so but I'm a bit forgetful lately")
    assert said["pending"] == "safety:injury" and said["triage"] is None


def test_an_unsafe_answer_with_a_doubt_beside_it_stays_unsafe() -> None:
    said = _answer("weight", "not really, it hurts as soon as I put weight on it, I'm not sure I "
                             "can walk to the station")
    assert said["triage"] == "urgent"
