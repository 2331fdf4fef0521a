"""The phrase language content is written in: choices, gaps and sets, and the mistakes in it that
would silently match nothing, which are content errors instead."""

from __future__ import annotations

import pytest

from skill.core.reader.patterns import PhraseError, compile_all, find
from skill.core.reader.words import stems, tokens


def _found(phrase: str, text: str, sets: dict[str, tuple[str, ...]] | None = None) -> bool:
    return bool(find(compile_all([phrase], sets or {}), stems(tokens(text))))


@pytest.mark.parametrize(("text", "found"), [
    ("I did not fall", True),
    ("I did not go down", True),
    ("I did not hit the ground", True),
    ("I did not go", False),
])
def test_a_choice_of_several_words_is_joined_with_underscores(text: str, found: bool) -> None:
    assert _found("did not fall|go_down|hit_the_ground", text) is found


def test_a_several_word_choice_written_apart_is_a_content_error() -> None:
    with pytest.raises(PhraseError, match="join a several-word choice with '_'"):
        compile_all(["do not|did not need"], {})


def test_a_set_alternative_holding_a_choice_is_a_content_error() -> None:
    with pytest.raises(PhraseError, match="not plain words"):
        compile_all(["{fall}"], {"fall": ("fell", "missed the last|bottom step")})


def test_a_set_alternative_of_several_words_matches_them_all() -> None:
    assert _found("{fall}", "I missed the last step", {"fall": ("fell", "missed the last step")})
