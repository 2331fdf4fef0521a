"""A one-shot is heard through intents and slots, not the transcript, so a warning sign said
as not there must land in a slot of its own (`absent`) that the skill reads negated: "ask hip
helper, my hip hurts and I haven't fallen" is no fall."""

from __future__ import annotations

import pytest

from skill.simulator import Simulator


def _one_shot(words: str) -> dict:
    turn = Simulator().say(f"ask hip helper {words}")
    return {"triage": turn.session_attributes.get("triage"), "intent": turn.intent,
            "slots": turn.slots, "speech": turn.speech}


@pytest.mark.parametrize("words", [
    "my hip hurts and I haven't fallen",
    "my hip hurts and I don't have a temperature",
    "my outer hip hurts when I lie on it and it isn't swollen",
    "my hip hurts, no fever",
    "I had a fever a few years ago",
])
def test_a_sign_said_as_not_there_in_a_one_shot_is_not_escalated(words: str) -> None:
    said = _one_shot(words)
    assert "absent" in said["slots"]
    assert said["triage"] != "urgent"
    assert "straight away" not in said["speech"]


@pytest.mark.parametrize("words", [
    "my hip hurts and I have a temperature", "my hip hurts and I fell",
])
def test_a_sign_said_in_a_one_shot_is_still_urgent(words: str) -> None:
    assert _one_shot(words)["triage"] == "urgent"


def test_a_negated_sign_beside_a_present_one_keeps_the_present_one_in_its_place() -> None:
    said = _one_shot("no fever but I can't walk")
    assert said["triage"] == "urgent"
    assert "walk" in str(said["slots"].get("flag")) and "fever" in str(said["slots"]["absent"])
    assert "fever or chills" not in said["speech"]


@pytest.mark.parametrize("words", [
    "my hip hurts, no fever and I didn't fall",
    "my outer hip hurts when I lie on it, I haven't fallen and I've got no fever",
])
def test_a_second_sign_said_as_not_there_is_never_tagged_as_a_flag(words: str) -> None:
    said = _one_shot(words)
    assert "flag" not in said["slots"]
    assert said["triage"] != "urgent"


def test_a_sign_after_a_negated_one_in_a_one_shot_still_counts() -> None:
    said = _one_shot("my hip hurts, I didn't fall but I've got a fever")
    assert said["triage"] == "urgent"


def test_what_the_reader_made_of_a_one_shot_is_shown() -> None:
    turn = Simulator().say("ask hip helper my hip hurts, I didn't fall but I've got a fever")
    signs = {s["id"]: s["status"] for s in turn.reading["signs"]}
    assert signs == {"fever": "said", "fall_injury": "negated"}
    assert turn.reading["flags"] == ["fever"]
