"""Matching described features to conditions, and picking the one question that separates two."""

from __future__ import annotations

import pytest

from skill.content import get_content
from skill.core.matching import (
    match_conditions,
    merge_features,
    nameable,
    score_condition,
    separating_question,
)

CONTENT = get_content()


@pytest.mark.parametrize(
    ("features", "best"),
    [
        ({"location": ["outer_hip"], "trigger": ["lying_on_side"]}, "gtps"),
        ({"location": ["groin"], "trigger": ["lifting_knee"]}, "hip_flexor_tendinopathy"),
        ({"location": ["inner_thigh"], "quality": ["sharp"], "onset": ["sudden"]}, "muscle_strain"),
        ({"location": ["groin"], "quality": ["stiffness"], "trigger": ["after_rest"]}, "osteoarthritis"),
        ({"location": ["groin"], "quality": ["clicking"], "trigger": ["deep_bending"]}, "fai"),
        (
            {"location": ["groin"], "trigger": ["weight_bearing"], "onset": ["after_training"],
             "activity": ["runner"]},
            "stress_fracture",
        ),
        ({"location": ["buttock", "lower_back"], "quality": ["radiating"]}, "referred_pain"),
    ],
)
def test_typical_descriptions_rank_their_condition_first(
    features: dict[str, list[str]], best: str
) -> None:
    assert match_conditions(features, CONTENT).best == best


def test_every_condition_can_be_reached_from_its_own_features() -> None:
    for cid, condition in CONTENT.conditions.items():
        features = {g: sorted(ids) for g, ids in condition.features.items()}
        assert match_conditions(features, CONTENT).best == cid


def test_nothing_described_ranks_nothing() -> None:
    ranking = match_conditions({}, CONTENT)
    assert ranking.best is None and not ranking.close


def test_groin_alone_is_close_and_gets_a_separating_question() -> None:
    ranking = match_conditions({"location": ["groin"]}, CONTENT)
    assert ranking.close
    question = separating_question(ranking, CONTENT, asked=())
    assert question is not None
    first, second = (CONTENT.conditions[m.condition] for m in ranking.matches[:2])
    answers = {o for o in question.options}
    assert answers & first.features[question.group] != answers & second.features.get(
        question.group, frozenset()
    )


def test_an_asked_question_is_not_asked_again() -> None:
    ranking = match_conditions({"location": ["groin"]}, CONTENT)
    question = separating_question(ranking, CONTENT, asked=())
    assert question is not None
    again = separating_question(ranking, CONTENT, asked=[question.id])
    assert again is None or again.id != question.id


def test_a_clear_leader_needs_no_question() -> None:
    ranking = match_conditions({"location": ["outer_hip"], "trigger": ["lying_on_side"]}, CONTENT)
    assert not ranking.close
    assert separating_question(ranking, CONTENT, asked=()) is None


def test_merge_keeps_order_and_drops_repeats() -> None:
    merged = merge_features({"location": ["groin"]}, {"location": ["groin", "outer_hip"]})
    assert merged == {"location": ["groin", "outer_hip"]}


def test_two_words_for_one_place_are_not_twice_the_fit() -> None:
    strain = CONTENT.conditions["muscle_strain"]
    once = score_condition({"location": ["groin"]}, strain)
    assert score_condition({"location": ["groin", "front_thigh"]}, strain) == once


def test_catching_at_the_front_of_the_hip_when_twisting_points_to_impingement() -> None:
    features = {"location": ["groin"], "trigger": ["twisting"], "quality": ["clicking"]}
    assert match_conditions(features, CONTENT).best == "fai"


@pytest.mark.parametrize(("features", "named"), [
    # pain bearing weight, in someone who does not run or train more: not a runner's crack
    ({"trigger": ["weight_bearing"], "quality": ["aching"]}, False),
    # running alone: not yet
    ({"trigger": ["running"], "activity": ["runner"]}, False),
    # a runner whose pain comes bearing weight, or more training: it may be named
    ({"trigger": ["weight_bearing", "running"], "activity": ["runner"]}, True),
    ({"onset": ["after_training"], "location": ["groin"]}, True),
])
def test_a_stress_fracture_is_named_only_with_each_group_it_requires(
    features: dict[str, list[str]], named: bool
) -> None:
    ranking = match_conditions(features, CONTENT)
    only = ranking._replace(matches=tuple(m for m in ranking.matches
                                          if m.condition == "stress_fracture"))
    assert (nameable(only, features, CONTENT) == "stress_fracture") is named
