"""Spoken conversations through `python -m skill voice --input`: recognised words, then the skill.

The recordings are synthesized now with espeak-ng; the replies are checked against what typing
the same words gives (`Simulator.say`, the path of `python -m skill say`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.__main__ import main
from skill.simulator import Simulator
from tests.simulator.voice.conftest import Speak, exchanges, heard

COMPLAINT = "my outer hip hurts when I lie on it"
SAFE_ANSWERS = ("no fever", "no I didn't fall", "yes I can walk")
CHECKED = "yes"  # to "Just to check: you can put weight on that leg?" after "I can walk"
WARNING_SIGN = "I have a fever"


def _talk(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    assert main(["voice", "--input", str(folder), "--mute"]) == 0
    return exchanges(capsys.readouterr().out)


def _typed(words: list[str]) -> list[tuple[str, str, dict[str, object]]]:
    """(reply, intent, session attributes) per typed line, as `python -m skill say` gives them."""
    sim = Simulator(device="voice")
    return [(t.speech, t.intent, t.session_attributes) for t in map(sim.say, words)]


@pytest.fixture(scope="module")
def safe_recordings(speak: Speak, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("safe")
    for index, text in enumerate((COMPLAINT, *SAFE_ANSWERS, CHECKED, "stop")):
        speak(folder, f"{index:02d}", text)
    return folder


def test_spoken_complaint_and_safe_answers_are_heard_word_for_word(
    safe_recordings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["voice", "--input", str(safe_recordings), "--mute"]) == 0
    output = capsys.readouterr().out
    assert heard(output) == [s.lower() for s in (COMPLAINT, *SAFE_ANSWERS, CHECKED, "stop")]
    assert output.count("Voice: Just to check") == 1  # "I can walk" may have been "can't"


def test_spoken_safe_answers_lead_to_self_care_as_typed_ones_do(
    safe_recordings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spoken = _talk(safe_recordings, capsys)
    typed = _typed([turn[0] for turn in spoken])
    assert [turn[2] for turn in spoken] == [reply for reply, _, _ in typed]
    after_answers = typed[len(SAFE_ANSWERS)]  # "yes" to the check, typed as a plain "yes"
    assert after_answers[2].get("triage") == "self_care"
    assert "self-care" in after_answers[0]


def test_spoken_stop_ends_the_conversation(
    safe_recordings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["voice", "--input", str(safe_recordings), "--mute"]) == 0
    output = capsys.readouterr().out
    assert exchanges(output)[-1][1].startswith("[AMAZON.StopIntent")
    assert output.rstrip().endswith("[session ended]")


def test_a_spoken_warning_sign_is_escalated(
    speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speak(tmp_path, "01", COMPLAINT)
    speak(tmp_path, "02", WARNING_SIGN)
    spoken = _talk(tmp_path, capsys)
    assert spoken[1][0] == WARNING_SIGN.lower()
    typed = _typed([turn[0] for turn in spoken])
    assert spoken[1][2] == typed[1][0]
    assert typed[1][2].get("triage") == "urgent"
    assert "911" in spoken[1][2]


def test_one_recording_is_a_one_shot_conversation(
    speak: Speak, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = speak(tmp_path, "complaint", COMPLAINT)
    assert main(["voice", "--input", str(path), "--mute"]) == 0
    (heard, intent, reply), = exchanges(capsys.readouterr().out)
    assert intent.startswith("[DescribePainIntent")
    assert reply == _typed([heard])[0][0]
