"""The web simulator's local recogniser: the page records, this server turns it into words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.simulator.voice.audio import RATE, Audio, wav_bytes
from skill.simulator.web import listen
from skill.simulator.web.listen import MAX_AUDIO_BYTES, PATH
from skill.web.app import create_app
from tests.simulator.voice.conftest import Speak
from tests.simulator.voice.test_voice_weight_check import BEFORE_WEIGHT, COMPLAINT, MISHEARD


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    return create_app({"env": "development", "simulator": "", "verify_requests": True,
                       "db_path": str(tmp_path / "m.db"),
                       "user_key_secret": "test"}).test_client()


def test_the_page_says_the_local_recogniser_is_here(client: FlaskClient) -> None:
    assert client.get(PATH).json == {"available": True}


def test_a_posted_recording_comes_back_as_words(
    client: FlaskClient, speak: Speak, tmp_path: Path
) -> None:
    body = speak(tmp_path, "fever", "I have a fever").read_bytes()
    response = client.post(f"{PATH}?locale=en-GB", data=body, content_type="audio/wav")
    assert response.status_code == 200 and response.json == {"words": "i have a fever"}


@pytest.mark.parametrize(("body", "kind", "status", "code"), [
    (b"not audio", "audio/wav", 400, "bad_audio"),
    (wav_bytes(Audio(b"", RATE)), "application/json", 415, "not_wav"),
    (b"\0" * (MAX_AUDIO_BYTES + 1), "audio/wav", 413, "too_large"),
])
def test_a_bad_recording_gets_a_4xx_that_says_why(
    client: FlaskClient, body: bytes, kind: str, status: int, code: str
) -> None:
    response = client.post(PATH, data=body, content_type=kind)
    assert response.status_code == status and response.json["code"] == code
    assert response.json["error"]


def test_an_unknown_locale_is_refused(client: FlaskClient) -> None:
    response = client.post(f"{PATH}?locale=fr-FR", data=b"", content_type="audio/wav")
    assert response.status_code == 400 and "en-US" in response.json["error"]


def test_the_page_warns_that_the_browsers_recognition_may_send_audio_away(
    client: FlaskClient,
) -> None:
    text = " ".join(client.get("/").get_data(as_text=True).split())
    assert "Nothing leaves it" not in text
    assert "may send your voice to the browser maker’s service" in text
    assert 'name="hearing" value="local" checked' in text


def _session(client: FlaskClient, *said: str) -> str:
    """A web session that has said these words, as the page's message box would."""
    sid = client.post("/simulator/api/sessions", json={}).json["session"]
    for words in said:
        _session_say(client, sid, words)
    return str(sid)


def _hearing(monkeypatch: pytest.MonkeyPatch, *heard: str) -> list[str]:
    """The recogniser replaced: it hears these words in turn; returns the models it was told."""
    kinds: list[str] = []
    words = iter(heard)

    def transcribe(locale: str, kind: str, audio: Audio) -> str:
        kinds.append(kind)
        return next(words)

    monkeypatch.setattr(listen, "_transcribe", transcribe)
    return kinds


def _post(client: FlaskClient, sid: str | None = None) -> Any:
    body = wav_bytes(Audio(b"\0\0" * RATE, RATE))
    query = f"?session={sid}" if sid else ""
    return client.post(f"{PATH}{query}", data=body, content_type="audio/wav")


def test_at_a_yes_or_no_question_a_session_is_heard_with_the_answers_model(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    kinds = _hearing(monkeypatch, "my outer hip hurts", "no fever", "no fever")
    sid = _session(client)
    assert _post(client, sid).json["say"] == "my outer hip hurts"  # nothing asked yet
    _session_say(client, sid, COMPLAINT)  # the fever question
    assert _post(client, sid).json == {"words": "no fever", "say": "no fever", "ask": ""}
    assert _post(client).json == {"words": "no fever"}  # no session: as before
    assert kinds == ["", "answers", ""]


def test_a_misheard_ending_in_a_session_is_checked_not_said(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hearing(monkeypatch, "off", "no", "no fever")
    sid = _session(client, COMPLAINT)
    assert _post(client, sid).json["ask"].startswith("Did you want to stop?")
    assert _post(client, sid).json == {"words": "no", "say": "", "ask": "Okay, let's go on."}
    assert _post(client, sid).json["say"] == "no fever"


def test_a_can_walk_at_the_weight_question_is_checked_and_typing_instead_drops_the_check(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hearing(monkeypatch, "i can walk", "i can walk")
    sid = _session(client, *BEFORE_WEIGHT)
    assert _post(client, sid).json["ask"].startswith("Just to check")
    turn = _session_say(client, sid, "yes")  # typed: the skill hears it as it is
    assert turn["session_attributes"]["triage"] == "self_care"


def test_a_spoken_cant_walk_heard_as_can_walk_is_checked_and_no_escalates(
    client: FlaskClient, speak: Speak, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listen, "_recognizers", {})  # a fresh decoder: heard as from the start
    sid = _session(client)
    for index, text in enumerate(BEFORE_WEIGHT):  # the whole conversation spoken, as the page does
        said = speak(tmp_path, f"{index}", text).read_bytes()
        words = client.post(f"{PATH}?session={sid}", data=said, content_type="audio/wav").json
        assert words["say"] == text.lower()
        _session_say(client, sid, words["say"])
    cant = speak(tmp_path, "cant", "I can't walk", **MISHEARD).read_bytes()
    heard = client.post(f"{PATH}?session={sid}", data=cant, content_type="audio/wav").json
    assert heard["words"] == "i can walk" and heard["say"] == ""
    assert heard["ask"] == "Just to check: you can put weight on that leg? Say yes or no."
    no = speak(tmp_path, "no", "no").read_bytes()
    answer = client.post(f"{PATH}?session={sid}", data=no, content_type="audio/wav").json
    assert answer["words"] == "no" and answer["say"] == "no, I can't put weight on it"
    assert _session_say(client, sid, answer["say"])["session_attributes"]["triage"] == "urgent"


def test_an_unknown_session_is_refused_with_the_code_the_page_knows(client: FlaskClient) -> None:
    response = _post(client, "not-a-session")
    assert response.status_code == 404 and response.json["code"] == "unknown_session"


def _session_say(client: FlaskClient, sid: str, words: str) -> dict[str, Any]:
    response = client.post(f"/simulator/api/sessions/{sid}/say", json={"text": words})
    assert response.status_code == 200
    return dict(response.json["turn"])
