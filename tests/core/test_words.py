"""How spoken English is spelled out before matching: the rules live in
content/reader/spelling.yaml, so these prove the content and the code together."""

from __future__ import annotations

import pytest

from skill.content import get_content
from skill.core.reader.words import tokens


@pytest.fixture(autouse=True)
def _spelling() -> None:
    get_content()  # the loader sets the spelling once, before any phrase compiles


@pytest.mark.parametrize(("said", "spelled"), [
    ("I can't stand", "i can not stand"),
    ("i cant stand", "i can not stand"),
    ("I cannot stand", "i can not stand"),
    ("it didn't swell", "it did not swell"),
    ("it didnt swell", "it did not swell"),
    ("She isn’t walking", "she is not walking"),  # a curly apostrophe, as phones type it
    ("'I'm fine', he said", "i am fine he said"),  # quoted
    ("we've been", "we have been"),
    ("they're sore", "they are sore"),
    ("she'll manage", "she will manage"),
    ("gonna rest it", "going to rest it"),
])
def test_contractions_are_spelled_out_however_they_are_written(said: str, spelled: str) -> None:
    assert " ".join(tokens(said)) == spelled


@pytest.mark.parametrize(("said", "spelled"), [
    ("if I'd fallen", "if i had fallen"),
    ("he'd banged himself", "he had banged himself"),
    ("I'd like to know", "i would like to know"),
    ("I'd've gone", "i wouldve gone"),
])
def test_had_or_would_is_told_by_the_word_after(said: str, spelled: str) -> None:
    assert " ".join(tokens(said)) == spelled


@pytest.mark.parametrize(("said", "spelled"), [
    ("he's been a bit hot", "he has been a bit hot"),
    ("it's sore", "it is sore"),
    ("my garden's been hot", "my garden has been hot"),
    ("mum's got a fever", "mum has got a fever"),
    ("walking's ok", "walking is ok"),
    ("my mum's not well", "my mum is not well"),
    ("my husband's car", "my husband car"),
])
def test_an_s_is_is_has_or_a_possessive_by_the_words_either_side(said: str, spelled: str) -> None:
    assert " ".join(tokens(said)) == spelled


@pytest.mark.parametrize(("said", "spelled"), [
    ("me hip's killing me", "my hip is killing me"),
    ("me left hip", "my left hip"),
    ("me son fell", "my son fell"),
    ("the dog yanked me right over", "the dog yanked me right over"),
    ("it gave me hip pain", "it gave me hip pain"),
])
def test_me_is_my_only_before_a_body_part_or_kin(said: str, spelled: str) -> None:
    assert " ".join(tokens(said)) == spelled
