"""The live loop's parts without a sound card: the stream, the wake phrase, devices, bad input."""

from __future__ import annotations

import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from skill.__main__ import main
from skill.simulator import Simulator
from skill.simulator.cli import Printer
from skill.simulator.services import Scheduled
from skill.simulator.voice import devices, live
from skill.simulator.voice.audio import (
    RATE,
    Audio,
    AudioError,
    read_wav,
    recordings,
    resample,
    tone,
    wav_bytes,
)
from skill.simulator.voice.conversation import Conversation, Mouth
from skill.simulator.voice.recognizer import STOP_THRESHOLD, Recognizer, Spotter
from skill.simulator.voice.stream import utterance
from tests.simulator.voice.conftest import Speak

FRAME = 960  # 30 ms at 16 kHz, 16-bit: the microphone's and the endpointer's frame


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer("en-US")


def _frames(*clips: Audio) -> Iterator[bytes | None]:
    """A microphone's stream: half a second of quiet around each clip, then quiet."""
    quiet = bytes(FRAME * 16)
    pcm = quiet + quiet.join(resample(c).pcm for c in clips) + quiet * 3
    yield from (pcm[i:i + FRAME] for i in range(0, len(pcm) - FRAME + 1, FRAME))


def test_an_utterance_ends_at_the_silence_after_it(
    speak: Speak, tmp_path: Path, recognizer: Recognizer
) -> None:
    clip = read_wav(speak(tmp_path, "a", "can I take ibuprofen"))
    heard = utterance(_frames(clip), recognizer)
    assert heard is not None and heard.words == "can i take ibuprofen"


def test_nobody_speaking_stops_the_listening(recognizer: Recognizer) -> None:
    assert utterance(iter([bytes(FRAME)] * 20), recognizer, wait=0.0) is None


def test_hip_helper_wakes_the_loop_and_other_talk_does_not(
    speak: Speak, tmp_path: Path, recognizer: Recognizer
) -> None:
    noise = read_wav(speak(tmp_path, "noise", "the kettle is on"))
    wake = read_wav(speak(tmp_path, "wake", "hip helper"))
    assert live._wait_for_wake(_frames(noise), recognizer, _watch(), "hip helper") is None
    assert live._wait_for_wake(_frames(noise, wake), recognizer, _watch(), "hip helper") == ""


def _watch(keys: list[str] | None = None) -> live._Watch:
    return live._Watch(_NoKeys(keys))  # type: ignore[arg-type]


def test_words_after_the_wake_phrase_are_kept() -> None:
    assert live.after_wake("hey hip helper my hip hurts", "hip helper") == "my hip hurts"
    assert live.after_wake("hip helper", "hip helper") == ""
    assert live.after_wake("my hip hurts", "hip helper") is None


def test_enter_wakes_without_the_wake_phrase(recognizer: Recognizer) -> None:
    quiet = iter([bytes(FRAME)] * 50)
    assert live._wait_for_wake(quiet, recognizer, _watch([""]), "hip helper") == ""


class _NoKeys:
    def __init__(self, lines: list[str] | None = None) -> None:
        self.lines = list(lines or [])

    def pressed(self) -> str | None:
        return self.lines.pop(0) if self.lines else None


def test_the_listening_tones_are_short_and_differ() -> None:
    start, stop = tone("start"), tone("stop")
    assert 0.05 < start.seconds < 0.3 and start.pcm != stop.pcm


def test_resampling_keeps_the_length_in_seconds() -> None:
    audio = Audio(bytes(2 * 22050), 22050)
    assert abs(resample(audio).seconds - 1.0) < 0.01 and resample(audio).rate == RATE


def test_stereo_recordings_are_mixed_to_mono(tmp_path: Path) -> None:
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(2)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(bytes(4 * RATE))
    assert read_wav(path).seconds == pytest.approx(1.0)


def test_a_file_that_is_not_wav_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("not audio")
    with pytest.raises(AudioError, match=r"notes\.wav"):
        read_wav(path)


def test_eight_bit_audio_is_refused_with_what_to_record(tmp_path: Path) -> None:
    path = tmp_path / "old.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(1)
        handle.setframerate(8000)
        handle.writeframes(bytes(800))
    with pytest.raises(AudioError, match="16-bit"):
        read_wav(path)


