"""A blind red team of the skill (round 19), through the production path: harmless words that
look like warning signs (a knock at the door, chills from a match, shivering at a bus stop, a
heat pad, pins and needles in a hand), see-a-doctor signs described rather than named (up at
three with it, lying awake, every minute of the day, a foot that feels not one's own), the
bladder signs described, and safety answers in people's words."""

from __future__ import annotations

import pytest

from tests.support.asked import answer_at, opening


def _opening(words: str) -> dict:
    turn = opening(words)
    return {"triage": turn.session_attributes.get("triage"), "speech": turn.speech}


def _answer(question: str, words: str) -> dict:
    turn = answer_at(question, words, complaint="the outside of my hip hurts when I lie on it")
    return {"triage": turn.session_attributes.get("triage"),
            "pending": turn.session_attributes.get("pending")}


@pytest.mark.parametrize("words", [
    "there was a knock at the door, I jumped up too fast and now my hip twinges",
    "I had a car accident in 2015 but that's all sorted, this hip ache is new and came on "
    "gradually",
    "I'm a builder, I'm knocking down walls all day and my hip aches",
    "if I fell I wouldn't be able to get up, I live alone, but at the moment it's just an ache "
    "when I get up from a chair",
    "we danced till midnight, nobody fell over thankfully, and the next morning my hip was stiff",
    "I got pins and needles in my hand from my phone, but the hip is just a dull ache after "
    "sitting",
    "I got hit by a wave of tiredness and my hip is sore from sitting",
    "I've been hitting the books for exams and my hip aches from sitting",
    "I knock about with my mates at the golf club and my hip aches after eighteen holes",
    "the match gave me chills, we won! but my hip is sore after playing five a side",
    "I was shivering at the bus stop this morning because it was so cold, but I'm fine now, my "
    "hip just aches after walking",
    "the news about my pension gave me the shivers, and my hip's been aching on the outside",
    "my hip feels hot after I use the heat pad, but it's the usual ache",
    "my arm gets pins and needles sometimes but my hip just aches",
    "my fingers go numb in the cold, but my hip just aches after walking",
    "I work nights so I'm awake at night anyway, the hip aches at the end of my shift",
    "I've been sleeping badly because of the baby, not the hip, which just aches on stairs",
    "my little girl does gymnastics and takes lots of falls, she's fine, it's me whose hip aches "
    "from sitting on the bleachers",
])
def test_a_harmless_look_alike_is_not_escalated(words: str) -> None:
    said = _opening(words)
    assert said["triage"] not in ("urgent", "see_provider"), said["speech"]


@pytest.mark.parametrize("words", [
    "I'm up at three every morning with it",
    "I lie awake for hours because of my hip",
    "I'm awake at 4am most nights with my hip",
    "I have to get up in the night and walk around because of my hip",
    "it's an ache in my hip that's with me every minute of the day, even sat down",
    "my hip hurts all day every day",
    "my hip aches even when I'm not doing anything at all",
    "my hip pain never switches off, even in my chair",
    "it hurts more each week, my hip",
    "my foot feels like it's not mine, and my hip aches",
    "my leg feels dead from the hip down sometimes, like it's gone to sleep",
    "the outside of my thigh feels numb, like after a dentist injection, and my hip aches",
    "I've been running a lot more and now my hip hurts whenever I'm standing",
])
def test_a_see_a_doctor_sign_described_is_advised(words: str) -> None:
    assert _opening(words)["triage"] == "see_provider"


@pytest.mark.parametrize("words", [
    "I can't feel anything down there when I wipe, and my hip hurts",
    "I can't control when I pee and my hip hurts",
])
def test_bladder_or_saddle_signs_described_are_urgent(words: str) -> None:
    assert _opening(words)["triage"] == "urgent"


@pytest.mark.parametrize(("question", "words", "then"), [
    ("fever", "only the usual hay fever", "safety:injury"),
    ("injury", "not a chance, I've been sat at my desk all week", "safety:weight"),
    ("fever", "hard to say", "safety:fever"),
    ("weight", "hard to say", "safety:weight"),
])
def test_a_safety_answer_in_everyday_words_is_read(question: str, words: str, then: str) -> None:
    said = _answer(question, words)
    assert said["pending"] == then and said["triage"] != "urgent"


def test_landing_on_it_at_the_fall_question_is_urgent() -> None:
    assert _answer("injury", "well I did land on it playing netball")["triage"] == "urgent"
