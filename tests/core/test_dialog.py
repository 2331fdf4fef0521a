"""The conversation as a state machine: what the pure core says, in what order, and why."""

from __future__ import annotations

import pytest

from skill.content import get_content
from skill.core import intents
from skill.core.reader.read import read
from skill.core.triage import SEE_PROVIDER, SELF_CARE, URGENT
from skill.core.understand import UNSURE, answer_for
from tests.support.talk import Talk, screened


@pytest.fixture
def talk() -> Talk:
    return Talk()


def test_launch_welcomes_disclaims_and_invites(talk: Talk) -> None:
    out = talk(intents.LAUNCH)
    assert talk.keys == ["dialog.welcome", "dialog.disclaimer", "dialog.ask_describe"]
    assert "not a diagnosis" in out.text and "911" in out.text
    assert out.reprompt_text and not out.end


def test_disclaimer_is_said_once_per_session(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert "dialog.disclaimer" not in talk.keys


def test_one_shot_question_still_hears_the_disclaimer_first(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    assert talk.keys[:2] == ["dialog.hello", "dialog.disclaimer"]


def test_outer_hip_pain_lying_on_it_names_gtps_then_asks_fever(talk: Talk) -> None:
    talk(intents.LAUNCH)
    out = talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.keys == ["condition.gtps.summary", "dialog.safety_intro", "safety.fever.ask"]
    assert "trochanteric" in out.text
    assert talk.state.condition == "gtps"
    assert talk.state.to_attributes()["condition"] == "gtps"


def test_safety_questions_come_one_at_a_time_then_care_is_offered(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    talk(intents.NO)
    assert talk.keys == ["safety.injury.ask"]
    talk(intents.NO)
    assert talk.keys == ["safety.weight.ask"]
    talk(intents.YES)
    assert talk.keys == ["dialog.safety_done", "dialog.ask_offer_care"]
    assert talk.state.triage == SELF_CARE


@pytest.mark.parametrize(
    ("answers", "flag"),
    [
        ([intents.YES], "fever"),
        ([intents.NO, intents.YES], "fall_injury"),
        ([intents.NO, intents.NO, intents.NO], "cannot_bear_weight"),
    ],
)
def test_unsafe_answer_escalates_to_urgent_at_once(talk: Talk, answers: list[str], flag: str) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    for answer in answers:
        out = talk(answer)
    assert talk.keys[0] == f"flag.{flag}.say"
    assert "level.urgent.say" in talk.keys
    assert talk.state.triage == URGENT
    assert out.card_title == "Seek medical attention now"


def test_care_question_before_screening_asks_safety_first_then_answers(talk: Talk) -> None:
    talk(intents.LAUNCH)
    talk("MedicineIntent")
    assert talk.keys == ["dialog.safety_first", "safety.fever.ask"]
    screened(talk)
    assert talk.keys == [
        "dialog.safety_done", "topic.medicines.say", "topic.medicines.detail",
        "dialog.ask_anything_else",
    ]


def test_care_question_after_screening_is_answered_directly(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    out = talk("IceIntent")
    assert talk.keys[0] == "topic.ice.say"
    assert "fifteen minutes" in out.text


@pytest.mark.parametrize("intent", ["SeeDoctorIntent", "AnatomyIntent"])
def test_information_is_not_gated_by_screening(talk: Talk, intent: str) -> None:
    talk(intents.LAUNCH)
    talk(intent)
    assert talk.keys[0].startswith("topic.")


def test_about_a_condition_answers_and_returns_to_the_pending_question(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.ABOUT, condition="osteoarthritis")
    assert talk.keys == ["condition.osteoarthritis.about", "safety.fever.ask"]


def test_red_flag_mid_screening_is_answered_before_anything_else(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    out = talk(intents.RED_FLAG, flag="leg_deformity")
    assert talk.keys[:2] == ["flag.leg_deformity.say", "level.urgent.say"]
    assert "911" in out.text


def test_see_provider_flag_advises_and_keeps_the_question_open(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.RED_FLAG, flag="numbness")
    assert talk.keys == ["flag.numbness.say", "level.see_provider.say", "safety.fever.ask"]
    assert talk.state.triage == SEE_PROVIDER


def test_triage_never_drops_once_urgent(talk: Talk) -> None:
    talk(intents.RED_FLAG, flag="fever")
    talk(intents.RED_FLAG, flag="numbness")
    assert talk.state.triage == URGENT


def test_self_care_is_refused_after_an_urgent_flag(talk: Talk) -> None:
    talk(intents.RED_FLAG, flag="bladder_bowel")
    talk("RiceIntent")
    assert talk.keys[:2] == ["dialog.urgent_first", "level.urgent.say"]


def test_flag_inside_a_description_wins_over_the_match(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", flag="hot_swollen_joint")
    assert talk.keys[-3:] == ["flag.hot_swollen_joint.say", "level.urgent.say", "dialog.ask_after_urgent"]
    assert talk.state.features["location"] == ("outer_hip",)


def test_close_fits_get_one_separating_question(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin")
    assert talk.keys[-1].startswith("question.")
    assert talk.state.condition is None


def test_answering_the_separating_question_names_a_condition(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", quality="stiffness")
    for _ in range(4):
        if not talk.keys[-1].startswith("question."):
            break
        question = talk.content.questions[talk.keys[-1].split(".")[1]]
        talk(intents.DESCRIBE, **{question.group: question.options[0]})
    assert talk.state.condition is not None
    assert "dialog.safety_intro" in talk.keys


def test_an_either_or_answer_rules_out_the_option_not_chosen(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", trigger="lifting_knee")
    talk.state = talk.state.with_(
        features={**talk.state.features, "trigger": ("lifting_knee", "sitting", "deep_bending")},
        pending="separate:knee_or_sitting", asked=("knee_or_sitting",))
    talk(intents.DESCRIBE, trigger="sitting")
    assert "lifting_knee" not in talk.state.features["trigger"]
    assert talk.state.condition == "fai"


def test_description_without_a_place_asks_where(talk: Talk) -> None:
    talk(intents.DESCRIBE)
    assert talk.keys[-1] == "dialog.ask_location"


def test_stress_fracture_gives_its_caveat_and_sees_a_provider(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", trigger="weight_bearing", onset="after_training",
         activity="runner")
    assert talk.state.condition == "stress_fracture"
    assert "condition.stress_fracture.caveat" in talk.keys
    assert talk.state.triage == SEE_PROVIDER


def test_stress_fracture_walkthrough_leaves_out_gentle_movement(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", trigger="weight_bearing", onset="after_training",
         activity="runner")
    screened(talk)
    talk(intents.YES)
    spoken = list(talk.keys)
    while talk.state.step >= 0 and "dialog.ask_care_step" in talk.keys:
        talk(intents.NEXT)
        spoken += talk.keys
    assert "topic.movement.say" not in spoken
    assert talk.state.triage == SEE_PROVIDER


def test_walkthrough_reads_rice_as_numbered_steps(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    out = talk(intents.YES)
    assert "Step one of four" in out.text
    assert out.card_title == "Rest"
    out = talk(intents.NEXT)
    assert "Step two of four" in out.text


def test_previous_and_repeat_move_within_the_walkthrough(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk(intents.YES)
    second = talk(intents.NEXT).text
    assert talk(intents.REPEAT).text == second
    assert talk(intents.REPEAT).text == second
    assert "Step one of four" in talk(intents.PREVIOUS).text
    assert "topic.self_care_intro.say" not in talk.keys
    assert "first step" in talk(intents.PREVIOUS).text


def test_walkthrough_ends_by_asking_what_else(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk(intents.YES)
    seen = []
    for _ in range(len(talk.content.walkthrough)):
        talk(intents.NEXT)
        seen.append(talk.keys)
    assert ["dialog.walkthrough_done", "dialog.ask_anything_else"] in seen
    talk(intents.NEXT)
    assert talk.keys[0] == "dialog.nothing_to_navigate"


def test_next_outside_the_walkthrough_reasks_the_question(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.NEXT)
    assert talk.keys == ["dialog.nothing_to_navigate", "safety.fever.reask"]


def test_fallback_reasks_the_pending_question_in_other_words(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    out = talk(intents.FALLBACK)
    assert talk.keys == ["dialog.fallback", "safety.fever.reask"]
    assert out.reprompt_text


@pytest.mark.parametrize(
    ("setup", "help_key"),
    [
        ([], "dialog.help_describe"),
        ([(intents.DESCRIBE, {"location": "outer_hip"})], "dialog.help_safety"),
        ([(intents.DESCRIBE, {"location": "groin"})], "dialog.help_separate"),
        ([(intents.RED_FLAG, {"flag": "fever"})], "dialog.help_after_urgent"),
    ],
)
def test_help_depends_on_where_the_conversation_is(
    talk: Talk, setup: list[tuple[str, dict[str, str]]], help_key: str
) -> None:
    talk(intents.LAUNCH)
    for intent, slots in setup:
        talk(intent, **slots)
    talk(intents.HELP)
    assert talk.keys[0] == help_key
    assert talk.reply is not None and talk.reply.ask is not None


@pytest.mark.parametrize("intent", [intents.STOP, intents.CANCEL])
def test_stop_and_cancel_say_goodbye_and_end(talk: Talk, intent: str) -> None:
    talk(intents.LAUNCH)
    out = talk(intent)
    assert out.end and out.reprompt_text is None
    assert talk.keys == ["dialog.goodbye"]


def test_start_over_keeps_safety_answers(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk(intents.START_OVER)
    assert talk.state.condition is None
    talk(intents.DESCRIBE, location="buttock", quality="radiating")
    assert talk.keys[-1] == "dialog.ask_offer_care"


def test_a_statement_answers_its_safety_question(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.SAFETY_ANSWER, answer="no_fever")
    assert talk.keys == ["safety.injury.ask"]


def test_yes_without_a_question_is_not_guessed(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk(intents.NO)
    talk(intents.YES)
    assert talk.keys == ["dialog.ask_describe"]


def test_urgent_repeat_offer_then_no_ends_the_session(talk: Talk) -> None:
    talk(intents.RED_FLAG, flag="fever")
    talk(intents.YES)
    assert "level.urgent.say" in talk.keys
    out = talk(intents.NO)
    assert out.end and talk.keys == ["dialog.goodbye_urgent"]


def test_session_end_says_nothing(talk: Talk) -> None:
    talk(intents.LAUNCH)
    out = talk(intents.SESSION_ENDED)
    assert out.text == "" and out.end


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "triple zero"), ("en-IN", "112")],
)
def test_urgent_advice_uses_the_local_emergency_number(locale: str, number: str) -> None:
    talk = Talk(locale=locale)
    out = talk(intents.RED_FLAG, flag="cannot_bear_weight")
    assert number in out.text



def test_not_sure_to_an_either_or_question_names_the_best_fit_rather_than_ask_again(
    talk: Talk,
) -> None:
    talk(intents.DESCRIBE, location="groin")
    assert talk.keys[-1].startswith("question.")
    talk(intents.UNSURE)
    assert talk.state.condition is not None
    assert any(k.startswith("condition.") for k in talk.keys)
    assert not talk.keys[-1].startswith("question.")


def test_a_rich_description_gets_one_separating_question_then_the_best_fit(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", quality="deep_ache", onset="gradual")
    assert talk.keys[-1].startswith("question.")
    question = talk.content.questions[talk.keys[-1].split(".")[1]]
    talk(intents.DESCRIBE, **{question.group: question.options[0]})
    assert talk.state.condition is not None
    assert not talk.keys[-1].startswith("question.")


def test_neither_to_an_either_or_question_moves_on(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin")
    first = talk.keys[-1]
    talk(intents.NO)
    assert talk.keys[-1] != first


@pytest.mark.parametrize(
    ("condition", "location"),
    [(cid, loc) for cid, c in get_content().conditions.items() for loc in sorted(c.features["location"])],
)
def test_truthful_answers_to_the_questions_reach_each_condition(condition: str, location: str) -> None:
    """Start from one place it hurts and answer every question as that condition would."""
    talk = Talk()
    features = talk.content.conditions[condition].features
    talk(intents.DESCRIBE, location=location)
    for _ in range(8):
        if not talk.keys[-1].startswith("question."):
            break
        question = talk.content.questions[talk.keys[-1].split(".")[1]]
        fits = [o for o in question.options if o in features.get(question.group, ())]
        talk(intents.DESCRIBE, **{question.group: fits[0]}) if fits else talk(intents.NO)
    assert talk.state.condition == condition


def test_lying_on_the_sore_side_is_not_escalated(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.state.triage is None
    assert not [k for k in talk.keys if k.startswith(("flag.", "level."))]


def test_night_pain_after_lying_on_it_explains_the_difference(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    talk(intents.RED_FLAG, flag="night_pain")
    assert talk.keys[:3] == [
        "flag.night_pain.say", "level.see_provider.say", "not_red_flag.lying_on_side"
    ]


def test_not_sure_is_never_a_safe_answer(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.UNSURE)
    assert talk.keys == ["dialog.unsure_safety", "safety.fever.reask"]
    assert "fever" not in talk.state.safety


def test_an_unreadable_statement_at_a_safety_question_asks_yes_or_no(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk(intents.SAFETY_ANSWER, answer="")
    assert talk.keys == ["dialog.yes_or_no", "safety.fever.reask"]


def test_a_see_provider_flag_inside_a_description_still_matches_it(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="groin", flag="stress_fracture")
    assert talk.keys[2:4] == ["flag.stress_fracture.say", "level.see_provider.say"]
    assert talk.state.condition == "stress_fracture"
    assert talk.keys[-1] == "safety.fever.ask"
    talk = Talk()
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side", flag="numbness")
    # said first, with the greeting: the advice fills the breath, so the condition by name only
    assert talk.keys[2:5] == ["flag.numbness.say", "level.see_provider.say", "dialog.named_short"]
    assert talk.state.condition == "gtps"
    talk(intents.MORE)
    assert "condition.gtps.detail" in talk.keys


def test_repeat_after_a_misunderstanding_repeats_the_question_not_the_apology(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    asked = talk.out
    talk(intents.FALLBACK)
    again = talk(intents.REPEAT)
    assert asked is not None and again.text == asked.text


def test_a_care_question_mid_screening_is_promised_an_answer(talk: Talk) -> None:
    talk(intents.DESCRIBE, location="outer_hip")
    talk("MedicineIntent")
    assert talk.keys == ["dialog.after_safety", "safety.fever.ask"]
    screened(talk)
    assert "topic.medicines.say" in talk.keys


def test_emergency_number_is_read_as_digits_in_ssml() -> None:
    talk = Talk(locale="en-GB")
    out = talk(intents.RED_FLAG, flag="fever")
    assert '<say-as interpret-as="digits">999</say-as>' in out.ssml
    assert "call 999" in out.text
    out = Talk(locale="en-AU")(intents.RED_FLAG, flag="fever")
    assert "triple zero" in out.ssml and "say-as" not in out.ssml


def test_a_suspected_stress_fracture_is_not_matched_away_by_later_details(talk: Talk) -> None:
    talk(intents.RED_FLAG, flag="stress_fracture")
    talk(intents.DESCRIBE, location="outer_hip", trigger="lying_on_side")
    assert talk.state.condition == "stress_fracture"
    assert "condition.gtps.summary" not in talk.keys
    assert talk.state.triage == SEE_PROVIDER


def test_a_no_beside_a_statement_that_says_otherwise_is_asked_again() -> None:
    content = get_content()
    question = next(q for q in content.safety_questions if q.id == "weight")
    vocab = content.vocabulary("en-US")
    assert vocab is not None
    heard = read("no, I can get about on it", vocab, content.flag_levels())
    assert answer_for(heard, question) == UNSURE

