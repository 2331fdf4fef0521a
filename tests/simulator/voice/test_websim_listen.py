"""The web simulator's local recogniser: the page records, this server turns it into words."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from skill.simulator.voice.audio import RATE, Audio, wav_bytes
from skill.simulator.web.listen import MAX_AUDIO_BYTES, PATH
from skill.web.app import create_app
from tests.simulator.voice.conftest import Speak


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
