"""One utterance out of a live stream of 16 kHz frames: from the first speech to a short silence."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from skill.simulator.voice.recognizer import endpointer

WAIT_FOR_SPEECH = 8.0  # seconds of silence after the tone before it stops listening
LONGEST = 15.0  # seconds of speech before it stops listening anyway


class Decoding(Protocol):
    """What hears an utterance: the recogniser, or the wake loop's two ears."""

    def begin(self) -> None:
        """An utterance starts."""
        ...

    def feed(self, pcm: bytes) -> object:
        """More of it, 16 kHz."""
        ...

    def finish(self) -> str:
        """It ended: the words."""
        ...


@dataclass(frozen=True)
class Heard:
    """What was said, and when the endpointer found that it had ended (perf_counter seconds)."""

    words: str
    ended: float


def utterance(
    frames: Iterable[bytes | None], recognizer: Decoding,
    interrupted: Callable[[], bool] = lambda: False,
    wait: float = WAIT_FOR_SPEECH, longest: float = LONGEST,
) -> Heard | None:
    """Decode while the person speaks; None if nobody spoke in time or it was interrupted."""
    ends = endpointer()
    size, started, begun = ends.frame_bytes, time.perf_counter(), False
    spoken = 0.0
    for frame in frames:
        if interrupted():
            break
        if frame is not None and len(frame) == size:
            speech = ends.process(frame)
            if speech is not None:
                if not begun:
                    recognizer.begin()
                    begun = True
                recognizer.feed(speech)
                spoken += ends.frame_length
            if begun and (not ends.in_speech or spoken > longest):
                return Heard(recognizer.finish(), time.perf_counter())
        if not begun and time.perf_counter() - started > wait:
            break
    if begun:
        recognizer.finish()
    return None
