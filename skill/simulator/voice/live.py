"""The hands-free loop: wait for "hip helper" (or Enter), listen, answer, listen again while the
skill is waiting on an answer, and go back to waiting when the session ends. "stop" said over a
reply (or Enter) cuts it short and is sent to the skill, as on an Echo.
"""

from __future__ import annotations

import queue
import re
import sys
import threading
from collections.abc import Iterator

from skill.simulator.voice.conversation import Conversation
from skill.simulator.voice.devices import Microphone, Speaker
from skill.simulator.voice.recognizer import STOP_THRESHOLD, WAKE_THRESHOLD, Recognizer, Spotter
from skill.simulator.voice.stream import utterance

STOP_WORD = "stop"


class Keys:
    """Enter presses from the terminal, read on a thread so listening never blocks on them."""

    def __init__(self) -> None:
        self._pressed: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self._pressed.put(line.strip())
        self._pressed.put("eof")

    def pressed(self) -> str | None:
        """The last line entered since asked ("" for a bare Enter), or None."""
        try:
            return self._pressed.get_nowait()
        except queue.Empty:
            return None


def run_live(
    conversation: Conversation, recognizer: Recognizer, speaker: Speaker | None, wake: str
) -> int:
    """Talk until Ctrl-C (or end of input)."""
    keys, mouth, out = Keys(), conversation.mouth, conversation.out
    waker = Spotter({wake: WAKE_THRESHOLD})
    stopper = Spotter({STOP_WORD: STOP_THRESHOLD})
    with Microphone() as mic:
        frames = mic.frames()
        out.note(f"Say '{wake}' when you need me, or press Enter. 'stop' always works; "
                 "Ctrl-C leaves.")
        try:
            while _wait_for_wake(frames, waker, keys):
                _session(conversation, recognizer, mic, frames, keys, stopper, speaker)
        except KeyboardInterrupt:
            out.write("")
        finally:
            mouth.hush()
            conversation.close()
    return 0


def _wait_for_wake(frames: Iterator[bytes | None], waker: Spotter, keys: Keys) -> bool:
    """Until the wake phrase is heard or Enter pressed; False at the end of input."""
    for frame in frames:
        key = keys.pressed()
        if key == "eof":
            return False
        if key is not None or (frame is not None and waker.feed(frame)):
            return True
    return False


def _session(
    conversation: Conversation, recognizer: Recognizer, mic: Microphone,
    frames: Iterator[bytes | None], keys: Keys, stopper: Spotter, speaker: Speaker | None,
) -> None:
    """Listen and answer until the session ends or nobody speaks."""
    mouth = conversation.mouth
    while True:
        mouth.beep("start")
        mic.drain()
        heard = utterance(frames, recognizer)
        mouth.beep("stop")
        if heard is None:
            return
        turn = conversation.hear(heard.words, wait=speaker is None)
        conversation.announce_timers()
        if (turn is not None and speaker is not None
                and _stopped_over(turn.speech, frames, keys, stopper, speaker)):
            mouth.hush()
            turn = conversation.hear(STOP_WORD)
        if turn is None or turn.end_session:
            return


def _stopped_over(
    speech: str, frames: Iterator[bytes | None], keys: Keys, stopper: Spotter, speaker: Speaker
) -> bool:
    """While the reply plays: True if "stop" is said or Enter pressed before it ends."""
    # Without echo cancellation a reply that says "stop" would stop itself: Enter only, then.
    listen = STOP_WORD not in re.findall(r"[a-z']+", speech.lower())
    while speaker.busy():
        frame = next(frames)
        if keys.pressed() is not None:
            return True
        if listen and frame is not None and stopper.feed(frame):
            return True
    return False
