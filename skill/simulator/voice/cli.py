"""`python -m skill voice`: a spoken conversation with the skill, entirely on this machine."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from skill.simulator.cli import Printer
from skill.simulator.voice.audio import AudioError, recordings
from skill.simulator.voice.conversation import (
    Conversation,
    Mouth,
    ready_simulator,
    run_recordings,
)
from skill.simulator.voice.devices import NoAudioDevice, Speaker, require_microphone
from skill.simulator.voice.tts import DEFAULT_SPEED, Espeak, SpeechUnavailable, voice_for

LIVE_HINT = "--input FILE.wav talks from recordings, --mute prints replies without a speaker"
MISSING = "error: the recogniser is not installed: pip install -r requirements-voice.txt " \
    "(make voice does it)"


def main(argv: list[str]) -> int:
    """Run a conversation from the microphone, or from recordings with --input."""
    ns = _parser().parse_args(argv[1:])
    out = Printer(sys.stdout)
    try:
        from skill.simulator.voice.recognizer import Recognizer
    except ImportError:
        print(MISSING, file=sys.stderr)
        return 1
    try:
        sim = ready_simulator(ns.locale, ns.user, ns.store)
        sim.now = sim.now + timedelta(days=ns.days_later)
        wake = sim.model.invocation
        recognizer = Recognizer(ns.locale)
        paths = recordings(ns.input) if ns.input else None
        if paths is None:
            require_microphone()
        speaker = None if ns.mute else _speaker(paths is not None, out)
        synthesizer = Espeak(ns.voice or voice_for(ns.locale), ns.speed) if speaker else None
        conversation = Conversation(sim, out, Mouth(synthesizer, speaker))
        if paths is not None:
            return run_recordings(conversation, recognizer, paths)
        from skill.simulator.voice.live import run_live

        return run_live(conversation, recognizer, speaker, wake)
    except NoAudioDevice as error:
        print(f"error: {error}; {LIVE_HINT}", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError, AudioError, SpeechUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _speaker(optional: bool, out: Printer) -> Speaker | None:
    """The speaker; with recordings, its absence only means replies are printed, not said."""
    try:
        return Speaker()
    except NoAudioDevice as error:
        if not optional:
            raise
        out.note(f"{error}: replies are printed only (--mute says nothing of it)")
        return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m skill voice",
        description="Talk to Hip Helper by voice: recognition and speech stay on this machine.")
    parser.add_argument("--input", type=Path, default=None, metavar="FILE.wav|FOLDER",
                        help="a recording, or a folder of them (one turn each, in name order)")
    parser.add_argument("--locale", default="en-US", help="en-US, en-GB, en-CA, en-AU or en-IN")
    parser.add_argument("--voice", default=None,
                        help="an espeak-ng voice (espeak-ng --voices=en lists them)")
    parser.add_argument("--speed", type=int, default=DEFAULT_SPEED, help="words a minute")
    parser.add_argument("--mute", action="store_true", help="print replies, do not speak them")
    parser.add_argument("--user", default=None, help="a name for the simulated Alexa user")
    parser.add_argument("--store", default=None, help="the skill's memory database")
    parser.add_argument("--days-later", type=int, default=0, metavar="N",
                        help="start the clock N days from now")
    return parser
