"""Speech to words on this machine: pocketsphinx with the skill's own language model.

The acoustic model is the US English one pocketsphinx's wheel ships; the language model and
dictionary are generated per locale from the interaction model (languagemodel.py), so nothing
is downloaded and no audio leaves the machine.
"""

from __future__ import annotations

import array
import random
import tempfile
from pathlib import Path

from pocketsphinx import Decoder, Endpointer, get_model_path

from skill.simulator.voice.audio import RATE, Audio, resample
from skill.simulator.voice.languagemodel import dic_path, lm_path

ACOUSTIC_MODEL = "en-us/en-us"
# How sure the keyphrase search must be before "stop" said over a reply cuts it short (lower:
# hears it more easily). Wake-phrase spotting was measured and is not used (docs/voice.md).
STOP_THRESHOLD = 1e-10
ANSWERS = "answers"  # the language model for yes-or-no questions
# A quiet hiss (about -60 dBFS) under everything the decoders hear. Recordings that are silent
# to the last bit (synthesized or edited audio, a noise-gated microphone) break pocketsphinx's
# energy features and cost it words; a real room is never that quiet.
NOISE_FLOOR = 30
LEAD_IN = 0.3  # seconds of quiet put before a recording that starts on its first word
_RANDOM = random.Random(0)  # the same hiss every run, so a recording is always heard alike
_HISS = array.array("h", (round(_RANDOM.gauss(0, NOISE_FLOOR)) for _ in range(RATE)))


class Recognizer:
    """One locale's decoder: whole recordings, or a stream of frames ended by silence."""

    def __init__(self, locale: str = "en-US") -> None:
        lm, dic = lm_path(locale), dic_path(locale)
        if not lm.exists():
            raise FileNotFoundError(f"{lm} not found: no voice model for {locale} (run make)")
        self.locale = locale
        self._decoder = Decoder(
            hmm=get_model_path(ACOUSTIC_MODEL), lm=str(lm), dict=str(dic),
            dither=True, loglevel="FATAL",
        )
        answers = lm_path(locale, ANSWERS)
        if answers.exists():
            self._decoder.add_lm_file(ANSWERS, str(answers))
        self._searches = {"", ANSWERS} if answers.exists() else {""}
        self._open = False
        self._hiss = Hiss()

    def expect(self, kind: str = "") -> None:
        """Listen next with a kind's language model ("answers" at a yes-or-no question)."""
        if kind not in self._searches:
            kind = ""
        if self._open:
            self._decoder.end_utt()
            self._open = False
        self._decoder.activate_search(kind or None)

    def transcribe(self, audio: Audio) -> str:
        """The words in one recording (any rate), as lower-case text ('' for none heard)."""
        self.begin()
        self.feed(bytes(2 * int(RATE * LEAD_IN)) + resample(audio, RATE).pcm)
        return self.finish()

    def begin(self) -> None:
        """Start an utterance (16 kHz frames follow)."""
        if self._open:
            self._decoder.end_utt()
        self._decoder.start_utt()
        self._open = True
        self._hiss = Hiss()

    def feed(self, pcm: bytes) -> None:
        """Decode more 16 kHz audio as it arrives, so little is left to do at the end."""
        self._decoder.process_raw(self._hiss.under(pcm), no_search=False, full_utt=False)

    def finish(self) -> str:
        """End the utterance and return what was said."""
        self._decoder.end_utt()
        self._open = False
        hyp = self._decoder.hyp()
        return " ".join(hyp.hypstr.split()) if hyp is not None else ""


class Spotter:
    """Keyphrase spotting in a live stream: "stop" said over a reply.

    `begin`, `feed` and `finish` also let it hear one stretch of speech, as bench/voice.py
    measures it on the wake phrase.
    """

    def __init__(self, phrases: dict[str, float]) -> None:
        keyfile = _kws_file(phrases)
        try:
            self._decoder = Decoder(hmm=get_model_path(ACOUSTIC_MODEL),
                                    dict=get_model_path("en-us/cmudict-en-us.dict"),
                                    kws=str(keyfile), dither=True, loglevel="FATAL")
        finally:
            keyfile.unlink(missing_ok=True)
        self._hiss = Hiss()
        self._decoder.start_utt()
        self.spotted = ""

    def begin(self) -> None:
        """Listen afresh (a stretch of speech starts)."""
        self._decoder.end_utt()
        self._decoder.start_utt()
        self._hiss, self.spotted = Hiss(), ""

    def feed(self, pcm: bytes) -> str | None:
        """The phrase heard in this 16 kHz audio, if any (then it listens afresh)."""
        self._decoder.process_raw(self._hiss.under(pcm), no_search=False, full_utt=False)
        hyp = self._decoder.hyp()
        if hyp is None:
            return None
        self._decoder.end_utt()
        self._decoder.start_utt()
        self.spotted = " ".join(hyp.hypstr.split())
        return self.spotted

    def finish(self) -> str:
        """The phrase spotted since `begin`, or ''."""
        return self.spotted


class Hiss:
    """The noise floor, continued from one piece of a stream to the next."""

    def __init__(self) -> None:
        self._at = 0

    def under(self, pcm: bytes) -> bytes:
        """The 16-bit audio with the hiss added (clipped at full scale)."""
        samples, size = array.array("h", pcm), len(_HISS)
        at = self._at
        samples = array.array("h", (
            max(-32768, min(32767, value + _HISS[(at + i) % size]))
            for i, value in enumerate(samples)))
        self._at = (at + len(samples)) % size
        return samples.tobytes()


def _kws_file(phrases: dict[str, float]) -> Path:
    """pocketsphinx reads keyphrases from a file: one 'phrase /threshold/' a line."""
    with tempfile.NamedTemporaryFile(
        "w", suffix=".kws", delete=False, encoding="utf-8"
    ) as handle:
        for phrase, threshold in phrases.items():
            handle.write(f"{phrase} /{threshold:.0e}/\n")
    return Path(handle.name)


def endpointer() -> Endpointer:
    """Voice activity at 16 kHz: where speech starts and, after a short silence, ends."""
    return Endpointer(window=0.3, ratio=0.9, sample_rate=RATE)
