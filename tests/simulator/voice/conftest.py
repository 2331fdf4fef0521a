"""Recordings made at test time with espeak-ng (no audio is committed), and the voice CLI's output.

espeak-ng comes from Debian (`make test` installs it as root). Without it these tests skip
locally and fail in CI, so CI can never pass without having heard the recordings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

# The synthetic voice and speed the conversation tests speak with: of espeak-ng's US English
# voices, the one pocketsphinx's acoustic model hears best (bench/voice.py measures the others).
TEST_VOICE = "en-us+klatt2"
TEST_SPEED = 150

Speak = Callable[..., Path]


@pytest.fixture(scope="session")
def speak(tmp_path_factory: pytest.TempPathFactory) -> Speak:
    """speak(folder, name, text) writes folder/name.wav in espeak-ng's voice and returns it."""
    if shutil.which("espeak-ng") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("voice tests must run in CI: espeak-ng is missing (make audio)")
        pytest.skip("espeak-ng is missing: sudo apt-get install espeak-ng")

    def write(folder: Path, name: str, text: str, voice: str = TEST_VOICE,
              speed: int = TEST_SPEED) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text],
                       check=True, capture_output=True, timeout=30)
        return path

    return write


def heard(output: str) -> list[str]:
    """Every utterance the recogniser heard, in order, answered by the skill or by the loop."""
    return [line.removeprefix("You: ") for line in output.splitlines() if line.startswith("You: ")]


def exchanges(output: str) -> list[tuple[str, str, str]]:
    """(heard words, intent line, Alexa's reply) per turn of `python -m skill voice` output."""
    turns: list[tuple[str, str, str]] = []
    heard = intent = ""
    for line in output.splitlines():
        if line.startswith("You: "):
            heard, intent = line.removeprefix("You: "), ""
        elif line.startswith("  [") and not intent:
            intent = line.strip()
        elif line.startswith("Alexa: "):
            turns.append((heard, intent, line.removeprefix("Alexa: ")))
    return turns
