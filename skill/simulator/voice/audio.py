"""Sound as the voice loop passes it around: 16-bit mono PCM with its rate, read from wav files.

Pure standard library (wave, array), so reading recordings needs no audio device.
"""

from __future__ import annotations

import array
import io
import math
import wave
from dataclasses import dataclass
from pathlib import Path

RATE = 16000  # what the recogniser's acoustic model was trained on
TONE_HZ = {"start": 880.0, "stop": 587.0}
TONE_SECONDS = 0.12


class AudioError(ValueError):
    """A recording that cannot be used, with the file and the reason."""


@dataclass(frozen=True)
class Audio:
    """Signed 16-bit little-endian mono samples at `rate` Hz."""

    pcm: bytes
    rate: int

    @property
    def seconds(self) -> float:
        """How long it lasts."""
        return len(self.pcm) / 2 / self.rate


def read_wav(path: Path) -> Audio:
    """A wav file as mono 16-bit audio, or an AudioError naming the file and what is wrong."""
    try:
        with wave.open(str(path), "rb") as handle:
            width, channels = handle.getsampwidth(), handle.getnchannels()
            rate, frames = handle.getframerate(), handle.readframes(handle.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise AudioError(f"{path}: not a readable wav file ({error})") from error
    if width != 2:
        raise AudioError(f"{path}: {8 * width}-bit samples; record 16-bit PCM")
    return Audio(_mono(frames, channels), rate)


def from_wav_bytes(data: bytes, name: str = "<audio>") -> Audio:
    """Wav bytes (a synthesizer's output, an upload) as Audio."""
    try:
        with wave.open(io.BytesIO(data), "rb") as handle:
            width, channels = handle.getsampwidth(), handle.getnchannels()
            rate, frames = handle.getframerate(), handle.readframes(handle.getnframes())
    except (EOFError, wave.Error) as error:
        raise AudioError(f"{name}: not wav audio ({error})") from error
    if width != 2:
        raise AudioError(f"{name}: {8 * width}-bit samples; send 16-bit PCM")
    return Audio(_mono(frames, channels), rate)


def wav_bytes(audio: Audio) -> bytes:
    """Audio as a wav file's bytes."""
    out = io.BytesIO()
    with wave.open(out, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(audio.rate)
        handle.writeframes(audio.pcm)
    return out.getvalue()


def _mono(frames: bytes, channels: int) -> bytes:
    """Average the channels of interleaved 16-bit frames."""
    if channels == 1:
        return frames
    samples = array.array("h", frames)
    mixed = array.array("h", (sum(samples[i:i + channels]) // channels
                              for i in range(0, len(samples) - channels + 1, channels)))
    return mixed.tobytes()


def resample(audio: Audio, rate: int = RATE) -> Audio:
    """Audio at another rate (linear interpolation after a light smoothing: enough for speech)."""
    if audio.rate == rate:
        return audio
    src = array.array("h", audio.pcm)
    if not src:
        return Audio(b"", rate)
    if rate < audio.rate and len(src) > 2:  # soften what the lower rate cannot hold
        inner = ((src[i - 1] + 2 * src[i] + src[i + 1]) // 4 for i in range(1, len(src) - 1))
        src = array.array("h", [src[0], *inner, src[-1]])
    step, last = audio.rate / rate, len(src) - 1
    out = array.array("h", bytes(2 * int(len(src) / step)))
    for i in range(len(out)):
        x = i * step
        j = int(x)
        nxt = src[j + 1] if j < last else src[j]
        out[i] = int(src[j] + (nxt - src[j]) * (x - j))
    return Audio(out.tobytes(), rate)


def tone(kind: str, rate: int = 22050) -> Audio:
    """The short beep that says the loop started ("start") or stopped ("stop") listening."""
    frequency, count = TONE_HZ[kind], int(rate * TONE_SECONDS)
    fade = max(1, count // 8)
    samples = array.array("h", (
        int(9000 * min(1.0, i / fade, (count - i) / fade)
            * math.sin(2 * math.pi * frequency * i / rate))
        for i in range(count)))
    return Audio(samples.tobytes(), rate)


def recordings(path: Path) -> list[Path]:
    """A wav file, or a folder's wav files in name order: one turn each."""
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".wav")
        if not found:
            raise AudioError(f"{path}: no .wav files in this folder")
        return found
    if not path.exists():
        raise AudioError(f"{path}: no such file or folder")
    return [path]
