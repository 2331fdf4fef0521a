"""The machine's microphone and speaker through sounddevice (PortAudio), or a clear "no device"."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from skill.simulator.voice.audio import RATE, Audio

FRAME_SECONDS = 0.03


class NoAudioDevice(RuntimeError):
    """No usable microphone or speaker, said in one line with what to do."""


def _sounddevice() -> ModuleType:
    """sounddevice, imported on first use: it needs the PortAudio library (libportaudio2)."""
    try:
        import sounddevice as sd
    except (ImportError, OSError) as error:
        raise NoAudioDevice(
            "no audio: PortAudio is missing (sudo apt-get install libportaudio2)") from error
    module: ModuleType = sd
    return module


def _check(kind: str) -> ModuleType:
    """sounddevice, once it is known that a default device of this kind exists."""
    sd = _sounddevice()
    try:
        sd.query_devices(kind=kind)
    except (ValueError, sd.PortAudioError) as error:
        what = "microphone" if kind == "input" else "speaker"
        raise NoAudioDevice(f"no audio: this machine has no {what} that PortAudio can open") \
            from error
    return sd


def require_microphone() -> None:
    """Fail now, in one line, if there is no microphone to listen with."""
    _check("input")


class Speaker:
    """Plays audio on the default output device; `stop()` cuts it short."""

    def __init__(self) -> None:
        self._sd = _check("output")

    def play(self, audio: Audio, wait: bool = True) -> None:
        """Play 16-bit mono audio, by default until it ends."""
        import array

        self._sd.play(array.array("h", audio.pcm), audio.rate, blocking=wait)

    def stop(self) -> None:
        """Stop whatever is playing."""
        self._sd.stop()

    def busy(self) -> bool:
        """Whether something is still playing."""
        stream: Any = self._sd.get_stream()
        return bool(stream.active)


class Microphone:
    """The default input device as 16 kHz frames of 30 ms, read as they arrive."""

    def __init__(self) -> None:
        self._sd = _check("input")
        self._frames: queue.Queue[bytes] = queue.Queue()
        self._stream: Any = None

    def __enter__(self) -> Microphone:
        def arrived(data: Any, frames: int, time: Any, status: Any) -> None:
            self._frames.put(bytes(data))

        try:
            self._stream = self._sd.RawInputStream(
                samplerate=RATE, channels=1, dtype="int16",
                blocksize=int(RATE * FRAME_SECONDS), callback=arrived)
            self._stream.start()
        except self._sd.PortAudioError as error:
            raise NoAudioDevice(f"no audio: the microphone would not open ({error})") from error
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()

    def frames(self, timeout: float = 0.1) -> Iterator[bytes | None]:
        """Frames as they come; None when none arrived within the timeout (to check for keys)."""
        while True:
            try:
                yield self._frames.get(timeout=timeout)
            except queue.Empty:
                yield None

    def drain(self) -> None:
        """Drop what was heard while the skill was speaking."""
        while not self._frames.empty():
            self._frames.get_nowait()
