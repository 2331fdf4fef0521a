"""The voice loop: how well it hears, how fast it answers, how much memory it takes.

Utterances: en-US paraphrases from tests/nlu/paraphrases.yaml (how people say things, none a
sample word for word), synthesized now with several espeak-ng voices and speeds.
- Word error rate (jiwer) of the recogniser, and intent accuracy: the local NLU's intent on the
  recognised words against the paraphrase's intent (and on the typed words, for comparison).
- Time from the end of speech to the start of the reply: the endpointer's silence window (audio
  time, so wall time when live) plus the work after it: the last decoding, the skill's turn
  through the Simulator and synthesizing the reply (target: under 1 s).
- Answers at a yes-or-no question: short answers heard with the general model and with the
  answers model the loop uses there, and how often one was heard as a way of ending.
- "Can't" at the weight question: how often a spoken "I can't walk" is heard as a safe answer and
  sent unconfirmed, without the voice loop's check and with it, and how often a genuine "yes I
  can walk" gets the check.
- The wake phrase: how often the recogniser (what the loop uses) and pocketsphinx's keyphrase
  spotting hear "hip helper", and how often they hear it in ordinary sentences.
- Peak memory of a process holding everything the live loop holds (target: under 200 MB).
"""

from __future__ import annotations

import array
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator

import jiwer

from skill.simulator.cli import Printer
from skill.simulator.evaluate import EVAL_NOW, PARAPHRASES, load_paraphrases
from skill.simulator.model import load_model
from skill.simulator.nlu import understand
from skill.simulator.simulator import Simulator, model_path
from skill.simulator.voice.audio import Audio, from_wav_bytes, resample
from skill.simulator.voice.conversation import Conversation, Mouth, ready_simulator
from skill.simulator.voice.recognizer import ANSWERS, Recognizer, Spotter, endpointer
from skill.simulator.voice.stream import utterance
from skill.simulator.voice.tts import Espeak, voice_for
from skill.simulator.voice.vocabulary import spoken

VOICES = ("en-us", "en-us+klatt2", "en-us+f3", "en-gb")
SPEEDS = (140, 175)
CASES = 24  # paraphrases, evenly spread over the file's en-US list
LATENCY_TARGET, MEMORY_TARGET_MB = 1.0, 200
# Short answers to the safety questions, and ordinary sentences said while nobody called it.
ANSWER_CASES = ("no", "yes", "nope", "yeah", "not sure", "no fever", "I can walk",
                "no I didn't fall", "I feel fine", "I don't know", "I have a fever", "I fell")
ENDING_WORDS = frozenset({"off", "cancel", "stop", "quit", "exit", "end", "bye", "goodbye"})
# At "Can you put weight on that leg and walk?": answers that are a warning sign, and safe ones.
CANT_CASES = ("I can't walk", "I can't put weight on it", "no I can't", "I can't stand on it",
              "no I can't walk", "yeah I can't walk")
CAN_CASES = ("yes I can walk", "yes", "I can walk", "I can put weight on it", "yes I can")
TO_WEIGHT = ("my outer hip hurts when I lie on it", "no fever", "no I didn't fall")
WAKE_CASES = ("hip helper", "hey hip helper", "hip helper can I take ibuprofen")
NOT_WAKE_CASES = ("the kettle is on", "hip pain", "it helps a bit", "he helped her",
                  "my outer hip hurts when I lie on it", "can I take ibuprofen")
SPOT_THRESHOLDS = (1e-20, 1e-30)
FRAME = 960


def cases() -> list[tuple[str, str]]:
    """(text, intent) of evenly spread en-US paraphrases."""
    found = [(c["text"], c["intent"]) for loc, c in load_paraphrases(PARAPHRASES) if loc == "en-US"]
    step = max(1, len(found) // CASES)
    return found[::step][:CASES]


def synthesize(text: str, voice: str, speed: int) -> Audio:
    """espeak-ng's recording of the text at 16 kHz."""
    done = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
                          capture_output=True, check=True, timeout=30)
    return resample(from_wav_bytes(done.stdout))


def accuracy(recognizer: Recognizer) -> int:
    """Word error rate and intent accuracy per voice and speed."""
    model, today = load_model(model_path("en-US")), EVAL_NOW.date()
    chosen = cases()
    typed = sum(understand(model, t, today).intent == i for t, i in chosen) / len(chosen)
    print(f"  {len(chosen)} paraphrases; intent accuracy on the typed words {typed:.0%}")
    print(f"  {'voice':14} {'speed':>5} {'WER':>6} {'intent':>7}")
    all_refs: list[str] = []
    all_hyps: list[str] = []
    right = total = 0
    for voice in VOICES:
        for speed in SPEEDS:
            refs, hyps = [], []
            good = 0
            for text, intent in chosen:
                heard = recognizer.transcribe(synthesize(text, voice, speed))
                refs.append(spoken(text))
                hyps.append(heard or "-")
                good += understand(model, heard, today).intent == intent
            wer = jiwer.wer(refs, hyps)
            print(f"  {voice:14} {speed:5d} {wer:6.1%} {good / len(chosen):7.0%}")
            all_refs += refs
            all_hyps += hyps
            right, total = right + good, total + len(chosen)
    print(f"  overall: WER {jiwer.wer(all_refs, all_hyps):.1%}, intent accuracy "
          f"{right / total:.0%} (typed {typed:.0%})")
    return 0


