"""'Tell me more': the detail behind the last short answer, then the same question again."""

from __future__ import annotations

import pytest

from skill.core import intents
from skill.core.state import PENDING_DESCRIBE, PENDING_STEP, State
from skill.core.triage import URGENT
from tests.support.talk import Talk, screened


@pytest.fixture
def talk() -> Talk:
    return Talk()


def test_more_after_a_match_gives_the_detail_and_keeps_the_safety_question(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.state.more == ("condition.gtps.detail",)
    out = talk(intents.MORE)
    assert talk.keys == ["condition.gtps.detail", "safety.fever.ask"]
    assert "gluteal" in out.text
    assert talk.state.pending == "safety:fever" and talk.state.more == ()


def test_more_twice_says_there_is_no_more_and_asks_again(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    talk(intents.MORE)
    talk(intents.MORE)
    assert talk.keys == ["dialog.no_more", "safety.fever.ask"]


def test_more_after_about_a_condition_continues_it(talk: Talk) -> None:
    talk(intents.ABOUT, condition="fai")
    talk(intents.MORE)
    assert talk.keys == ["condition.fai.detail", "dialog.ask_anything_else"]


def test_more_never_answers_the_safety_question_for_the_person(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    talk(intents.MORE)
    assert talk.state.safety == {}
    talk(intents.NO)
    assert talk.keys == ["safety.injury.ask"]


def test_in_the_walkthrough_more_gives_the_step_detail_then_goes_on(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    screened(talk)
    talk(intents.YES)
    assert talk.state.step == 0
    talk(intents.MORE)
    assert talk.keys == ["topic.rest.detail", "dialog.ask_care_step"]
    assert talk.state.step == 0 and talk.state.pending == PENDING_STEP
    talk(intents.MORE)  # "go on", with nothing more on this step: the next one
    assert "topic.ice.say" in talk.keys and talk.state.step == 1


def test_walkthrough_painkillers_keep_their_cautions_for_more(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    screened(talk)
    talk(intents.YES)
    while "topic.medicines.say" not in talk.keys:
        talk(intents.NEXT)
    assert "topic.medicines.detail" not in talk.keys
    out = talk(intents.MORE)
    assert "blood thinners" in out.text and "acetaminophen" in out.text


def test_asked_about_painkillers_the_cautions_are_part_of_the_answer(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    screened(talk)
    out = talk("MedicineIntent")
    assert talk.keys[-3:] == ["topic.medicines.say", "topic.medicines.detail",
                              "dialog.ask_anything_else"]
    assert "blood thinners" in out.text and talk.state.more == ()


def test_urgent_advice_is_complete_with_nothing_held_back(talk: Talk) -> None:
    talk(intents.LAUNCH)
    out = talk(intents.RED_FLAG, flag="fever")
    assert talk.state.triage == URGENT and talk.state.more == ()
    assert "911" in out.text and "emergency room" in out.text
    talk(intents.MORE)
    assert talk.keys == ["dialog.no_more", "dialog.ask_after_urgent"]


def test_more_is_not_lost_to_a_misheard_turn(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    talk(intents.FALLBACK)
    talk(intents.MORE)
    assert talk.keys[0] == "condition.gtps.detail"


def test_more_with_nothing_said_yet_asks_what_is_wrong(talk: Talk) -> None:
    talk(intents.MORE)
    assert talk.keys[-2:] == ["dialog.no_more", f"dialog.ask_{PENDING_DESCRIBE}"]


def test_a_description_after_urgent_advice_hears_the_advice_first(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.RED_FLAG, flag="fall_injury")
    out = talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.keys == [
        "dialog.urgent_first", "level.urgent.say", "condition.gtps.summary",
        "dialog.ask_after_urgent",
    ]
    assert out.reprompt_text and "tell me more" not in out.reprompt_text


def test_the_short_answer_about_a_stress_fracture_still_says_to_have_it_checked(talk: Talk) -> None:
    out = talk(intents.ABOUT, condition="stress_fracture")
    assert "healthcare provider" in out.text


def test_a_caveat_after_a_warning_signs_advice_waits_for_more_and_is_on_the_card(
    talk: Talk,
) -> None:
    out = talk(intents.DESCRIBE, location="lower_back", trigger="bending_back", flag="numbness")
    assert talk.state.condition == "referred_pain"
    assert "condition.referred_pain.caveat" not in talk.keys
    assert out.card_text and "bladder or bowel control" in out.card_text
    assert talk.state.more == ("condition.referred_pain.caveat", "condition.referred_pain.detail")
    talk(intents.MORE)
    assert talk.keys == ["condition.referred_pain.caveat", "safety.fever.ask"]
    talk(intents.MORE)
    assert talk.keys == ["condition.referred_pain.detail", "safety.fever.ask"]
    assert talk.state.more == ()


def test_a_caveat_with_nothing_else_to_see_a_doctor_for_is_said_at_once(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="lower_back", trigger="bending_back")
    assert talk.keys == [
        "condition.referred_pain.summary", "condition.referred_pain.caveat",
        "dialog.safety_intro", "safety.fever.ask",
    ]


def test_how_long_it_has_hurt_comes_first_and_the_caveat_waits() -> None:
    talk = Talk(state=State(today="2026-11-27"))
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="lower_back", trigger="bending_back", duration="P10D")
    assert talk.keys == [
        "dialog.assess_if_no_better", "condition.referred_pain.summary", "safety.fever.ask",
    ]
    assert talk.state.more[0] == "condition.referred_pain.caveat"


def test_lying_on_it_told_apart_from_night_pain_waits_for_more_inside_a_description(
    talk: Talk,
) -> None:
    talk(intents.LAUNCH)
    out = talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side", flag="night_pain")
    assert talk.keys == [
        "flag.night_pain.say", "level.see_provider.say", "condition.gtps.summary",
        "safety.fever.ask",
    ]
    assert out.card_text and "isn't a warning sign by itself" in out.card_text
    talk(intents.MORE)
    assert talk.keys == ["not_red_flag.lying_on_side", "safety.fever.ask"]


def test_what_is_left_for_more_survives_the_session_attributes() -> None:
    state = State(more=("condition.gtps.caveat", "condition.gtps.detail"))
    assert State.from_attributes(state.to_attributes()).more == state.more
    assert State.from_attributes({"more": "condition.gtps.detail"}).more == (
        "condition.gtps.detail",
    )
