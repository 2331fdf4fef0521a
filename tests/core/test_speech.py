"""Rendering: every content line speaks in every locale, escaped, with a reprompt on questions."""

from __future__ import annotations

import re

import pytest

from skill.content import get_content
from skill.core.speech import MAX_SSML, fill, locale_words, render, to_ssml
from skill.core.state import Card, Line, Reply, State

CONTENT = get_content()
LOCALES = ["en-US", "en-CA", "en-GB", "en-AU", "en-IN"]
# Every placeholder a line may take besides the locale's words; extra ones are ignored.
PARAMS = {
    "number": "one", "total": "four", "since": "since yesterday", "condition": "a strain",
    "when": "two hours", "count": "two", "first": "one hour", "second": "ten minutes",
    "days": "three", "weeks": "two", "elapsed": "about a day",
}


def all_keys() -> list[str]:
    keys = [f"dialog.{k}" for k in CONTENT.dialog]
    for cid, c in CONTENT.conditions.items():
        keys += [f"condition.{cid}.{a}" for a in ("name", "summary", "about")]
        keys += [f"condition.{cid}.caveat"] if c.caveat else []
    keys += [f"question.{q}.{a}" for q in CONTENT.questions for a in ("ask", "reask")]
    keys += [f"safety.{q.id}.{a}" for q in CONTENT.safety_questions for a in ("ask", "reask")]
    keys += [f"level.{lv}.{a}" for lv in CONTENT.levels for a in ("say", "card_title")]
    keys += [f"flag.{f}.{a}" for f in CONTENT.red_flags for a in ("say", "card")]
    keys += [f"topic.{t}.{a}" for t in CONTENT.topics for a in ("title", "say", "card")]
    return keys + [f"not_red_flag.{k}" for k in CONTENT.not_red_flags]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_content_line_fills_all_its_placeholders(locale: str) -> None:
    words = locale_words(CONTENT, locale)
    for key in all_keys():
        text = fill(CONTENT, Line(key, PARAMS), words)
        assert "{" not in text and "}" not in text, key


def test_unknown_locale_falls_back_to_en_us() -> None:
    assert locale_words(CONTENT, "fr-FR") == CONTENT.locales["en-US"]


def test_ssml_is_escaped() -> None:
    ssml = to_ssml(["Heat & ice <now>", "it's \"fine\""])
    assert ssml.startswith("<speak>") and ssml.endswith("</speak>")
    assert "&amp;" in ssml and "&lt;now&gt;" in ssml and "&apos;" in ssml and "&quot;" in ssml
    assert re.sub(r"<[^>]+>", "", ssml).count("<") == 0


def test_render_gives_speech_reprompt_and_card() -> None:
    reply = Reply(
        (Line("dialog.welcome"),),
        Line("dialog.ask_describe"),
        Line("dialog.reask_describe"),
        Card(Line("level.urgent.card_title"), (Line("level.urgent.say"),)),
        False,
        State(),
    )
    out = render(reply, CONTENT, "en-GB")
    assert out.text.endswith(fill(CONTENT, Line("dialog.ask_describe"), {}))
    assert out.reprompt_ssml and out.reprompt_text
    assert out.card_title == "Seek medical attention now"
    assert "999" in (out.card_text or "")
    assert len(out.ssml) < MAX_SSML


def test_placeholder_without_a_value_names_the_key() -> None:
    with pytest.raises(KeyError, match=r"dialog\.step_of"):
        fill(CONTENT, Line("dialog.step_of"), {})
