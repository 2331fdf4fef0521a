"""A "can't" the recogniser may have heard as "can" never silently becomes a safe answer.

At the weight question a spoken "I can't walk" is often heard as "I can walk" (docs/voice.md), so
the voice loop checks a safe answer heard with "can" before the skill hears it. The skill itself,
typed text and Alexa are unchanged.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest

from skill.__main__ import main
from skill.simulator import Simulator
from skill.simulator.cli import Printer
from skill.simulator.voice.audio import read_wav
from skill.simulator.voice.checks import doubtful_safe
from skill.simulator.voice.conversation import Conversation, Mouth
from skill.simulator.voice.recognizer import Recognizer
from skill.simulator.voice.vocabulary import load_voice_content
from tests.simulator.voice.conftest import Speak, exchanges, heard

COMPLAINT = "my outer hip hurts when I lie on it"
BEFORE_WEIGHT = (COMPLAINT, "no fever", "no I didn't fall")
WEIGHT = "safety:weight"
# espeak-ng's Klatt voice at 160 words a minute says "I can't walk" so that the recogniser hears
# "i can walk" (bench/voice.py measures every voice and speed).
MISHEARD = {"voice": "en-us+klatt2", "speed": 160}


def _at_the_weight_question(out: io.StringIO | None = None) -> Conversation:
    sim = Simulator(device="voice", user_id=uuid.uuid4().hex)
    conversation = Conversation(sim, Printer(out or io.StringIO()), Mouth())
    for words in BEFORE_WEIGHT:
        conversation.hear(words.lower())
    assert conversation._pending() == WEIGHT
    return conversation


def _triage(turn: object) -> object:
    return getattr(turn, "session_attributes", {}).get("triage")


@pytest.mark.parametrize("words", ["i can walk", "yes i can walk", "i can put weight on it",
                                   "i can stand on it", "yeah i can walk fine"])
def test_a_safe_can_answer_at_the_weight_question_is_checked_not_sent(words: str) -> None:
    out = io.StringIO()
    conversation = _at_the_weight_question(out)
    assert conversation.hear(words) is None and conversation.asked
    assert "Voice: Just to check: you can put weight on that leg? Say yes or no." in out.getvalue()
    assert conversation.expecting == "answers"
    assert conversation._pending() == WEIGHT  # the skill has heard nothing yet


@pytest.mark.parametrize("reply", ["no", "no i can't", "i can't", "nope", "i cannot walk"])
def test_no_to_the_check_sends_the_warning_sign(reply: str) -> None:
    conversation = _at_the_weight_question()
    conversation.hear("i can walk")
    turn = conversation.hear(reply)
    assert _triage(turn) == "urgent"
    assert turn is not None and "emergency" in turn.speech


@pytest.mark.parametrize("reply", ["yes", "yeah", "yes i can", "yep i can walk"])
def test_yes_to_the_check_sends_the_safe_answer_and_self_care_follows(reply: str) -> None:
    conversation = _at_the_weight_question()
    conversation.hear("i can walk")
    turn = conversation.hear(reply)
    assert _triage(turn) == "self_care" and not conversation.checking


@pytest.mark.parametrize(("reply", "sign"), [
    ("yes but i have a fever", "fever"),
    ("no i can't walk and i have a fever", "fever"),
    ("i can't walk", "cannot_bear_weight"),
])
def test_a_warning_sign_in_the_reply_to_the_check_reaches_the_skill_as_said(
    reply: str, sign: str
) -> None:
    conversation = _at_the_weight_question()
    conversation.hear("i can walk")
    turn = conversation.hear(reply)
    assert turn is not None and _triage(turn) == "urgent"
    assert sign in turn.session_attributes.get("flags", []), turn.session_attributes


def test_a_can_answer_again_to_the_check_is_checked_again() -> None:
    conversation = _at_the_weight_question()
    conversation.hear("i can walk")
    assert conversation.hear("i can walk") is None and conversation.checking
    assert _triage(conversation.hear("no")) == "urgent"


@pytest.mark.parametrize("words", ["yes", "yeah", "i'm walking fine", "walking is fine"])
def test_a_safe_answer_without_can_is_sent_at_once(words: str) -> None:
    conversation = _at_the_weight_question()
    assert _triage(conversation.hear(words)) == "self_care"


def test_a_warning_sign_said_with_a_can_answer_is_answered_at_once() -> None:
    conversation = _at_the_weight_question()
    turn = conversation.hear("i can walk but i have a fever")
    assert _triage(turn) == "urgent" and not conversation.checking


def test_stop_at_the_check_stops_at_once() -> None:
    conversation = _at_the_weight_question()
    conversation.hear("i can walk")
    turn = conversation.hear("stop")
    assert turn is not None and turn.end_session


def test_only_the_weight_question_is_checked() -> None:
    voice = load_voice_content()
    assert doubtful_safe("i can walk", WEIGHT, voice, "en-US")
    for pending in ("safety:fever", "safety:injury", "offer_care", None):
        assert not doubtful_safe("i can walk", pending, voice, "en-US"), pending


def test_typed_text_is_not_checked_the_skill_hears_it_as_before() -> None:
    sim = Simulator(device="voice", user_id=uuid.uuid4().hex)
    for words in BEFORE_WEIGHT:
        sim.say(words)
    assert _triage(sim.say("i can walk")) == "self_care"


def test_a_spoken_cant_walk_heard_as_can_walk_is_escalated(
    speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index, text in enumerate(BEFORE_WEIGHT):
        speak(tmp_path, f"{index:02d}", text)
    cant = speak(tmp_path, "03", "I can't walk", **MISHEARD)
    speak(tmp_path, "04", "no")
    recognizer = Recognizer("en-US")
    recognizer.expect("answers")
    assert recognizer.transcribe(read_wav(cant)) == "i can walk"  # the mishearing itself
    assert main(["voice", "--input", str(tmp_path), "--mute"]) == 0
    output = capsys.readouterr().out
    assert heard(output)[-2:] == ["i can walk", "no"]
    assert "Voice: Just to check: you can put weight on that leg?" in output
    reply = exchanges(output)[-1][2]
    assert "emergency" in reply and "self-care" not in output


def test_a_spoken_yes_i_can_walk_still_leads_on_to_self_care(
    speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index, text in enumerate((*BEFORE_WEIGHT, "yes I can walk", "yes")):
        speak(tmp_path, f"{index:02d}", text)
    assert main(["voice", "--input", str(tmp_path), "--mute"]) == 0
    output = capsys.readouterr().out
    assert heard(output)[-2:] == ["yes i can walk", "yes"]
    assert "self-care" in exchanges(output)[-1][2]


def test_the_checked_question_and_its_warning_in_content_are_the_skills_own() -> None:
    from skill.content.loader import get_content

    check = load_voice_content().confirm_safe
    question = next(q for q in get_content().safety_questions if q.id == check.question)
    conversation = _at_the_weight_question()
    turn = conversation.sim.say(check.warning)  # what a no to the check sends
    assert question.flag in turn.session_attributes.get("flags", [])
