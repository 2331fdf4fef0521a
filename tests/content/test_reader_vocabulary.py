"""The reader's vocabulary in content/reader/: valid, and at least as wide as Alexa's slots."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from skill.content import CONTENT_DIR, ContentError, get_content, load_content
from skill.core.reader.read import read

CONTENT = get_content()
LEVELS = {fid: flag.level for fid, flag in CONTENT.red_flags.items()}
RANK = {"urgent": 2, "see_provider": 1}
MODELS = Path(__file__).resolve().parents[2] / "interaction_model"
FEATURE_TYPES = {g.slot_type: g for g in CONTENT.features.values()}


def _values(locale: str, type_name: str) -> list[tuple[str, str]]:
    model = json.loads((MODELS / f"{locale}.json").read_text())["interactionModel"]
    types = {t["name"]: t for t in model["languageModel"]["types"]}
    return [(value["id"], phrase) for value in types[type_name]["values"]
            for phrase in [value["name"]["value"], *value["name"]["synonyms"]]]


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
def test_every_red_flag_alexa_hears_the_reader_hears_at_its_level(locale: str) -> None:
    vocab = CONTENT.vocabulary(locale)
    assert vocab is not None
    missed = []
    for fid, phrase in _values(locale, "RedFlag"):
        found = read(phrase, vocab, LEVELS).present
        want = RANK[CONTENT.red_flags[fid].level]
        if not any(s.id == fid or RANK[s.level] >= want for s in found):
            missed.append((fid, phrase))
    assert missed == []


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
def test_every_feature_and_condition_alexa_hears_the_reader_hears(locale: str) -> None:
    vocab = CONTENT.vocabulary(locale)
    assert vocab is not None
    missed = []
    for type_name, group in FEATURE_TYPES.items():
        for fid, phrase in _values(locale, type_name):
            if fid not in read(phrase, vocab, LEVELS).features.get(group.name, ()):
                missed.append((fid, phrase))
    for cid, phrase in _values(locale, "HipCondition"):
        if read(phrase, vocab, LEVELS).condition != cid:
            missed.append((cid, phrase))
    assert missed == []


def test_every_locale_has_its_own_vocabulary_with_its_regional_words() -> None:
    assert set(CONTENT.reader) == set(CONTENT.locales)
    au, us = CONTENT.vocabulary("en-AU"), CONTENT.vocabulary("en-US")
    assert au is not None and us is not None
    assert read("I'm feeling crook", au, LEVELS).present
    assert not read("I'm feeling crook", us, LEVELS).present


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("signs.yaml", '"{cant} ..2 {stand_walk}"', '"{cannot} ..2 {stand_walk}"',
     "content/reader/signs.yaml: signs.cannot_bear_weight.phrases: unknown set {cannot}"),
    ("signs.yaml", "  stress_fracture:\n    phrases:", "  stress_fractures:\n    phrases:",
     "content/reader/signs.yaml: signs.stress_fractures: is not a red flag"),
    ("context.yaml", "category: negated, direction: forward}", "category: denied, direction: forward}",
     "content/reader/context.yaml: triggers[0].category: must be one of"),
    ("topics.yaml", "  medicines:\n", "  medicine:\n",
     "content/reader/topics.yaml: topics.medicine: is not one of"),
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
