"""The reader's vocabulary in content/reader/: valid, and at least as wide as Alexa's slots."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from skill.content import CONTENT_DIR, ContentError, get_content, load_content
from skill.core.reader.read import read
from skill.tools.reader_check import reader_problems

CONTENT = get_content()
LEVELS = {fid: flag.level for fid, flag in CONTENT.red_flags.items()}
MODELS = Path(__file__).resolve().parents[2] / "interaction_model"


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
def test_every_value_alexa_hears_the_reader_hears_as_the_same_id(locale: str) -> None:
    model = json.loads((MODELS / f"{locale}.json").read_text())["interactionModel"]
    assert list(reader_problems(locale, model["languageModel"], CONTENT)) == []


def test_a_value_the_reader_does_not_hear_is_a_problem_naming_it() -> None:
    model = {"types": [{"name": "RedFlag", "values": [
        {"id": "fever", "name": {"value": "purple elephants", "synonyms": []}}]}]}
    assert list(reader_problems("en-US", model, CONTENT)) == [
        "content/reader/ (en-US): interaction_model/en-US.json: types.RedFlag.fever: "
        "'purple elephants' is not heard as it"]


def test_every_locale_has_its_own_vocabulary_with_its_regional_words() -> None:
    assert set(CONTENT.reader) == set(CONTENT.locales)
    au, us = CONTENT.vocabulary("en-AU"), CONTENT.vocabulary("en-US")
    assert au is not None and us is not None
    assert read("I'm feeling crook", au, LEVELS).present
    assert not read("I'm feeling crook", us, LEVELS).present


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("signs.yaml", '"{cant} ..2 {stand_walk}"', '"{cannot} ..2 {stand_walk}"',
     "content/reader/signs.yaml: signs.cannot_bear_weight.phrases: unknown set {cannot}"),
    ("signs.yaml", "  stress_fracture:\n    # More training",
     "  stress_fractures:\n    # More training",
     "content/reader/signs.yaml: signs.stress_fractures: is not a red flag"),
    ("context.yaml", '"not", category: negated', '"not", category: denied',
     "content/reader/context.yaml: triggers[1].category: must be one of"),
    ("topics.yaml", "  medicines:\n", "  medicine:\n",
     "content/reader/topics.yaml: topics.medicine: is not one of"),
    ("context.yaml", '"can not", category: negated', '"not", category: negated',
     "content/reader/context.yaml: triggers[2].literal: repeats an earlier trigger"),
    ("context.yaml", '"that is healed", category: historical, direction: backward',
     '"that is healed", category: historical, direction: forward',
     "content/reader/context.yaml: triggers"),
    ("signs.yaml", '"{cant} ..2 {stand_walk}"', '"{cant} ..12 {stand_walk}"',
     "content/reader/signs.yaml: signs.cannot_bear_weight.phrases: gap '..12'"),
    ("features.yaml", "      - pulled a groin muscle\n", "      - pulled a groin|thigh muscle\n",
     "content/reader/features.yaml: conditions.muscle_strain.phrases: 'pulled a groin|thigh"),
    ("answers.yaml", '    - "do not need a walker|frame|stick|cane|crutches"\n',
     '    - "do not|did not need a walker|frame|stick|cane|crutches"\n',
     "content/reader/answers.yaml: safe.weight: 'do not|did not need"),
    ("context.yaml", "  healed_signs: [fall_injury]", "  healed_signs: [fall]",
     "content/reader/context.yaml: resolved.healed_signs: names ['fall']"),
    ("context.yaml", "  reach: 18", "  reach: 0",
     "content/reader/context.yaml: resolved.reach: must be one or more words"),
    ("context.yaml", "    hot_swollen_joint: [lip,", "    hot_joint: [lip,",
     "content/reader/context.yaml: elsewhere.parts.hot_joint: is not a red flag"),
    ("signs.yaml", '          - "{more_training} my|the ..1 {training_load}"',
     '          - "{more_training} my|the ..1 {training_loads}"',
     "content/reader/signs.yaml: signs.stress_fracture.together.more_training.first: unknown set"),
    ("commands.yaml", "  LeadSpeechIIntent:", "  SpeechIIntent:",
     "content/reader/commands.yaml: leads.SpeechIIntent: must be named LeadSpeech"),
    ("spelling.yaml", "have_after: [i, you, we, they]", "have_after: [i, You, we, they]",
     "content/reader/spelling.yaml: have_after: 'You' must be one plain lower-case word"),
    ("spelling.yaml", "  gonna: going to", "  gonna: going-to",
     "content/reader/spelling.yaml: words.gonna: must be plain lower-case words"),
    ("spelling.yaml", "me_after: [give, gave, gives, tell, told]", "",
     "content/reader/spelling.yaml: me_after: is missing"),
    ("signs.yaml", "sets:\n", "sets:\n  year: [nineteen]\n",
     "content/reader/signs.yaml: sets.year: is a built-in set"),
    ("features.yaml", "bettered: [no_improvement]", "bettered: [no_better]",
     "content/reader/features.yaml: bettered: names ['no_better']"),
])
def test_a_broken_vocabulary_file_names_its_file_and_field(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    path = copy / "reader" / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_content(copy)
    assert str(error.value).startswith(message)
