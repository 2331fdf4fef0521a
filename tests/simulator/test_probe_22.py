"""Probes of session 11, through the production path: harmless words explained (a wasp sting,
the cold, the baby, "which is normal for me", a cancer scare that turned out to be nothing),
and warning signs in words not heard before (head over heels in slang, a smack on the hip,
every step impossible, not able to control when to wee, a numb bum and inner thighs)."""

from __future__ import annotations

import pytest

from tests.support.asked import opening


def _triage(words: str) -> object:
    return opening(words).session_attributes.get("triage")


@pytest.mark.parametrize("words", [
    "My knee was red and swollen after the wasp sting, but it's my hip that aches when I go up stairs",
    "I couldn't feel my toes in the freezing rain on my run, and now my hip is a bit sore at the front",
    "The baby has been waking us every night, and I've noticed my hip aches when I get up to feed her",
    "I couldn't sleep because of the heat, and my hip is a bit stiff today",
    "I could barely walk after the long hike for a day or two, which is normal for me, and now the hip "
    "is just a bit tight",
    "I had a cancer scare a few years ago that turned out to be nothing, and this hip ache is from "
    "walking I think",
    "Last winter I had a fever for days with the flu, and my hip aches in the cold",
])
def test_harmless_words_explained_are_not_escalated(words: str) -> None:
    assert _triage(words) is None


@pytest.mark.parametrize("words", [
    "Went arse over tit on the ice outside the shop and smacked my hip, I can walk but it's agony",
    "I smacked my hip on the door frame yesterday",
    "Since yesterday I've not been able to control when I need to wee, and my back and hip are agony",
    "My bum and inner thighs feel numb and my back and hip hurt",
    "I was fine until I stepped off the bus awkwardly, now every step is impossible",
])
def test_urgent_signs_in_new_words_are_urgent(words: str) -> None:
    assert _triage(words) == "urgent"