def answers(recognizer: Recognizer) -> int:
    """Short answers at a question: the general model against the answers model."""
    refs = [spoken(t) for t in ANSWER_CASES]
    for kind in ("", ANSWERS):
        recognizer.expect(kind)
        hyps = [recognizer.transcribe(synthesize(t, v, s)) or "-"
                for v in VOICES for s in SPEEDS for t in ANSWER_CASES]
        endings = sum(h in ENDING_WORDS for h in hyps)
        print(f"  answers at a question, {kind or 'general'} model: WER "
              f"{jiwer.wer(refs * (len(hyps) // len(refs)), hyps):.1%}, "
              f"\"no\" heard as no {sum(h == 'no' for h in hyps[::len(refs)])}/"
              f"{len(VOICES) * len(SPEEDS)}, heard as an ending {endings}/{len(hyps)}")
    recognizer.expect()
    return 0


def weight(recognizer: Recognizer) -> int:
    """Spoken answers at the weight question: warning signs heard safe, and checks of safe ones.

    "Before" sends the heard words to the skill as they are; "now" goes through the voice loop,
    whose check the person answers truthfully ("no" or "yes", spoken in the same voice).
    """
    recognizer.expect(ANSWERS)
    groups = len(VOICES) * len(SPEEDS)
    rows: dict[str, list[int]] = {}  # case -> [heard safe before, safe now, checked]
    for voice in VOICES:
        for speed in SPEEDS:
            replies = {a: recognizer.transcribe(synthesize(a, voice, speed)) for a in ("no", "yes")}
            for text in (*CANT_CASES, *CAN_CASES):
                heard = recognizer.transcribe(synthesize(text, voice, speed))
                before = _at_weight().sim.say(heard)
                loop = _at_weight()
                now = loop.hear(heard)
                checked = loop.checking != ""
                if checked:
                    now = loop.hear(replies["no" if text in CANT_CASES else "yes"])
                row = rows.setdefault(text, [0, 0, 0])
                row[0] += _triage(before) == "self_care"
                row[1] += _triage(now) == "self_care"
                row[2] += checked
    recognizer.expect()
    print(f"  at the weight question ({groups} voices and speeds): heard safe without the check "
          f"-> with it; checked")
    for text, (before, now, checked) in rows.items():
        print(f"    {text!r:28} safe {before}/{groups} -> {now}/{groups}; "
              f"checked {checked}/{groups}")
    cant = [rows[t] for t in CANT_CASES]
    print(f"  a spoken \"can't\" heard safe and sent unconfirmed: "
          f"{sum(r[0] for r in cant)}/{groups * len(CANT_CASES)} without the check, "
          f"{sum(r[1] for r in cant)}/{groups * len(CANT_CASES)} with it; a genuine "
          f"\"yes I can walk\" checked {rows[CAN_CASES[0]][2]}/{groups}, a plain \"yes\" "
          f"{rows['yes'][2]}/{groups}")
    return 0


def _at_weight() -> Conversation:
    """A silent voice conversation at "Can you put weight on that leg and walk?"."""
    sim = Simulator(device="voice", user_id=f"bench-{uuid.uuid4().hex}")
    conversation = Conversation(sim, Printer(io.StringIO()), Mouth())
    for text in TO_WEIGHT:
        conversation.hear(spoken(text))
    return conversation


def _triage(turn: object) -> object:
    """The triage a turn reached, or None (nothing sent yet, or not decided)."""
    return getattr(turn, "session_attributes", {}).get("triage")


def wake(recognizer: Recognizer) -> int:
    """The wake phrase: the recogniser (used) and keyphrase spotting (measured, not used)."""
    spotters = {t: Spotter({"hip helper": t}) for t in SPOT_THRESHOLDS}
    found: dict[str, list[int]] = {"recogniser": [0, 0], **{f"spotting {t:.0e}": [0, 0]
                                                            for t in SPOT_THRESHOLDS}}
    for voice in VOICES:
        for speed in SPEEDS:
            for column, texts in ((0, WAKE_CASES), (1, NOT_WAKE_CASES)):
                for text in texts:
                    audio = synthesize(text, voice, speed)
                    found["recogniser"][column] += "hip helper" in recognizer.transcribe(audio)
                    for threshold, spotter in spotters.items():
                        found[f"spotting {threshold:.0e}"][column] += _spots(spotter, audio)
    groups = len(VOICES) * len(SPEEDS)
    for name, (hits, false) in found.items():
        print(f"  wake phrase, {name}: heard {hits}/{groups * len(WAKE_CASES)}, woken by "
              f"ordinary speech {false}/{groups * len(NOT_WAKE_CASES)}")
    return 0


