"""Red flags, safety answers and urgency: the rules that always win."""

from __future__ import annotations

import pytest

from skill.content import get_content
from skill.core import intents
from skill.core.intents import Act
from skill.core.triage import (
    SAFE,
    SEE_PROVIDER,
    SELF_CARE,
    UNSAFE,
    URGENT,
    answer_to,
    flags_in,
    level_of,
    next_safety_question,
    worse,
)

CONTENT = get_content()
QUESTIONS = {q.id: q for q in CONTENT.safety_questions}
URGENT_FLAGS = [
    "fall_injury", "cannot_bear_weight", "fever", "hot_swollen_joint", "leg_deformity",
    "leg_numb_cold", "bladder_bowel",
]
PROVIDER_FLAGS = [
    "numbness", "night_pain", "rest_pain", "no_improvement", "stress_fracture", "weight_loss",
    "cancer_history",
]


def test_safety_questions_are_fever_injury_weight_in_that_order() -> None:
    assert [q.id for q in CONTENT.safety_questions] == ["fever", "injury", "weight"]


@pytest.mark.parametrize("flag", URGENT_FLAGS)
def test_urgent_flags_are_urgent(flag: str) -> None:
    assert level_of([flag], CONTENT) == URGENT


@pytest.mark.parametrize("flag", PROVIDER_FLAGS)
def test_see_provider_flags_send_to_a_provider(flag: str) -> None:
    assert level_of([flag], CONTENT) == SEE_PROVIDER


def test_lying_on_the_sore_side_is_not_a_red_flag() -> None:
    assert "lying_on_side" not in CONTENT.red_flags
    assert "lying_on_side" in CONTENT.not_red_flags


@pytest.mark.parametrize(
    ("question", "intent", "expected"),
    [
        ("fever", intents.NO, SAFE),
        ("fever", intents.YES, UNSAFE),
        ("injury", intents.NO, SAFE),
        ("injury", intents.YES, UNSAFE),
        ("weight", intents.YES, SAFE),
        ("weight", intents.NO, UNSAFE),
        ("weight", intents.HELP, None),
    ],
)
def test_yes_and_no_read_against_each_question(question: str, intent: str, expected: str) -> None:
    assert answer_to(Act(intent), QUESTIONS[question]) == expected


def test_can_walk_statement_answers_the_weight_question() -> None:
    act = Act(intents.SAFETY_ANSWER, {"answer": "can_walk"})
    assert answer_to(act, QUESTIONS["weight"]) == SAFE
    assert answer_to(act, QUESTIONS["fever"]) is None


def test_unsafe_answer_raises_the_questions_flag() -> None:
    assert flags_in(Act(intents.NO), CONTENT, QUESTIONS["weight"]) == ["cannot_bear_weight"]


def test_flag_slot_raises_its_flag_whatever_was_asked() -> None:
    act = Act(intents.DESCRIBE, {"flag": "fever", "location": "groin"})
    assert flags_in(act, CONTENT, None) == ["fever"]


def test_unknown_flag_id_is_ignored() -> None:
    assert flags_in(Act(intents.RED_FLAG, {"flag": "nonsense"}), CONTENT, None) == []


def test_triage_only_rises() -> None:
    assert worse(URGENT, SELF_CARE) == URGENT
    assert worse(SELF_CARE, SEE_PROVIDER) == SEE_PROVIDER
    assert worse(None, SELF_CARE) == SELF_CARE


def test_next_safety_question_skips_safe_answers_only() -> None:
    assert next_safety_question(CONTENT, {"fever": SAFE}).id == "injury"  # type: ignore[union-attr]
    assert next_safety_question(CONTENT, {"fever": UNSAFE}).id == "fever"  # type: ignore[union-attr]
    assert next_safety_question(CONTENT, dict.fromkeys(QUESTIONS, SAFE)) is None
