"""Rendering: every content line speaks in every locale, escaped, with a reprompt on questions."""

from __future__ import annotations

import re

import pytest

from skill.content import get_content
from skill.core.speech import (
    MAX_SSML,
    PAUSE,
    QUESTION_PAUSE,
    URGENT_PAUSE,
    fill,
    locale_words,
    render,
    to_ssml,
)
from skill.core.state import Card, Line, Reply, State

CONTENT = get_content()
LOCALES = ["en-US", "en-CA", "en-GB", "en-AU", "en-IN"]
# Every placeholder a line may take besides the locale's words; extra ones are ignored.
PARAMS = {
    "number": "one", "total": "four", "since": "since yesterday", "condition": "a strain",
    "when": "two hours", "count": "two", "first": "one hour", "second": "ten minutes",
    "days": "three", "weeks": "two", "months": "three", "elapsed": "about a day",
}


def all_keys() -> list[str]:
    keys = [f"dialog.{k}" for k in CONTENT.dialog]
    for cid, c in CONTENT.conditions.items():
        keys += [f"condition.{cid}.{a}" for a in ("name", "summary", "about", "detail")]
        keys += [f"condition.{cid}.caveat"] if c.caveat else []
    keys += [f"question.{q}.{a}" for q in CONTENT.questions for a in ("ask", "reask")]
    keys += [f"safety.{q.id}.{a}" for q in CONTENT.safety_questions for a in ("ask", "reask")]
    keys += [f"level.{lv}.{a}" for lv in CONTENT.levels for a in ("say", "card_title")]
    keys += [f"flag.{f}.{a}" for f in CONTENT.red_flags for a in ("say", "card")]
    keys += [f"topic.{t}.{a}" for t in CONTENT.topics for a in ("title", "say", "detail", "card")]
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


def test_every_sentence_gets_a_pause_and_the_question_comes_last_after_a_longer_one() -> None:
    reply = Reply(
        (Line("topic.ice.say"),), Line("dialog.ask_care_step"), Line("dialog.reask_care_step"),
        None, False, State(),
    )
    ssml = render(reply, CONTENT, "en-US").ssml
    sentences = [s for s in CONTENT.text("topic.ice.say").split(". ") if s]
    assert ssml.count(PAUSE) == len(sentences) - 1
    assert ssml.endswith(f"{QUESTION_PAUSE}{CONTENT.text('dialog.ask_care_step')}</speak>")


def test_an_abbreviation_is_not_taken_for_the_end_of_a_sentence() -> None:
    assert to_ssml(["R.I.C.E. stands for rest."]) == "<speak>R.I.C.E. stands for rest.</speak>"


def test_urgent_advice_is_read_unhurried_with_the_number_as_digits() -> None:
    reply = Reply(
        (Line("flag.fever.say"), Line("level.urgent.say")), Line("dialog.ask_after_urgent"),
        Line("dialog.reask_after_urgent"), None, False, State(triage="urgent"),
    )
    ssml = render(reply, CONTENT, "en-GB").ssml
    assert URGENT_PAUSE in ssml and PAUSE not in ssml.replace(URGENT_PAUSE, "")
    assert '<say-as interpret-as="digits">999</say-as>' in ssml


def test_the_reprompt_offers_tell_me_more_only_when_there_is_more() -> None:
    def reprompt(more: str | None) -> str:
        reply = Reply(
            (Line("topic.ice.say"),), Line("dialog.ask_anything_else"),
            Line("dialog.reask_anything_else"), None, False, State(more=more),
        )
        return render(reply, CONTENT, "en-US").reprompt_text or ""

    offer = CONTENT.text("dialog.more_offer")
    assert reprompt("topic.ice.detail").startswith(offer)
    assert reprompt(None).count(offer) == 0
    assert offer not in render(
        Reply((Line("topic.ice.say"),), Line("dialog.ask_anything_else"), None, None, False,
              State(more="topic.ice.detail")), CONTENT, "en-US").text
