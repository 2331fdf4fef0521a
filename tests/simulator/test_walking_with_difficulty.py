"""Walking with difficulty is still walking: a limp, a stick or "with difficulty" at the weight
question is a safe answer for an adult (eval/README.md labelling), never for a child, and
"walking's ok" is read as "walking is ok"."""

from __future__ import annotations

import pytest

from tests.support.asked import OUTER_HIP, answer_at


def _weight_answer(words: str, complaint: str = OUTER_HIP) -> dict:
    turn = answer_at("weight", words, complaint)
    return {"triage": turn.session_attributes.get("triage"),
            "safety": turn.session_attributes.get("safety") or {}, "speech": turn.speech}


@pytest.mark.parametrize("words", [
    "I'm limping", "I can hobble", "I hobble around", "only with a stick",
    "I'm using a walking stick", "I can, with difficulty", "it's hard but I can",
    "I can't run, but walking's ok",
])
def test_walking_with_difficulty_is_a_safe_answer_for_an_adult(words: str) -> None:
    said = _weight_answer(words)
    assert said["safety"].get("weight") == "safe"
    assert said["triage"] != "urgent"


@pytest.mark.parametrize("words", [
    "I can't walk, I'm limping badly", "I'm limping and I can't put any weight on it",
    "barely", "on crutches",
])
def test_a_limp_beside_an_inability_to_walk_is_still_urgent(words: str) -> None:
    assert _weight_answer(words)["triage"] == "urgent"


def test_a_childs_limp_at_the_weight_question_is_urgent() -> None:
    said = _weight_answer("he's limping", complaint="my six year old son's hip hurts")
    assert said["triage"] == "urgent"