def test_a_folder_without_recordings_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["voice", "--input", str(tmp_path), "--mute"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no .wav files" in err and err.count("\n") == 1


def test_a_missing_recording_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["voice", "--input", str(tmp_path / "nope.wav"), "--mute"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_no_microphone_is_a_one_line_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class NoDevices:
        PortAudioError = OSError

        @staticmethod
        def query_devices(kind: str) -> None:
            raise ValueError("No input device matching ''")

    monkeypatch.setattr(devices, "_sounddevice", lambda: NoDevices)
    assert main(["voice"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no audio" in err and "--input" in err


def test_without_a_speaker_recordings_are_still_answered_in_print(
    monkeypatch: pytest.MonkeyPatch, speak: Speak, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def refuse() -> None:
        raise devices.NoAudioDevice("no audio: no speaker")

    monkeypatch.setattr("skill.simulator.voice.cli.Speaker", refuse)
    speak(tmp_path, "01", "stop")
    assert main(["voice", "--input", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "replies are printed only" in out and "Alexa: " in out


def test_recordings_are_taken_in_name_order(tmp_path: Path) -> None:
    for name in ("02.wav", "01.wav", "notes.txt"):
        (tmp_path / name).write_bytes(wav_bytes(Audio(b"", RATE)))
    assert [p.name for p in recordings(tmp_path)] == ["01.wav", "02.wav"]


class _FakeMicrophone:
    """Plays a script of clips as the microphone, then Ctrl-C."""

    clips: ClassVar[list[Audio]] = []

    def __enter__(self) -> _FakeMicrophone:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def frames(self) -> Iterator[bytes | None]:
        yield from _frames(*self.clips)
        raise KeyboardInterrupt

    def drain(self) -> None:
        return None


class _FakeSpeaker:
    def __init__(self) -> None:
        self.played: list[Audio] = []

    def play(self, audio: Audio, wait: bool = True) -> None:
        self.played.append(audio)

    def stop(self) -> None:
        return None

    def busy(self) -> bool:
        return False


class _Voice:
    def synthesize(self, text: str) -> Audio:
        return Audio(b"\0\0" * 10, RATE)


def test_the_live_loop_wakes_answers_and_stops_with_tones(
    monkeypatch: pytest.MonkeyPatch, speak: Speak, tmp_path: Path, recognizer: Recognizer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    speaker = _live_talk(monkeypatch, speak, tmp_path, recognizer,
                         "hip helper", "my outer hip hurts when I lie on it", "stop")
    out = capsys.readouterr().out
    assert "You: my outer hip hurts when i lie on it" in out and "You: stop" in out
    assert "[AMAZON.StopIntent]" in out
    tones = [a for a in speaker.played if a in (tone("start"), tone("stop"))]
    assert len(tones) >= 4  # a tone as listening starts and as it stops, for each turn


def test_a_timer_the_skill_sets_is_spoken_when_it_ends(capsys: pytest.CaptureFixture[str]) -> None:
    speaker = _FakeSpeaker()
    sim = Simulator(device="voice")
    conversation = Conversation(sim, Printer(sys.stdout), Mouth(_Voice(), speaker))
    sim.api_client.scheduled.append(Scheduled("timer", 0, "Time to take the ice off", {}))
    conversation.announce_timers()
    for timer in conversation.timers:
        timer.join(5)
    assert "[timer] Time to take the ice off" in capsys.readouterr().out
    assert speaker.played  # the tone, then the words


def test_without_pocketsphinx_the_voice_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(sys.modules, "skill.simulator.voice.recognizer")
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)  # import fails
    assert main(["voice", "--mute"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "requirements-voice.txt" in err



def test_stop_said_over_a_reply_is_spotted(speak: Speak, tmp_path: Path) -> None:
    stopper = Spotter({"stop": STOP_THRESHOLD})
    heard = [stopper.feed(frame) for frame in _frames(read_wav(speak(tmp_path, "s", "stop")))]
    assert "stop" in heard
    stopper.begin()
    noise = read_wav(speak(tmp_path, "n", "the kettle is on"))
    assert not any(stopper.feed(frame) for frame in _frames(noise))

def test_the_wake_phrase_and_a_request_in_one_breath_keep_the_request(
    speak: Speak, tmp_path: Path, recognizer: Recognizer
) -> None:
    clip = read_wav(speak(tmp_path, "both", "hip helper can I take ibuprofen"))
    assert live._wait_for_wake(_frames(clip), recognizer, _watch(), "hip helper") == \
        "can i take ibuprofen"


def test_the_default_speaking_voice_is_espeaks_klatt_variant_of_the_locales_english() -> None:
    from skill.simulator.voice.tts import voice_for

    assert voice_for("en-US") == "en-us+klatt2" and voice_for("en-GB") == "en-gb+klatt2"


def test_the_live_loop_checks_a_lone_off_at_a_question_and_goes_on_after_no(
    monkeypatch: pytest.MonkeyPatch, speak: Speak, tmp_path: Path, recognizer: Recognizer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _live_talk(monkeypatch, speak, tmp_path, recognizer,
               "hip helper", "my outer hip hurts when I lie on it", "off", "no")
    out = capsys.readouterr().out
    assert "You: off" in out and "Voice: Did you want to stop?" in out
    assert "Voice: Okay, let's go on." in out
    assert "[AMAZON.StopIntent]" not in out and "[session ended]" not in out


def _live_talk(
    monkeypatch: pytest.MonkeyPatch, speak: Speak, tmp_path: Path, recognizer: Recognizer,
    *said: str,
) -> _FakeSpeaker:
    """Run the live loop on these utterances, spoken by espeak-ng into a fake microphone."""
    _FakeMicrophone.clips = [read_wav(speak(tmp_path, str(i), t)) for i, t in enumerate(said, 1)]
    monkeypatch.setattr(live, "Microphone", _FakeMicrophone)
    monkeypatch.setattr(live, "Keys", _NoKeys)
    speaker = _FakeSpeaker()
    conversation = Conversation(Simulator(device="voice"), Printer(sys.stdout),
                                Mouth(_Voice(), speaker))
    assert live.run_live(conversation, recognizer, speaker, "hip helper") == 0  # type: ignore[arg-type]
    return speaker
