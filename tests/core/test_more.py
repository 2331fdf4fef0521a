"""'Tell me more': the detail behind the last short answer, then the same question again."""

from __future__ import annotations

import pytest

from skill.core import intents
from skill.core.state import PENDING_DESCRIBE, PENDING_STEP
from skill.core.triage import URGENT
from tests.support.talk import Talk, screened


@pytest.fixture
def talk() -> Talk:
    return Talk()


def test_more_after_a_match_gives_the_detail_and_keeps_the_safety_question(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.state.more == "condition.gtps.detail"
    out = talk(intents.MORE)
    assert talk.keys == ["condition.gtps.detail", "safety.fever.ask"]
    assert "gluteal" in out.text
    assert talk.state.pending == "safety:fever" and talk.state.more is None


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
    assert "blood thinners" in out.text and talk.state.more is None


def test_urgent_advice_is_complete_with_nothing_held_back(talk: Talk) -> None:
    talk(intents.LAUNCH)
    out = talk(intents.RED_FLAG, flag="fever")
    assert talk.state.triage == URGENT and talk.state.more is None
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
