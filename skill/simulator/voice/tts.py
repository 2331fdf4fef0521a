"""Words to sound behind a small interface, so a better local engine can replace espeak-ng."""

from __future__ import annotations

import shutil
import subprocess
from typing import Protocol

from skill.simulator.voice.audio import Audio, AudioError, from_wav_bytes

DEFAULT_SPEED = 160  # words a minute: a little slower than espeak-ng's 175, for lying down
# espeak-ng's Klatt-synthesis variant: smoother than its default voice, and heard about twice as
# well by the recogniser (bench/voice.py), a rough sign that it is nearer a human voice.
VARIANT = "+klatt2"
SYNTH_TIMEOUT = 30.0


class SpeechUnavailable(RuntimeError):
    """No speech engine on this machine, said in one line with how to get one."""


class Synthesizer(Protocol):
    """Anything that turns text into audio on this machine."""

    def synthesize(self, text: str) -> Audio:
        """The spoken text."""
        ...


class Espeak:
    """espeak-ng (Debian's package ships its voices): fast, robotic, entirely local."""

    def __init__(self, voice: str = "en-us" + VARIANT, speed: int = DEFAULT_SPEED) -> None:
        found = shutil.which("espeak-ng")
        if found is None:
            raise SpeechUnavailable("espeak-ng is not installed: sudo apt-get install espeak-ng")
        self.program, self.voice, self.speed = found, voice, speed

    def synthesize(self, text: str) -> Audio:
        """espeak-ng's wav output for the text (read from stdin, so any text is safe)."""
        done = subprocess.run(
            [self.program, "-v", self.voice, "-s", str(self.speed), "--stdout"],
            input=text.encode("utf-8"), capture_output=True, timeout=SYNTH_TIMEOUT, check=False,
        )
        if done.returncode != 0 or not done.stdout:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SpeechUnavailable(
                f"espeak-ng could not speak with voice {self.voice!r}: "
                + (reason[0] if reason else f"exit status {done.returncode}"))
        try:
            return from_wav_bytes(done.stdout, "espeak-ng output")
        except AudioError as error:
            raise SpeechUnavailable(str(error)) from error


def voice_for(locale: str) -> str:
    """espeak-ng's nearest voice to a skill locale (en-GB speaks British, and so on)."""
    base = {"en-GB": "en-gb", "en-AU": "en-gb", "en-IN": "en-gb"}.get(locale, "en-us")
    return base + VARIANT
