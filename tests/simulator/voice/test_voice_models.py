"""The recogniser's generated language models are what the interaction models and content give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skill.simulator.voice import languagemodel
from skill.simulator.voice.languagemodel import MissingPronunciation, generate, locales, stale
from skill.simulator.voice.vocabulary import (
    CONTENT_DIR,
    MODEL_DIR,
    _content_phrases,
    corpus,
    spoken,
)

LOCALES = locales()


def test_every_locale_with_an_interaction_model_has_a_voice_model() -> None:
    assert LOCALES == ["en-AU", "en-CA", "en-GB", "en-IN", "en-US"]
    for locale in LOCALES:
        assert languagemodel.lm_path(locale).exists(), locale


@pytest.mark.parametrize("locale", LOCALES)
def test_committed_voice_model_is_what_the_models_and_content_generate(locale: str) -> None:
    assert stale(generate(locale)) == [], "run: python -m skill.simulator.voice.languagemodel"


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_every_slot_value_and_synonym_is_in_the_language_model(locale: str) -> None:
    raw = json.loads((MODEL_DIR / f"{locale}.json").read_text(encoding="utf-8"))
    said = set(corpus(locale))
    for slot_type in raw["interactionModel"]["languageModel"]["types"]:
        for value in slot_type["values"]:
            for phrase in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                assert spoken(phrase) in said, (slot_type["name"], phrase)


def test_every_word_of_the_language_model_can_be_pronounced() -> None:
    built = generate("en-US")
    words = {line.split()[0].split("(")[0] for line in built.dic.splitlines()}
    unigrams = built.lm.split("\\1-grams:")[1].split("\\2-grams:")[0].split()
    heard = {w for w in unigrams[1::3] if not w.startswith("<")}
    assert heard <= words
    assert {"trochanteric", "sciatica", "hip", "helper", "stop"} <= words


def test_the_wake_phrase_and_the_condition_aliases_are_heard() -> None:
    said = corpus("en-US")
    assert "hip helper" in said and "open hip helper" in said
    assert "trochanteric bursitis" in said


def test_a_word_without_a_pronunciation_stops_the_build_naming_it(tmp_path: Path) -> None:
    models, content = tmp_path / "models", tmp_path / "content"
    models.mkdir()
    (content / "conditions").mkdir(parents=True)
    (content / "voice.yaml").write_text((CONTENT_DIR / "voice.yaml").read_text())
    raw = json.loads((MODEL_DIR / "en-US.json").read_text(encoding="utf-8"))
    raw["interactionModel"]["languageModel"]["intents"][0]["samples"].append("my zorbleflex hurts")
    (models / "en-US.json").write_text(json.dumps(raw))
    with pytest.raises(MissingPronunciation, match="zorbleflex"):
        generate("en-US", models, content)


def test_check_mode_reports_an_out_of_date_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(languagemodel, "GENERATED_DIR", tmp_path)
    assert languagemodel.main(["--check", "--locale", "en-US"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert languagemodel.main(["--locale", "en-US"]) == 0
    assert languagemodel.main(["--check", "--locale", "en-US"]) == 0


def test_the_readers_own_words_are_heard_as_a_person_says_them() -> None:
    said = corpus("en-US")
    words = {word for line in said for word in line.split()}
    assert {"niggle", "paracetamol", "tailbone"} <= words  # only in content/reader/
    assert not any("{" in line or "|" in line or ".." in line for line in said)
    assert "g t p s" in said  # "GTPS" is said letter by letter


def test_a_reader_phrase_is_expanded_into_words() -> None:
    from skill.simulator.voice.vocabulary import _expand

    sets = {"cant": ["can not", "unable to"]}
    assert _expand("{cant} ...2 walk|stand", sets, 0) == "can not walk"
    assert _expand("{cant} ...2 walk|stand", sets, 1) == "unable to stand"


def test_a_phrase_added_elsewhere_never_changes_how_another_is_said(tmp_path: Path) -> None:
    reader = tmp_path / "reader"
    reader.mkdir()
    (reader / "signs.yaml").write_text('signs:\n  fall:\n    - "slipped|tripped|stumbled on the ice"\n')
    before = _content_phrases(tmp_path)
    (reader / "signs.yaml").write_text('signs:\n  fall:\n    - "a new phrase"\n'
                                       '    - "slipped|tripped|stumbled on the ice"\n')
    after = _content_phrases(tmp_path)
    assert [p for p in after if "ice" in p] == [p for p in before if "ice" in p]
