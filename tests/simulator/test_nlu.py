"""The local NLU understands people the way Alexa does: loosely about wording, strictly about "not"."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from statistics import median

import pytest

from skill.core.spoken.dates import find_dates
from skill.core.spoken.durations import find_durations
from skill.core.spoken.numbers import find_numbers
from skill.simulator.evaluate import evaluate
from skill.simulator.invocation import parse_invocation
from skill.simulator.model import compile_model, load_model
from skill.simulator.nlu import understand
from skill.simulator.resolution import intent_slots, slot_json
from skill.simulator.simulator import MODEL_DIR
from skill.simulator.text import normalise

FIXTURE = Path(__file__).parents[1] / "fixtures" / "model-en-US.json"
TODAY = date(2026, 11, 27)  # a Friday, ISO week 48
SKILL_ID = "amzn1.ask.skill.test"


@pytest.fixture(scope="module")
def model():
    return load_model(FIXTURE)


def read(model, text: str):
    return understand(model, text, TODAY)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("my outer hip hurts when I lie on it", "DescribePainIntent",
         {"location": "outer_hip", "trigger": "lying_on_side"}),
        ("um my outer hip hurts please", "DescribePainIntent", {"location": "outer_hip"}),
        ("I think it's like burning", "DescribePainIntent", {"quality": "burning"}),
        ("so uh basically my groin hurts", "DescribePainIntent", {"location": "groin"}),
    ],
)
def test_filler_words_cost_nothing(model, text, intent, slots):
    reading = read(model, text)
    assert reading.intent == intent
    assert {k: v.id for k, v in reading.slots.items()} == slots
    assert reading.score == 1.0


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("when I lie on it my outer hip hurts", "DescribePainIntent",
         {"location": "outer_hip", "trigger": "lying_on_side"}),
        ("it hurts on the outside of my hip when I sleep on that side", "DescribePainIntent",
         {"location": "outer_hip", "trigger": "lying_on_side"}),
        ("pain in my groin when running", "DescribePainIntent",
         {"location": "groin", "trigger": "running"}),
        ("should I put ice on it", "IceIntent", {}),
        ("tell me about hip arthritis please", "AboutConditionIntent",
         {"condition": "osteoarthritis"}),
        ("could you remind me to ice in fifteen minutes", "IceReminderIntent",
         {"duration": "PT15M"}),
    ],
)
def test_word_order_and_extra_or_missing_words_are_tolerated(model, text, intent, slots):
    reading = read(model, text)
    assert reading.intent == intent
    assert {k: v.id for k, v in reading.slots.items()} == slots


@pytest.mark.parametrize(
    ("text", "slot", "value_id"),
    [
        ("the back of my thigh hurts", "location", "back_thigh"),
        ("honestly my bum hurts", "location", "buttock"),
        ("what about sciatica", "condition", "referred_pain"),
    ],
)
def test_slot_values_and_synonyms_are_spotted_anywhere(model, text, slot, value_id):
    assert read(model, text).slots[slot].id == value_id


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("I can't walk", "RedFlagIntent", {"flag": "cannot_bear_weight"}),
        ("I cannot walk", "RedFlagIntent", {"flag": "cannot_bear_weight"}),
        ("I can not walk", "RedFlagIntent", {"flag": "cannot_bear_weight"}),
        ("I can walk", "SafetyAnswerIntent", {"answer": "can_bear_weight"}),
        ("no fever", "SafetyAnswerIntent", {"answer": "no_fever"}),
        ("I have a fever", "RedFlagIntent", {"flag": "fever"}),
        ("I fell", "RedFlagIntent", {"flag": "fall_injury"}),
        ("I didn't fall", "SafetyAnswerIntent", {"answer": "no_injury"}),
        ("I did not fall", "SafetyAnswerIntent", {"answer": "no_injury"}),
    ],
)
def test_negation_changes_the_meaning(model, text, intent, slots):
    reading = read(model, text)
    assert reading.intent == intent
    assert {k: v.id for k, v in reading.slots.items()} == slots


@pytest.mark.parametrize(
    ("words", "folded"),
    [("can't", "cannot"), ("cannot", "cannot"), ("can not", "cannot"), ("don't", "dont"),
     ("do not", "dont"), ("won't", "wont"), ("isn't", "isnt"), ("it's", "it is"),
     ("I'm", "i am"), ("doctor's", "doctor"), ("let's", "let us")],
)
def test_contractions_fold_to_scored_words(words, folded):
    assert " ".join(normalise(words)) == folded


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("help", "AMAZON.HelpIntent"), ("what can I say", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"), ("shut up", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"), ("never mind", "AMAZON.CancelIntent"),
        ("yes", "AMAZON.YesIntent"), ("yeah", "AMAZON.YesIntent"), ("yep", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"), ("no", "AMAZON.NoIntent"), ("nope", "AMAZON.NoIntent"),
        ("repeat", "AMAZON.RepeatIntent"), ("say that again", "AMAZON.RepeatIntent"),
        ("what", "AMAZON.RepeatIntent"), ("next", "AMAZON.NextIntent"),
        ("skip", "AMAZON.NextIntent"), ("go back", "AMAZON.PreviousIntent"),
        ("previous", "AMAZON.PreviousIntent"), ("start over", "AMAZON.StartOverIntent"),
        ("restart", "AMAZON.StartOverIntent"), ("go home", "AMAZON.NavigateHomeIntent"),
        ("main menu", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_intents_answer_their_standard_phrases(model, text, intent):
    assert read(model, text).intent == intent


def test_built_ins_the_model_does_not_declare_are_never_chosen():
    raw = json.loads(FIXTURE.read_text())
    intents = raw["interactionModel"]["languageModel"]["intents"]
    raw["interactionModel"]["languageModel"]["intents"] = [
        i for i in intents if i["name"] != "AMAZON.RepeatIntent"]
    assert understand(compile_model(raw), "say that again", TODAY).intent != "AMAZON.RepeatIntent"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("today", "2026-11-27"), ("this morning", "2026-11-27"), ("yesterday", "2026-11-26"),
        ("three days ago", "2026-11-24"), ("a week ago", "2026-11-20"),
        ("last week", "2026-W47"), ("this weekend", "2026-W48-WE"), ("last month", "2026-10"),
        ("last monday", "2026-11-23"), ("on monday", "2026-11-30"),
        ("the day before yesterday", "2026-11-25"), ("two months ago", "2026-09-27"),
        ("since 2019", "2019"),
    ],
)
def test_dates_resolve_against_the_clock(text, value):
    assert [v for _, _, v in find_dates(normalise(text), TODAY)] == [value]


def test_a_number_is_a_year_only_from_1900_to_next_year():
    assert [v for _, _, v in find_dates(normalise("in 1899 and in 2028"), TODAY)] == []
    assert [v for _, _, v in find_dates(normalise("in 1900 and in 2027"), TODAY)] == ["1900", "2027"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("two days", "P2D"), ("fifteen minutes", "PT15M"), ("two hours", "PT2H"),
     ("half an hour", "PT30M"), ("an hour and a half", "PT1H30M"), ("a week", "P1W"),
     ("a couple of days", "P2D"), ("two hours and fifteen minutes", "PT2H15M")],
)
def test_durations_are_iso_8601(text, value):
    assert [v for _, _, v in find_durations(normalise(text))] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("fifteen", "15"), ("twenty one", "21"), ("two hundred and five", "205"), ("45", "45")],
)
def test_numbers_are_digits(text, value):
    assert [v for _, _, v in find_numbers(normalise(text))] == [value]


def test_a_date_slot_is_filled_relative_to_the_clock(model):
    reading = read(model, "it started three days ago")
    assert (reading.intent, reading.slots["started"].value) == ("PainStartedIntent", "2026-11-24")


def test_a_custom_value_resolves_with_alexas_entity_resolution_block(model):
    reading = read(model, "my bum hurts")
    slot = slot_json("location", reading.slots["location"], SKILL_ID)
    assert slot["value"] == "bum"
    assert slot["confirmationStatus"] == "NONE"
    assert slot["resolutions"] == {"resolutionsPerAuthority": [{
        "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.HipLocation",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": "buttock", "id": "buttock"}}],
    }]}


def test_an_unknown_value_in_a_slots_place_is_er_success_no_match(model):
    reading = read(model, "my elbow hurts")
    slot = slot_json("location", reading.slots["location"], SKILL_ID)
    assert slot["value"] == "elbow"
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"}
    assert "values" not in authority


def test_every_declared_slot_is_present_and_unfilled_ones_have_no_value(model):
    reading = read(model, "my outer hip hurts")
    slots = intent_slots(model, reading.intent, reading.slots, SKILL_ID)
    assert set(slots) == set(model.intents["DescribePainIntent"])
    assert slots["trigger"] == {"name": "trigger", "confirmationStatus": "NONE"}
    assert "resolutions" not in slots["started"]


def test_built_in_slot_types_carry_no_resolutions(model):
    reading = read(model, "I've had it for two days")
    slot = slot_json("duration", reading.slots["duration"], SKILL_ID)
    assert slot["value"] == "P2D" and "resolutions" not in slot


@pytest.mark.parametrize("text", ["order a pizza", "banana", "what's the capital of peru", "um"])
def test_unrelated_utterances_fall_back(model, text):
    reading = read(model, text)
    assert reading.intent == "AMAZON.FallbackIntent"
    assert reading.score < model.threshold


def test_threshold_follows_the_models_fallback_sensitivity():
    raw = json.loads(FIXTURE.read_text())
    levels = {}
    for level in ("LOW", "MEDIUM", "HIGH"):
        raw["interactionModel"]["languageModel"]["modelConfiguration"] = {
            "fallbackIntentSensitivity": {"level": level}}
        levels[level] = compile_model(raw).threshold
    assert levels["LOW"] < levels["MEDIUM"] < levels["HIGH"]


def test_the_explanation_names_sample_score_slots_and_runner_up(model):
    explained = read(model, "my outer hip hurts when I lie on it").explanation.to_dict()
    assert explained["intent"] == "DescribePainIntent"
    assert explained["sample"] == "my {location} hurts when I {trigger}"
    assert explained["score"] == 1.0
    assert explained["slots"]["location"]["resolution"]["values"][0]["id"] == "outer_hip"
    assert explained["runner_up"]["intent"] != "DescribePainIntent"
    json.dumps(explained)


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("open hip helper", "launch", ""), ("launch hip helper", "launch", ""),
        ("start hip helper", "launch", ""), ("Alexa, open Hip Helper", "launch", ""),
        ("ask hip helper", "launch", ""),
        ("ask hip helper what is bursitis", "intent", "what is bursitis"),
        ("tell hip helper my outer hip hurts", "intent", "my outer hip hurts"),
        ("ask hip helper about ice", "intent", "about ice"),
        ("ask hip helper to start an ice timer", "intent", "start an ice timer"),
        ("my hip hurts", "", ""),
    ],
)
def test_invocation_phrases(text, kind, rest):
    found = parse_invocation(text, "hip helper")
    assert (found.kind, found.rest) == (kind, rest)


def test_every_fixture_sample_maps_back_to_its_intent(tmp_path):
    (tmp_path / "en-US.json").write_text(FIXTURE.read_text())
    report = evaluate(tmp_path, tmp_path / "absent.yaml")
    assert report.samples > 100
    assert report.sample_misses == []


@pytest.mark.parametrize("path", sorted(MODEL_DIR.glob("*-*.json")), ids=lambda p: p.stem)
def test_every_real_sample_maps_back_to_its_intent(path):
    report = evaluate(MODEL_DIR, MODEL_DIR / "no-paraphrases.yaml", [path.stem])
    assert [m.describe() for m in report.sample_misses] == []


def test_paraphrases_are_understood_well_enough():
    report = evaluate()
    assert report.paraphrase_accuracy >= 0.95, [m.describe() for m in report.paraphrase_misses]


def test_a_paraphrase_carried_by_a_one_shot_opening_is_judged_by_what_the_reader_hears(tmp_path):
    # "the pain wakes me ..." reaches the opening intent for "the"; the skill's reader hears it
    cases = tmp_path / "paraphrases.yaml"
    cases.write_text(
        "en-US:\n"
        "  - {text: 'the pain wakes me up every night', intent: RedFlagIntent,"
        " slots: {flag: night_pain}}\n"
        "  - {text: 'the pain wakes me up every night', intent: RedFlagIntent,"
        " slots: {flag: fever}}\n")
    report = evaluate(MODEL_DIR, cases, ["en-US"])
    assert [m.expected_slots for m in report.paraphrase_misses] == [{"flag": "fever"}]


def test_median_understanding_is_under_two_milliseconds(model):
    texts = ["my outer hip hurts when I lie on it", "um I think it's like burning please",
             "remind me to ice in fifteen minutes", "I can't walk", "order a pizza"] * 20
    timings = []
    for text in texts:
        start = time.perf_counter()
        read(model, text)
        timings.append(time.perf_counter() - start)
    assert median(timings) < 0.002


@pytest.fixture(scope="module")
def real_model():
    return load_model(MODEL_DIR / "en-US.json")


def test_a_story_no_sample_explains_is_handed_over_after_its_short_carrier(real_model):
    reading = read(real_model, "so I was getting off the bus and I slipped and landed on my hip")
    assert reading.intent == "LeadSpeechIWasIntent"  # the skill gives "i was" back to the reader
    assert reading.slots["speech"].value == "getting off the bus and i slipped and landed on my hip"


def test_a_sample_that_explains_the_words_keeps_them_from_the_catch_all(real_model):
    reading = read(real_model, "my outer hip hurts when I lie on it")
    assert reading.intent == "DescribePainIntent"
    assert reading.slots["location"].id == "outer_hip"


def test_an_utterance_without_a_carrier_still_falls_back(real_model):
    assert read(real_model, "nope nothing like a sunny day on a boat").intent == "AMAZON.FallbackIntent"
