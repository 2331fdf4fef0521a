"""The interaction models build on Alexa, keep the contract with the code, and stay generated."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.core.intents import is_lead
from skill.simulator.nlu import SHORT_CARRIER

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = ROOT / "interaction_model"
PARAPHRASES = ROOT / "tests" / "nlu" / "paraphrases.yaml"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
DATE, DURATION = "AMAZON.DATE", "AMAZON.DURATION"
SEARCH_QUERY = "AMAZON.SearchQuery"  # a phrase slot: any words after its carrier phrase

# Intent -> slot -> slot type: the names the handlers read.
CONTRACT: dict[str, dict[str, str]] = {
    "DescribePainIntent": {
        "location": "HipLocation", "trigger": "PainTrigger", "quality": "PainQuality",
        "onset": "PainOnset", "activity": "ActivityType", "flag": "RedFlag",
        "absent": "RedFlag", "started": DATE, "duration": DURATION,
    },
    "PainStartedIntent": {"started": DATE, "duration": DURATION},
    "AboutConditionIntent": {"condition": "HipCondition"},
    "AnatomyIntent": {},
    "RedFlagIntent": {"flag": "RedFlag", "absent": "RedFlag"},
    "SafetyAnswerIntent": {"answer": "SafetyAnswer"},
    "UnsureIntent": {},
    "SelfCareIntent": {}, "RiceIntent": {}, "IceIntent": {}, "IceOrHeatIntent": {},
    "MedicineIntent": {}, "MovementIntent": {}, "SeeDoctorIntent": {},
    "StartIceTimerIntent": {}, "IceReminderIntent": {"duration": DURATION}, "ForgetMeIntent": {},
    "ResumeIntent": {},
    "FreeSpeechIntent": {"speech": SEARCH_QUERY},
    "TellMeMoreIntent": {},
}
BUILTINS = [
    "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent", "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent",
]
# What Amazon's built-ins already answer to: no custom sample or bare slot value may take these.
BUILTIN_PHRASES = {
    "yes", "yeah", "yep", "sure", "no", "nope", "no thanks", "stop", "cancel", "never mind",
    "help", "help me", "what can i say", "repeat", "say that again", "start over", "restart",
    "next", "skip", "previous", "back", "go back", "home", "go home", "exit", "quit",
}
FIXED_IDS = {
    "RedFlag": {
        "fall_injury", "cannot_bear_weight", "fever", "hot_swollen_joint", "leg_deformity",
        "leg_numb_cold", "bladder_bowel", "numbness", "night_pain", "rest_pain",
        "no_improvement", "stress_fracture", "weight_loss", "cancer_history",
    },
    "SafetyAnswer": {"no_fever", "no_injury", "can_walk"},
    "HipCondition": {
        "gtps", "hip_flexor_tendinopathy", "muscle_strain", "osteoarthritis", "fai",
        "stress_fracture", "referred_pain",
    },
}
# Words Alexa's AMAZON.DATE / AMAZON.DURATION take, to expand and recognise those slots.
_NUMBERS = (
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty few couple of half and"
)
_UNITS = "minute minutes hour hours day days week weeks fortnight month months year years"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
BUILTIN_WORDS = {
    DURATION: f"{_NUMBERS} {_UNITS}".split(),
    DATE: f"{_NUMBERS} {_UNITS} {_DAYS} today yesterday last this ago on the weekend morning".split(),
}
EXAMPLE_VALUES = {DATE: "yesterday", DURATION: "two weeks", SEARCH_QUERY: "my hip hurts"}
SLOT = re.compile(r"\{(\w+)\}")


def norm(text: str) -> str:
    """Case and spacing folded, as Alexa compares samples."""
    return " ".join(text.lower().split())


@cache
def model(locale: str) -> dict[str, Any]:
    data = json.loads((MODEL_DIR / f"{locale}.json").read_text(encoding="utf-8"))
    return data["interactionModel"]["languageModel"]  # type: ignore[no-any-return]


@cache
def intents(locale: str) -> dict[str, dict[str, Any]]:
    """Intent name -> {"slots": {slot: type}, "samples": [...]}."""
    return {
        i["name"]: {"slots": {s["name"]: s["type"] for s in i.get("slots", [])}, "samples": i["samples"]}
        for i in model(locale)["intents"]
    }


@cache
def phrases(locale: str) -> dict[str, dict[str, str]]:
    """Slot type -> spoken phrase (normalised) -> value id."""
    table: dict[str, dict[str, str]] = {}
    for slot_type in model(locale)["types"]:
        table[slot_type["name"]] = {
            norm(text): value["id"]
            for value in slot_type["values"]
            for text in [value["name"]["value"], *value["name"]["synonyms"]]
        }
    return table


def _slot_pattern(locale: str, slot_type: str, name: str | None) -> str:
    if slot_type == SEARCH_QUERY:
        body = "[a-z' .]+"
    elif slot_type in BUILTIN_WORDS:
        word = "(?:" + "|".join(BUILTIN_WORDS[slot_type]) + ")"
        body = f"{word}(?: {word})*"
    else:
        texts = sorted(phrases(locale)[slot_type], key=len, reverse=True)
        body = "|".join(re.escape(t) for t in texts)
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


@cache
def sample_regex(locale: str, intent: str, sample: str, named: bool = True) -> re.Pattern[str]:
    """One sample as a pattern: its words, and each slot as any of its values."""
    return re.compile(_sample_pattern(locale, intent, sample, named))


def _sample_pattern(locale: str, intent: str, sample: str, named: bool) -> str:
    slots = intents(locale)[intent]["slots"]
    parts = SLOT.split(norm(sample))
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(_slot_pattern(locale, slots[part], part if named else None))
        else:
            out.append(re.escape(part))
    return "".join(out).replace(r"\ ", " ")


@cache
def intent_regex(locale: str, intent: str, catch_all: bool = True) -> re.Pattern[str]:
    """Everything the intent's samples can expand to, as one pattern (`catch_all=False`: but
    not the samples whose short carrier hands any following words over as a phrase)."""
    samples = [s for s in intents(locale)[intent]["samples"]
               if catch_all or not is_catch_all(locale, intent, s)]
    alternatives = [_sample_pattern(locale, intent, s, named=False) for s in samples]
    return re.compile("|".join(f"(?:{a})" for a in alternatives) or "(?!)")


def is_catch_all(locale: str, intent: str, sample: str) -> bool:
    """'I {speech}': a phrase slot after a carrier of at most SHORT_CARRIER words."""
    slots = intents(locale)[intent]["slots"]
    parts = SLOT.split(norm(sample))
    return (len(parts) == 3 and not parts[2] and slots.get(parts[1]) == SEARCH_QUERY
            and len(parts[0].split()) <= SHORT_CARRIER)


def understand(locale: str, text: str) -> list[tuple[str, dict[str, str]]]:
    """Every (intent, slot ids) whose samples expand to exactly this text (a catch-all such as
    "I {speech}" expands to anything, so it is no sample's meaning)."""
    found = []
    for name, spec in intents(locale).items():
        for sample in spec["samples"]:
            if is_catch_all(locale, name, sample):
                continue
            match = sample_regex(locale, name, sample).fullmatch(norm(text))
            if match:
                ids = {
                    slot: phrases(locale).get(spec["slots"][slot], {}).get(value, value)
                    for slot, value in match.groupdict().items()
                }
                found.append((name, ids))
    return found


def expansions(locale: str, intent: str, sample: str) -> list[str]:
    """Each slot's every value in turn, the other slots held at one value (linear, not a product)."""
    slots = intents(locale)[intent]["slots"]
    names = SLOT.findall(sample)
    choices = {
        n: [EXAMPLE_VALUES[slots[n]]] if slots[n] in EXAMPLE_VALUES else list(phrases(locale)[slots[n]])
        for n in names
    }
    out = []
    for varied in names or [None]:
        values = {n: choices[n] if n == varied else choices[n][:1] for n in names}
        for combo in itertools.product(*(values[n] for n in names)):
            text = sample
            for name, value in zip(names, combo, strict=True):
                text = text.replace("{" + name + "}", value)
            out.append(norm(text))
    return out


# --- the files parse, and hold the contract ---------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_model_is_in_the_ask_cli_format(locale: str) -> None:
    lm = model(locale)
    assert lm["invocationName"] == "hip helper"
    assert lm["modelConfiguration"] == {"fallbackIntentSensitivity": {"level": "MEDIUM"}}  # out-of-domain talk falls back
    for intent in lm["intents"]:
        assert set(intent) <= {"name", "slots", "samples"}
        assert re.fullmatch(r"(AMAZON\.)?[A-Za-z_]+", intent["name"])
    for slot_type in lm["types"]:
        for value in slot_type["values"]:
            assert set(value) == {"id", "name"} and set(value["name"]) == {"value", "synonyms"}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_contract_intent_and_slot_is_declared(locale: str) -> None:
    declared = {n: spec for n, spec in intents(locale).items() if not is_lead(n)}
    assert set(declared) == set(CONTRACT) | set(BUILTINS)
    for name, slots in CONTRACT.items():
        assert declared[name]["slots"] == slots, name
    for name in BUILTINS:
        assert declared[name]["slots"] == {}, name
        # Alexa lets a skill extend built-ins; only yes and no are, with "no I can't" and the like
        if name not in ("AMAZON.YesIntent", "AMAZON.NoIntent"):
            assert declared[name]["samples"] == [], name


@pytest.mark.parametrize("locale", LOCALES)
def test_every_slot_type_is_defined_and_used(locale: str) -> None:
    used = {t for spec in intents(locale).values() for t in spec["slots"].values()}
    defined = {t["name"] for t in model(locale)["types"]}
    assert {t for t in used if not t.startswith("AMAZON.")} == defined


@pytest.mark.parametrize("locale", LOCALES)
def test_feature_slot_ids_are_exactly_the_content_features(locale: str) -> None:
    features = yaml.safe_load((ROOT / "content" / "features.yaml").read_text(encoding="utf-8"))
    for group in features.values():
        assert set(phrases(locale)[group["slot_type"]].values()) == set(group["values"])


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("slot_type", sorted(FIXED_IDS))
def test_red_flag_safety_and_condition_ids_are_the_agreed_lists(locale: str, slot_type: str) -> None:
    assert set(phrases(locale)[slot_type].values()) == FIXED_IDS[slot_type]


# --- Alexa's build rules ----------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_samples_use_only_words_alexa_accepts(locale: str) -> None:
    for name, spec in intents(locale).items():
        for sample in spec["samples"]:
            assert re.fullmatch(r"[A-Za-z .'{}]+", sample), (name, sample)
            assert sample == " ".join(sample.split()) and len(sample) < 200, (name, sample)
            assert not re.search(r"\}\s*\{", sample), f"adjacent slots: {sample}"
            _assert_periods_only_in_abbreviations(SLOT.sub("x", sample))
            assert set(SLOT.findall(sample)) <= set(spec["slots"]), (name, sample)


@pytest.mark.parametrize("locale", LOCALES)
def test_slot_values_use_only_words_alexa_accepts(locale: str) -> None:
    for slot_type in model(locale)["types"]:
        for value in slot_type["values"]:
            assert re.fullmatch(r"[a-z_]+", value["id"])
            for text in [value["name"]["value"], *value["name"]["synonyms"]]:
                assert re.fullmatch(r"[A-Za-z .']+", text) and len(text) <= 140, text
                assert text == " ".join(text.split()), text
                _assert_periods_only_in_abbreviations(text)


def _assert_periods_only_in_abbreviations(text: str) -> None:
    """Alexa takes "R. I. C. E.", not "RICE" or "R.I.C.E.": a period after each lone letter."""
    assert "." not in re.sub(r"(?<![A-Za-z'])[A-Za-z]\.", "", text), text
    assert not re.search(r"[A-Z]{2}", text), f"spell out as letters with periods: {text}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_digits_anywhere_in_the_model(locale: str) -> None:
    assert not re.search(r"\d", json.dumps(model(locale)))


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sample_is_repeated_within_or_across_intents(locale: str) -> None:
    seen: dict[str, str] = {}
    for name, spec in intents(locale).items():
        for sample in spec["samples"]:
            key = norm(sample)
            assert key not in seen, f"{sample!r} in {name} and {seen[key]}"
            seen[key] = name


@pytest.mark.parametrize("locale", LOCALES)
def test_no_phrase_is_two_values_of_one_slot_type(locale: str) -> None:
    for slot_type in model(locale)["types"]:
        texts = [
            norm(t)
            for value in slot_type["values"]
            for t in [value["name"]["value"], *value["name"]["synonyms"]]
        ]
        duplicates = {t for t in texts if texts.count(t) > 1}
        assert not duplicates, (slot_type["name"], duplicates)


@pytest.mark.parametrize("locale", LOCALES)
def test_slot_types_of_one_intent_never_share_a_phrase(locale: str) -> None:
    types = sorted({t for t in CONTRACT["DescribePainIntent"].values() if not t.startswith("AMAZON")})
    for first, second in itertools.combinations(types, 2):
        shared = set(phrases(locale)[first]) & set(phrases(locale)[second])
        assert not shared, (first, second, shared)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_slot_value_or_sample_takes_a_built_in_phrase(locale: str) -> None:
    for slot_type, table in phrases(locale).items():
        assert not set(table) & BUILTIN_PHRASES, slot_type
    for name, spec in intents(locale).items():
        assert not {norm(s) for s in spec["samples"]} & BUILTIN_PHRASES, name


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sample_can_be_heard_as_another_intent(locale: str) -> None:
    """Alexa's utterance-conflict check: no expansion of one intent is a sample of another.

    The free-speech catch-alls ("I {speech}") are left out on purpose: they take whatever no
    specific sample explains, and the reader hears every slot value as Alexa's model does
    (`make check`), so an utterance either way lands is understood the same.
    """
    conflicts = []
    names = list(intents(locale))
    for name in names:
        for sample in intents(locale)[name]["samples"]:
            for text in expansions(locale, name, sample):
                conflicts += [
                    (name, sample, text, other)
                    for other in names
                    if other != name
                    and intent_regex(locale, other, catch_all=False).fullmatch(text)
                ]
    assert not conflicts, conflicts[:20]


@pytest.mark.parametrize("locale", LOCALES)
def test_one_shot_openings_are_lead_intents_that_never_swallow_a_no_or_a_yes(locale: str) -> None:
    """Each short opening is its own intent, so the skill can give back the words Alexa leaves
    out of the slot; none is an answer word, which must reach the reader whole."""
    leads = {n: spec for n, spec in intents(locale).items() if is_lead(n)}
    openings = {SLOT.split(norm(spec["samples"][0]))[0].strip() for spec in leads.values()}
    assert all(spec["slots"] == {"speech": "AMAZON.SearchQuery"} and len(spec["samples"]) == 1
               for spec in leads.values())
    assert {"i", "my", "it's", "last", "what if", "he"} <= openings
    assert not openings & {"no", "not", "never", "nope", "nah", "yes", "yeah", "yep"}
    free = intents(locale)["FreeSpeechIntent"]["samples"]
    assert not [s for s in free if is_catch_all(locale, "FreeSpeechIntent", s)]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_fixed_sample_hides_a_sample_with_slots(locale: str) -> None:
    """A slot-free sample that a slotted one also produces would lose the slot values."""
    hidden = []
    for name, spec in intents(locale).items():
        slotted = [s for s in spec["samples"] if "{" in s]
        for sample in (s for s in spec["samples"] if "{" not in s):
            for template in slotted:
                if sample_regex(locale, name, template, False).fullmatch(norm(sample)):
                    hidden.append((name, sample, template))
    assert not hidden, hidden


# --- what the model means ---------------------------------------------------------------------

MEANINGS = [
    ("my outer hip hurts when I lie on it", "DescribePainIntent",
     {"location": "outer_hip", "trigger": "lying_on_side"}),
    ("it hurts when I lie on it at night", "DescribePainIntent", {"trigger": "lying_on_side"}),
    ("pain wakes me up at night", "RedFlagIntent", {"flag": "night_pain"}),
    ("I can't walk", "RedFlagIntent", {"flag": "cannot_bear_weight"}),
    ("I can walk", "SafetyAnswerIntent", {"answer": "can_walk"}),
    ("I have a fever", "RedFlagIntent", {"flag": "fever"}),
    ("no fever", "SafetyAnswerIntent", {"answer": "no_fever"}),
    ("I feel fine", "SafetyAnswerIntent", {"answer": "no_fever"}),
    ("I didn't fall", "SafetyAnswerIntent", {"answer": "no_injury"}),
    ("my leg is cold and numb", "RedFlagIntent", {"flag": "leg_numb_cold"}),
    ("pins and needles", "RedFlagIntent", {"flag": "numbness"}),
    ("I think I have a stress fracture", "RedFlagIntent", {"flag": "stress_fracture"}),
    ("tell me about hip bursitis", "AboutConditionIntent", {"condition": "gtps"}),
    ("what is F. A. I.", "AboutConditionIntent", {"condition": "fai"}),
    ("hip osteoarthritis", "AboutConditionIntent", {"condition": "osteoarthritis"}),
    ("what is R. I. C. E.", "RiceIntent", {}),
    ("remind me to ice again in two hours", "IceReminderIntent", {"duration": "two hours"}),
    ("it came on gradually", "DescribePainIntent", {"onset": "gradual"}),
    ("I'm a runner", "DescribePainIntent", {"activity": "runner"}),
    ("my hip hurts and I have a fever", "DescribePainIntent", {"flag": "fever"}),
]


@pytest.mark.parametrize(("text", "intent", "slots"), MEANINGS)
def test_key_phrases_mean_one_thing(text: str, intent: str, slots: dict[str, str]) -> None:
    for locale in LOCALES:
        heard = understand(locale, text)
        assert heard and {i for i, _ in heard} == {intent}, (locale, heard)
        assert slots in [s for _, s in heard], (locale, heard)


@pytest.mark.parametrize("locale", LOCALES)
def test_bum_is_british_australian_and_indian(locale: str) -> None:
    regional = locale in ("en-GB", "en-AU", "en-IN")
    assert (phrases(locale)["HipLocation"].get("bum") == "buttock") == regional
    assert phrases(locale)["HipLocation"]["butt"] == "buttock"


@pytest.mark.parametrize(
    ("locale", "intent", "sample"),
    [
        ("en-GB", "SeeDoctorIntent", "should I go to A and E"),
        ("en-GB", "SeeDoctorIntent", "when should I see a G. P."),
        ("en-GB", "SeeDoctorIntent", "should I see a physio"),
        ("en-AU", "SeeDoctorIntent", "do I need to see my G. P."),
        ("en-AU", "SeeDoctorIntent", "should I go to A and E"),
        ("en-IN", "SeeDoctorIntent", "should I go to A and E"),
        ("en-GB", "MedicineIntent", "can I take nurofen"),
        ("en-AU", "MedicineIntent", "can I take nurofen"),
        ("en-IN", "MedicineIntent", "can I take brufen"),
        ("en-US", "MedicineIntent", "can I take advil"),
        ("en-CA", "MedicineIntent", "can I take advil"),
        ("en-US", "MedicineIntent", "can I take aleve"),
    ],
)
def test_regional_samples(locale: str, intent: str, sample: str) -> None:
    assert sample in intents(locale)[intent]["samples"]


@pytest.mark.parametrize("locale", LOCALES)
def test_medicine_samples_name_only_anti_inflammatories(locale: str) -> None:
    """Paracetamol is not an NSAID: the medicines answer is about anti-inflammatories."""
    text = " ".join(intents(locale)["MedicineIntent"]["samples"]).lower()
    assert not re.search(r"paracetamol|acetaminophen|tylenol|panadol|calpol", text)


# --- generated, and the manifest --------------------------------------------------------------


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("build_models", ROOT / "scripts" / "build_models.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_json_is_what_the_source_generates() -> None:
    files = _build_module().generate()
    assert {p.name for p in files} == {f"{loc}.json" for loc in LOCALES} | {"skill.json"}
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run scripts/build_models.py"


def _manifest() -> dict[str, Any]:
    return json.loads((MODEL_DIR / "skill.json").read_text(encoding="utf-8"))["manifest"]  # type: ignore[no-any-return]


def test_manifest_asks_for_timers_reminders_and_skill_events() -> None:
    manifest = _manifest()
    assert manifest["manifestVersion"] == "1.0"
    assert {p["name"] for p in manifest["permissions"]} == {
        "alexa::alerts:timers:skill:readwrite", "alexa::alerts:reminders:skill:readwrite",
        "alexa::person_id:read",
    }
    assert {e["eventName"] for e in manifest["events"]["subscriptions"]} == {
        "SKILL_ENABLED", "SKILL_DISABLED", "SKILL_PERMISSION_ACCEPTED", "SKILL_PERMISSION_CHANGED",
    }
    arn = "arn:aws:lambda:us-east-1:000000000000:function:hip-helper"
    assert manifest["apis"]["custom"]["endpoint"]["uri"] == arn


def test_manifest_privacy_and_distribution() -> None:
    manifest = _manifest()
    assert manifest["privacyAndCompliance"] == {
        "allowsPurchases": False, "usesPersonalInfo": False, "isChildDirected": False,
        "isExportCompliant": True, "containsAds": False,
    }
    publishing = manifest["publishingInformation"]
    assert publishing["category"] == "HEALTH_AND_FITNESS"
    assert publishing["isAvailableWorldwide"] is False
    assert publishing["distributionCountries"] == ["US", "GB", "CA", "AU", "IN"]
    assert set(publishing["locales"]) == set(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_store_text_and_example_phrases_match_the_model(locale: str) -> None:
    store = _manifest()["publishingInformation"]["locales"][locale]
    assert store["name"] == "Hip Helper" and len(store["summary"]) <= 160
    assert "not a substitute for professional medical advice" in store["description"]
    phrases_ = store["examplePhrases"]
    assert phrases_[0] == "Alexa, open hip helper" and len(phrases_) == 3
    for phrase in phrases_[1:]:
        request = phrase.removeprefix("Alexa, ask hip helper ")
        request = re.sub(r"(?<![A-Za-z])([A-Za-z])\.(?=[A-Za-z])", r"\1. ", request)
        assert understand(locale, request), phrase
        assert understand(locale, request.removeprefix("about ")), phrase


# --- the paraphrase set for the local NLU -----------------------------------------------------


@cache
def paraphrases() -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_paraphrases_cover_every_locale_and_intent() -> None:
    data = paraphrases()
    assert set(data) == set(LOCALES)
    assert len(data["en-US"]) >= 60
    assert all(len(data[locale]) >= 10 for locale in LOCALES)
    assert {case["intent"] for case in data["en-US"]} == set(CONTRACT) | set(BUILTINS)


@pytest.mark.parametrize("locale", LOCALES)
def test_paraphrases_are_well_formed(locale: str) -> None:
    texts = [norm(case["text"]) for case in paraphrases()[locale]]
    assert len(texts) == len(set(texts)), "a paraphrase is listed twice"
    for case in paraphrases()[locale]:
        assert set(case) == {"text", "intent", "slots"}, case
        assert not re.search(r"\d", case["text"]), case
        slots = intents(locale)[case["intent"]]["slots"]
        for slot, value in (case["slots"] or {}).items():
            kind = slots[slot]
            if kind == DURATION:
                assert re.fullmatch(r"P(\d+[YMWD])*(T(\d+[HMS])+)?", value), case
            elif kind == DATE:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?", value), case
            elif kind == SEARCH_QUERY:
                assert value and value == value.lower(), case
            else:
                assert value in phrases(locale)[kind].values(), case


@pytest.mark.parametrize("locale", LOCALES)
def test_paraphrases_are_not_samples(locale: str) -> None:
    """They test generalisation, so none may be something the model lists word for word."""
    literal = [case["text"] for case in paraphrases()[locale] if understand(locale, case["text"])]
    assert not literal, literal


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en-US"])
def test_regional_paraphrases_use_regional_words(locale: str) -> None:
    def words(loc: str) -> set[str]:
        lm = model(loc)
        texts = [s for i in lm["intents"] for s in i["samples"]] + list(phrases(loc)["HipLocation"])
        texts += [p for t in phrases(loc).values() for p in t]
        return set(norm(" ".join(texts)).split())

    regional = words(locale) - words("en-US")
    using = [c["text"] for c in paraphrases()[locale] if set(norm(c["text"]).split()) & regional]
    assert len(using) >= 5, (regional, using)
