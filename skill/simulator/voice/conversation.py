"""One spoken exchange: the words heard go to the Simulator as typed text does, the reply out loud.

The Simulator's `say(text)` is the same production path as `python -m skill say`, so what the
microphone hears is exactly what typing the same words would do. Two things happen first, as
Alexa's own listening does before a skill hears anything: at a yes-or-no question the recogniser
is told to expect an answer, and two mishearings are checked with the person before they are
sent (checks.py, docs/voice.md): a way of ending other than "stop" ("off", "cancel") while the
skill waits for an answer, and a safe "I can walk" at the weight question, which may have been
"I can't walk".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from skill.simulator.cli import Printer
from skill.simulator.services import LocalAlexaApi
from skill.simulator.simulator import Simulator, default_handler
from skill.simulator.turn import Turn
from skill.simulator.voice.audio import Audio, read_wav, tone
from skill.simulator.voice.checks import Checks
from skill.simulator.voice.tts import Synthesizer
from skill.simulator.voice.vocabulary import VoiceContent, load_voice_content

if TYPE_CHECKING:  # pocketsphinx is imported only where recognition is needed
    from skill.simulator.voice.recognizer import Recognizer


class Player(Protocol):
    """Where sound goes: a speaker, or nowhere."""

    def play(self, audio: Audio, wait: bool = True) -> None:
        """Play it."""
        ...

    def stop(self) -> None:
        """Cut it short."""
        ...


@dataclass
class Mouth:
    """Speech and tones out: a synthesizer and a player, or silence when either is missing."""

    synthesizer: Synthesizer | None = None
    player: Player | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def say(self, text: str, wait: bool = True) -> None:
        """Speak the text (nothing without a synthesizer and a player)."""
        if self.synthesizer is None or self.player is None or not text:
            return
        audio = self.synthesizer.synthesize(text)
        with self._lock:
            self.player.play(audio, wait=wait)

    def beep(self, kind: str) -> None:
        """The listening tone: "start" or "stop"."""
        if self.player is not None:
            with self._lock:
                self.player.play(tone(kind), wait=True)

    def hush(self) -> None:
        """Stop speaking now ("stop" said over the reply)."""
        if self.player is not None:
            self.player.stop()


@dataclass
class Conversation:
    """The Simulator, a printer and a mouth: heard words in, the skill's reply printed and said."""

    sim: Simulator
    out: Printer
    mouth: Mouth
    timers: list[threading.Timer] = field(default_factory=list)
    voice: VoiceContent = field(default_factory=load_voice_content)
    _announced: int = 0
    _last: Turn | None = None
    checks: Checks = field(init=False)
    asked: bool = False  # the last words heard got the loop's own question, not the skill's turn

    def __post_init__(self) -> None:
        self.checks = Checks(self.sim.locale, self.voice)

    @property
    def confirming(self) -> bool:
        """Whether "Did you want to stop?" waits for its answer."""
        return self.checks.confirming

    @property
    def checking(self) -> str:
        """The safe answer heard, while "Just to check" waits for its answer ("" if it does not)."""
        return self.checks.checking

    @property
    def expecting(self) -> str:
        """The recogniser's language model for the next words: "answers" at a yes-or-no question."""
        return self.checks.expecting(self._pending())

    def hear(self, words: str, wait: bool = True) -> Turn | None:
        """Send what was heard, or check it first; nothing heard gets the question again."""
        if not words:
            self.out.note("  (heard nothing)")
            return None
        self.out.you(words)
        question = self._last.reprompt or self._last.speech if self._last else ""
        heard = self.checks.hear_on(self.sim, words, self._pending(), question or "")
        self.asked = bool(heard.ask)
        if heard.ask:
            self._speak(heard.ask)
            return None
        turn = self.sim.say(heard.send)
        self._last = turn
        self.out.turn(turn)
        self.mouth.say(" ".join(_speech(turn)), wait=wait)
        return turn

    def _pending(self) -> str | None:
        """What the skill's last reply waits for ("safety:weight", "offer_care"), or None."""
        if self._last is None or self._last.end_session:
            return None
        pending = self._last.session_attributes.get("pending")
        return pending if isinstance(pending, str) and pending else None

    def _speak(self, text: str) -> None:
        """The voice loop's own words (not the skill's): printed and said before listening on."""
        self.out.note(f"Voice: {text}")
        self.mouth.say(text, wait=True)

    def announce_timers(self) -> None:
        """Timers the skill set since the last turn are spoken when they end, as Alexa's are."""
        scheduled = getattr(self.sim.api_client, "scheduled", [])
        for item in scheduled[self._announced:]:
            if item.kind == "timer" and item.text:
                timer = threading.Timer(item.seconds, self._ring, args=(item.text,))
                timer.daemon = True
                timer.start()
                self.timers.append(timer)
        self._announced = len(scheduled)

    def _ring(self, text: str) -> None:
        self.out.note(f"  [timer] {text}", "warn")
        self.mouth.beep("start")
        self.mouth.say(text)

    def close(self) -> None:
        """Cancel timers that have not rung."""
        for timer in self.timers:
            timer.cancel()


def ready_simulator(
    locale: str = "en-US", user: str | None = None, store: str | None = None
) -> Simulator:
    """A voice-only Simulator whose skill is built now, not while the person waits for a reply."""
    api = LocalAlexaApi()
    return Simulator(locale=locale, user_id=user, device="voice", store=store,
                     handler=default_handler(store, api), api_client=api)


def _speech(turn: Turn) -> list[str]:
    """What the person hears: a permission prompt's turn first, then the reply."""
    before = _speech(turn.before) if turn.before is not None else []
    return [*before, turn.speech] if turn.speech else before


def run_recordings(
    conversation: Conversation, recognizer: Recognizer, paths: list[Path]
) -> int:
    """A conversation from recordings, one turn per file, in order; stops when the session ends."""
    for path in paths:
        conversation.out.note(f"[{path.name}]")
        recognizer.expect(conversation.expecting)
        words = recognizer.transcribe(read_wav(path))
        conversation.hear(words)
    return 0