def _spots(spotter: Spotter, audio: Audio) -> bool:
    """Whether the spotter hears its phrase in one stretch of speech."""
    spotter.begin()
    quiet = bytes(FRAME * 10)
    pcm = quiet + audio.pcm + quiet
    for start in range(0, len(pcm) - FRAME + 1, FRAME):
        spotter.feed(pcm[start:start + FRAME])
    return bool(spotter.finish())


def latency(recognizer: Recognizer) -> int:
    """End of speech to the reply ready to play, over a short conversation."""
    sim, mouth = ready_simulator(), Espeak(voice_for("en-US"))  # as `python -m skill voice`
    window = endpointer()
    hangovers, work = [], []
    for text in ("my outer hip hurts when I lie on it", "no fever", "no I didn't fall",
                 "yes I can walk", "yes", "next", "stop"):
        pcm = synthesize(text, "en-us+klatt2", 160).pcm
        quiet = bytes(FRAME * 40)
        stream = quiet + pcm + quiet
        frames = [stream[i:i + FRAME] for i in range(0, len(stream) - FRAME + 1, FRAME)]
        fed = [0]
        heard = utterance(_counted(frames, fed), recognizer)
        if heard is None:
            continue
        speech_end = (len(quiet) + _last_sound(pcm)) / FRAME
        hangovers.append(max(0.0, (fed[0] - speech_end) * window.frame_length))
        turn = sim.say(heard.words)
        mouth.synthesize(turn.speech)
        work.append(time.perf_counter() - heard.ended)
    hang, busy = statistics.median(hangovers), statistics.median(work)
    total = [h + w for h, w in zip(hangovers, work, strict=True)]
    print(f"  end of speech -> reply starts: median {statistics.median(total):.2f} s, "
          f"worst {max(total):.2f} s (target < {LATENCY_TARGET:.0f} s)")
    print(f"    silence before the endpointer decides {hang:.2f} s; decoding, skill and "
          f"synthesis after it {busy:.2f} s (medians)")
    return 0


def _last_sound(pcm: bytes) -> int:
    """Where the speech in a clip ends (espeak-ng pads its recordings with silence)."""
    samples = array.array("h", pcm)
    loud = [i for i in range(0, len(samples), 160) if max(samples[i:i + 160], default=0) > 600]
    return 2 * (loud[-1] + 160) if loud else len(pcm)


def _counted(frames: list[bytes], fed: list[int]) -> Iterator[bytes | None]:
    """The frames, counting how many the endpointer needed."""
    for frame in frames:
        fed[0] += 1
        yield frame


def memory() -> int:
    """Peak RSS of a voice process: recogniser, spotters, skill, a conversation from files."""
    with tempfile.TemporaryDirectory() as tmp:
        for index, text in enumerate(("my outer hip hurts when I lie on it", "no fever", "stop")):
            subprocess.run(["espeak-ng", "-v", "en-us+klatt2", "-w", f"{tmp}/{index}.wav", text],
                           check=True, capture_output=True, timeout=30)
        code = ("import resource, sys\n"
                "from skill.__main__ import main\n"
                "from skill.simulator.voice.recognizer import Spotter\n"
                "spotters = [Spotter({'stop': 1e-10})]\n"
                "try:\n    import sounddevice\nexcept OSError:\n    pass\n"
                f"main(['voice', '--input', {tmp!r}, '--mute'])\n"
                # VmHWM is this process's own peak; ru_maxrss also counts the bench process
                # it was forked from, which is larger by the time this runs.
                "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                "try:\n    peak = int(next(line.split()[1] for line in open('/proc/self/status')"
                " if line.startswith('VmHWM:')))\nexcept (OSError, StopIteration):\n    pass\n"
                "print(peak, file=sys.stderr)\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=120, check=False)
    if done.returncode != 0:
        print(f"  memory: the probe failed: {done.stderr.strip().splitlines()[-1:]}")
        return 1
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    print(f"  peak memory of the voice process {peak:.0f} MB (target < {MEMORY_TARGET_MB} MB)")
    return 0


def main() -> int:
    """All three, if espeak-ng is here to make the recordings."""
    if shutil.which("espeak-ng") is None:
        print("  skipped: espeak-ng is missing (make audio)")
        return 0
    started = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    recognizer = Recognizer("en-US")
    failed = (accuracy(recognizer) | answers(recognizer) | weight(recognizer) | wake(recognizer)
              | latency(recognizer) | memory())
    used = resource.getrusage(resource.RUSAGE_SELF).ru_utime - started
    print(f"  ({used:.0f} s of CPU)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
