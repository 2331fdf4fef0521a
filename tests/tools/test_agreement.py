"""Content, interaction models and code agree: every key, placeholder, intent and slot id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skill.content import get_content
from skill.core import care, intents, state
from skill.tools.check import LOCALES, handled_intents, load_model, model_problems, problems

CONTENT = get_content()
SKILL_DIR = Path(__file__).resolve().parents[2] / "skill"
PENDING_KINDS = [
    state.PENDING_DESCRIBE, state.PENDING_LOCATION, state.PENDING_OFFER, state.PENDING_STEP,
    state.PENDING_URGENT, state.PENDING_MORE,
]


def test_check_command_finds_no_problems() -> None:
    assert problems() == []


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_model_agrees_with_content_and_handlers(locale: str) -> None:
    assert list(model_problems(locale, load_model(locale), CONTENT)) == []


def test_every_literal_dialog_key_in_the_code_exists() -> None:
    source = "\n".join(p.read_text() for p in SKILL_DIR.rglob("*.py"))
    keys = set(re.findall(r'"dialog\.([a-z_]+)"', source)) - {"yaml"}
    assert keys, "expected the code to name dialog keys"
    assert sorted(keys - set(CONTENT.dialog)) == []


@pytest.mark.parametrize("kind", PENDING_KINDS)
def test_every_pending_kind_has_ask_reask_and_help(kind: str) -> None:
    for prefix in ("ask_", "reask_"):
        assert f"{prefix}{kind}" in CONTENT.dialog
    assert f"help_{kind}" in CONTENT.dialog
    assert f"help_{state.PENDING_SEPARATE}" in CONTENT.dialog
    assert f"help_{state.PENDING_SAFETY}" in CONTENT.dialog


def test_every_topic_an_intent_names_exists() -> None:
    for intent, topic in intents.TOPIC_INTENTS.items():
        assert topic in CONTENT.topics, intent
    assert care.INTRO in CONTENT.topics


def test_every_intent_the_core_knows_has_a_handler() -> None:
    known = {
        value for name, value in vars(intents).items()
        if name.isupper() and isinstance(value, str) and value.endswith(("Intent", "Request"))
    }
    assert sorted((known | set(intents.TOPIC_INTENTS)) - handled_intents()) == []


def test_feature_slots_are_content_groups() -> None:
    assert set(intents.FEATURE_SLOTS.values()) == set(CONTENT.features)


def test_safety_statements_cover_every_safety_question() -> None:
    from skill.core.triage import SAFE_STATEMENTS

    assert set(SAFE_STATEMENTS) == {q.id for q in CONTENT.safety_questions}
