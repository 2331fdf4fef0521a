"""At a question the recogniser expects an answer, and a misheard ending never ends the talk."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from skill.__main__ import main
from skill.core import state
from skill.simulator import Simulator
from skill.simulator.cli import Printer
from skill.simulator.voice.audio import read_wav
from skill.simulator.voice.conversation import Conversation, Mouth
from skill.simulator.voice.recognizer import Hiss, Recognizer
from skill.simulator.voice.vocabulary import (
    ANSWER_WEIGHT,
    COMMAND_WEIGHT,
    answer_corpus,
    corpus,
    load_voice_content,
)
from tests.simulator.voice.conftest import Speak, exchanges

COMPLAINT = "my outer hip hurts when I lie on it"


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer("en-US")


def _at_the_fever_question() -> Conversation:
    conversation = Conversation(Simulator(device="voice"), Printer(io.StringIO()), Mouth())
    conversation.hear("open hip helper")
    turn = conversation.hear(COMPLAINT)
    assert turn is not None and turn.session_attributes.get("pending") == "safety:fever"
    return conversation


def test_a_bare_no_at_a_question_is_heard_as_no_with_the_answers_model(
    speak: Speak, tmp_path: Path, recognizer: Recognizer
) -> None:
    clip = read_wav(speak(tmp_path, "no", "no"))
    recognizer.expect("answers")
    assert recognizer.transcribe(clip) == "no"
    recognizer.expect()


def test_the_answers_model_makes_answers_far_likelier_than_rare_endings() -> None:
    said = answer_corpus("en-US")
    assert said.count("no") >= ANSWER_WEIGHT > 5 * said.count("off")
    assert said.count("stop") >= COMMAND_WEIGHT  # "stop" is still heard at a question
    general = corpus("en-US")
    assert general.count("stop") >= COMMAND_WEIGHT > 5 * general.count("off")


def test_yes_no_questions_named_in_content_are_the_skills_own_question_kinds() -> None:
    kinds = {value for name, value in vars(state).items() if name.startswith("PENDING_")}
    assert load_voice_content().yes_no_questions <= kinds


def test_the_answers_model_is_used_at_a_safety_question_and_not_before() -> None:
    conversation = Conversation(Simulator(device="voice"), Printer(io.StringIO()), Mouth())
    assert conversation.expecting == ""
    conversation.hear("open hip helper")
    assert conversation.expecting == ""  # "where does it hurt?" is not a yes-or-no question
    conversation.hear(COMPLAINT)
    assert conversation.expecting == "answers"


@pytest.mark.parametrize("ending", ["off", "cancel", "bye", "quit"])
def test_a_lone_ending_at_a_question_is_confirmed_not_acted_on(ending: str) -> None:
    conversation = _at_the_fever_question()
    assert conversation.hear(ending) is None
    assert conversation.confirming
    assert conversation.expecting == "answers"  # the confirmation is a yes-or-no question
    turn = conversation.hear("no fever")  # the ending was never sent: this answers the question
    assert turn is not None and not turn.end_session
    assert turn.session_attributes.get("pending") == "safety:injury"


def test_no_to_the_confirmation_asks_the_question_again_without_answering_it() -> None:
    out = io.StringIO()
    conversation = _at_the_fever_question()
    conversation.out = Printer(out)
    conversation.hear("off")
    assert conversation.hear("no") is None and not conversation.confirming
    assert "Okay, let's go on." in out.getvalue() and "unwell in yourself" in out.getvalue()
    turn = conversation.hear("no fever")
    assert turn is not None and not turn.end_session
    assert turn.session_attributes.get("pending") == "safety:injury"


@pytest.mark.parametrize("answer", ["yes", "stop", "cancel"])
def test_yes_to_the_confirmation_stops(answer: str) -> None:
    conversation = _at_the_fever_question()
    conversation.hear("off")
    turn = conversation.hear(answer)
    assert turn is not None and turn.end_session and turn.intent == "AMAZON.StopIntent"


def test_stop_at_a_question_always_stops_at_once() -> None:
    for words in ("stop", "please stop", "stop it"):
        conversation = _at_the_fever_question()
        turn = conversation.hear(words)
        assert turn is not None and turn.end_session, words


def test_an_answer_instead_of_yes_or_no_to_the_confirmation_goes_to_the_skill() -> None:
    conversation = _at_the_fever_question()
    conversation.hear("off")
    turn = conversation.hear("I have a fever")
    assert turn is not None and turn.session_attributes.get("triage") == "urgent"


@pytest.mark.parametrize("reply", ["no but i have a fever", "yes i fell", "no i fell over"])
def test_a_warning_sign_in_the_reply_to_did_you_want_to_stop_reaches_the_skill(reply: str) -> None:
    conversation = _at_the_fever_question()
    conversation.hear("off")
    turn = conversation.hear(reply)
    assert turn is not None and not turn.end_session
    assert turn.session_attributes.get("triage") == "urgent"


def test_an_ending_when_no_question_waits_is_sent_as_it_is() -> None:
    conversation = Conversation(Simulator(device="voice"), Printer(io.StringIO()), Mouth())
    turn = conversation.hear("off")  # nothing asked yet: a one-shot "off"
    assert turn is not None and not conversation.confirming


def test_spoken_off_at_the_fever_question_does_not_end_the_conversation(
    speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index, text in enumerate((COMPLAINT, "off", "no", "no fever")):
        speak(tmp_path, f"{index:02d}", text)
    assert main(["voice", "--input", str(tmp_path), "--mute"]) == 0
    output = capsys.readouterr().out
    assert "Voice: Did you want to stop?" in output
    assert "[session ended]" not in output
    assert exchanges(output)[-1][0] == "no fever"


def test_the_hiss_under_digital_silence_is_quiet_and_the_same_every_run() -> None:
    silent = bytes(3200)
    once, again = Hiss().under(silent), Hiss().under(silent)
    assert once == again and once != silent
    samples = memoryview(once).cast("h")
    assert max(abs(s) for s in samples) < 300  # far below speech
