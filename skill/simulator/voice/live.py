"""The hands-free loop: wait for "hip helper" (or Enter), listen, answer, listen again while the
skill is waiting on an answer, and go back to waiting when the session ends. "stop" said over a
reply (or Enter) cuts it short and is sent to the skill, as on an Echo.
"""

from __future__ import annotations

import math
import queue
import re
import sys
import threading
from collections.abc import Iterator

from skill.simulator.voice.checks import STOP_WORD
from skill.simulator.voice.conversation import Conversation
from skill.simulator.voice.devices import Microphone, Speaker
from skill.simulator.voice.recognizer import STOP_THRESHOLD, Recognizer, Spotter
from skill.simulator.voice.stream import utterance


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
    watch = _Watch(keys)
    stopper = Spotter({STOP_WORD: STOP_THRESHOLD})
    with Microphone() as mic:
        frames = mic.frames()
        out.note(f"Say '{wake}' when you need me, or press Enter. 'stop' always works; "
                 "Ctrl-C leaves.")
        try:
            while (first := _wait_for_wake(frames, recognizer, watch, wake)) is not None:
                _session(conversation, recognizer, mic, frames, keys, stopper, speaker, first)
        except KeyboardInterrupt:
            out.write("")
        finally:
            mouth.hush()
            conversation.close()
    return 0


class _Watch:
    """While waiting: the keys (the wake phrase is the recogniser's to hear, docs/voice.md)."""

    def __init__(self, keys: Keys) -> None:
        self.keys = keys
        self.key: str | None = None

    def interrupted(self) -> bool:
        """Whether a key was pressed."""
        if self.key is None:
            self.key = self.keys.pressed()
        return self.key is not None


def _wait_for_wake(
    frames: Iterator[bytes | None], recognizer: Recognizer, watch: _Watch, wake: str
) -> str | None:
    """Words said after the wake phrase ('' for none, or for Enter); None at the end of input.

    The skill's own recogniser reads each stretch of speech and wakes when it hears the wake
    phrase, keeping what follows in the same breath ("hip helper, my hip hurts"). pocketsphinx's
    keyphrase spotting was measured and missed more wake phrases while waking on more ordinary
    sentences ("hip pain"), so it is not used here.
    """
    watch.key = None
    recognizer.expect()
    while True:
        heard = utterance(frames, recognizer, watch.interrupted, wait=math.inf)
        if watch.key == "eof":
            return None
        if watch.key is not None:
            return ""
        if heard is None:  # the stream ended
            return None
        rest = after_wake(heard.words, wake)
        if rest is not None:
            return rest


def after_wake(words: str, wake: str) -> str | None:
    """What follows the wake phrase in what was heard, or None if it was not said."""
    said, name = words.split(), wake.split()
    for start in range(len(said) - len(name) + 1):
        if said[start:start + len(name)] == name:
            return " ".join(said[start + len(name):])
    return None


def _session(
    conversation: Conversation, recognizer: Recognizer, mic: Microphone,
    frames: Iterator[bytes | None], keys: Keys, stopper: Spotter, speaker: Speaker | None,
    first: str,
) -> None:
    """Listen and answer until the session ends or nobody speaks."""
    mouth, words = conversation.mouth, first
    while True:
        if not words:
            mouth.beep("start")
            mic.drain()
            recognizer.expect(conversation.expecting)
            heard = utterance(frames, recognizer)
            mouth.beep("stop")
            if heard is None:
                return
            words = heard.words
        turn = conversation.hear(words, wait=speaker is None)
        words = ""
        conversation.announce_timers()
        if (turn is not None and speaker is not None
                and _stopped_over(turn.speech, frames, keys, stopper, speaker)):
            mouth.hush()
            turn = conversation.hear(STOP_WORD)
        if conversation.asked:  # the loop's own question ("Did you want to stop?"): listen on
            continue
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
