"""The web simulator's JSON API through Flask's test client: sessions, turns, settings, clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from skill.simulator.simulator import CONSENT
from skill.simulator.web import EXTENSION
from skill.simulator.web.sessions import Options, SessionStore, locales
from skill.web.app import create_app

API = "/simulator/api/sessions"


def config(tmp: Path, **overrides: Any) -> dict[str, Any]:
    """Explicit settings, so a developer's SKILL_* variables cannot change what is tested."""
    values: dict[str, Any] = {
        "env": "development", "verify_requests": True, "simulator": "",
        "db_path": str(tmp / "memory.db"), "user_key_secret": "test-secret",
    }
    values.update(overrides)
    return values


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_app(config(tmp_path))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def sid(client: FlaskClient) -> str:
    response = client.post(API, json={})
    assert response.status_code == 201
    return str(response.json["session"])


def post(client: FlaskClient, sid: str, action: str, body: Any = None) -> Any:
    response = client.post(f"{API}/{sid}/{action}", json={} if body is None else body)
    assert response.status_code == 200, response.json
    return response.json


def test_the_page_and_its_assets_are_served_by_the_app(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    for asset in ("simulator.css", "simulator.js", "favicon.svg"):
        assert f"/simulator/static/{asset}" in html
        with client.get(f"/simulator/static/{asset}") as response:  # a file: close it
            assert response.status_code == 200
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


def test_start_reports_settings_locales_and_clock(client: FlaskClient) -> None:
    state = client.post(API, json={"locale": "en-GB", "device": "voice", "user": " Ann "}).json
    assert state["settings"] == {"locale": "en-GB", "device": "voice", "user": "Ann",
                                 "consent": "accept"}
    assert state["locales"] == locales() and "skill.json" not in state["locales"]
    assert {"en-US", "en-GB"} <= set(state["locales"])
    assert state["clock"]["offset_seconds"] == 0 and state["conversation_open"] is False
    assert state["scheduled"] == []
    assert len(state["session"]) >= 32


def test_launch_then_say_carries_the_session(client: FlaskClient, sid: str) -> None:
    launched = post(client, sid, "launch")
    assert launched["turn"]["said"] is None and launched["turn"]["intent"] == "LaunchRequest"
    assert "911" in launched["turn"]["speech"] and launched["state"]["conversation_open"]
    turn = post(client, sid, "say", {"text": "my outer hip hurts when I lie on it"})["turn"]
    assert turn["said"] == "my outer hip hurts when I lie on it"
    # The skill asked for the person's own words, so Alexa hands them over whole to the reader.
    assert turn["intent"] == "FreeSpeechIntent"
    assert turn["slots"] == {"speech": "my outer hip hurts when i lie on it"}
    assert turn["reading"]["read_as"] == "DescribePainIntent"
    assert turn["reading"]["features"] == {"location": ["outer_hip"], "trigger": ["lying_on_side"]}
    assert turn["explain"]["sample"] and turn["explain"]["score"] >= turn["explain"]["threshold"]
    assert turn["highlights"]["condition"] == "gtps" and turn["urgent"] is False
    assert turn["request"]["session"]["new"] is False
    assert turn["response"]["response"]["outputSpeech"]["type"] == "SSML"
    assert turn["reprompt"] and turn["end_session"] is False


def test_a_red_flag_is_marked_urgent(client: FlaskClient, sid: str) -> None:
    post(client, sid, "launch")
    turn = post(client, sid, "say", {"text": "I have a fever"})["turn"]
    assert turn["highlights"]["triage"] == "urgent" and turn["urgent"] is True


def test_settings_change_starts_a_new_conversation_in_that_locale(
    client: FlaskClient, sid: str
) -> None:
    post(client, sid, "launch")
    state = post(client, sid, "settings", {"locale": "en-GB", "user": "bea"})["state"]
    assert state["settings"] == {"locale": "en-GB", "device": "screen", "user": "bea",
                                 "consent": "accept"}
    assert state["conversation_open"] is False
    turn = post(client, sid, "launch")["turn"]
    assert "999" in turn["speech"] and turn["request"]["request"]["locale"] == "en-GB"


def test_voice_only_device_sends_no_screen(client: FlaskClient, sid: str) -> None:
    post(client, sid, "settings", {"device": "voice"})
    turn = post(client, sid, "launch")["turn"]
    assert "Viewport" not in turn["request"]["context"]


def test_clock_moves_forward_and_back_to_now(client: FlaskClient, sid: str) -> None:
    state = post(client, sid, "clock", {"advance": "+1d"})["state"]
    assert state["clock"]["offset_seconds"] == 86400
    state = post(client, sid, "clock", {"advance": "+1 hour"})["state"]
    assert state["clock"]["offset_seconds"] == 90000
    turn = post(client, sid, "launch")["turn"]
    assert turn["request"]["request"]["timestamp"][:10] == state["clock"]["now"][:10]
    assert post(client, sid, "clock", {"reset": True})["state"]["clock"]["offset_seconds"] == 0


@pytest.mark.parametrize("body", [{"advance": "-1d"}, {"advance": "soon"}, {}])
def test_clock_refuses_what_it_cannot_do(client: FlaskClient, sid: str, body: Any) -> None:
    response = client.post(f"{API}/{sid}/clock", json=body)
    assert response.status_code == 400 and response.json["error"]


SELF_CARE = ("open hip helper", "my outer hip hurts when I lie on it", "no", "no", "yes")


@pytest.mark.parametrize(("consent", "status", "count"), [("accept", "ACCEPTED", 1),
                                                          ("deny", "DENIED", 0)])
def test_a_timer_asks_permission_then_shows_what_was_scheduled(
    client: FlaskClient, consent: str, status: str, count: int
) -> None:
    sid = client.post(API, json={"consent": consent}).json["session"]
    for text in SELF_CARE:
        post(client, sid, "say", {"text": text})
    result = post(client, sid, "say", {"text": "set an ice timer"})
    turn, state = result["turn"], result["state"]
    assert turn["before"]["speech"] and turn["before"]["directives"] == ["Connections.SendRequest"]
    assert turn["permission"].endswith(f": {status}")
    assert turn["request"]["request"]["type"] == "Connections.Response"
    assert len(turn["scheduled"]) == len(state["scheduled"]) == count
    assert state["settings"]["consent"] == consent


def test_the_page_offers_every_consent_the_simulator_knows(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    state = client.post(API, json={}).json
    assert state["consents"] == list(CONSENT)
    for consent in CONSENT:
        assert f'<option value="{consent}">' in html


def test_end_closes_the_conversation(client: FlaskClient, sid: str) -> None:
    post(client, sid, "launch")
    ended = post(client, sid, "end")
    assert ended["turn"]["end_session"] is True
    assert ended["turn"]["request"]["request"]["type"] == "SessionEndedRequest"
    assert ended["state"]["conversation_open"] is False
    assert post(client, sid, "end")["turn"] is None


def test_memory_persists_across_sessions_for_the_same_user(client: FlaskClient) -> None:
    def first_words(user: str, *texts: str) -> dict[str, Any]:
        sid = client.post(API, json={"user": user}).json["session"]
        turns = [post(client, sid, "say", {"text": text})["turn"] for text in texts]
        return dict(turns[0])

    first_words("dan", "open hip helper", "my outer hip hurts when I lie on it", "stop")
    again = first_words("dan", "open hip helper")
    stranger = first_words("eve", "open hip helper")
    assert "gtps" in json.dumps(again["session_attributes"])  # remembered from last time
    assert "gtps" not in json.dumps(stranger["session_attributes"])
    assert again["speech"] != stranger["speech"]


def test_state_and_delete(client: FlaskClient, sid: str) -> None:
    assert client.get(f"{API}/{sid}").json["session"] == sid
    assert client.delete(f"{API}/{sid}").status_code == 204
    assert client.get(f"{API}/{sid}").status_code == 404


@pytest.mark.parametrize("action", ["say", "launch", "end", "settings", "clock"])
def test_unknown_session_is_a_json_404(client: FlaskClient, action: str) -> None:
    response = client.post(f"{API}/no-such-session/{action}", json={"text": "hi"})
    assert response.status_code == 404 and response.is_json
    assert response.json["code"] == "unknown_session"


def test_oversized_text_is_refused(client: FlaskClient, sid: str) -> None:
    response = client.post(f"{API}/{sid}/say", json={"text": "hip " * 126})
    assert response.status_code == 413 and "500 characters" in response.json["error"]
    assert post(client, sid, "say", {"text": "x" * 500})["turn"]["said"] == "x" * 500


def test_oversized_body_is_refused(client: FlaskClient, sid: str) -> None:
    response = client.post(f"{API}/{sid}/say", json={"text": "hi", "pad": "x" * 5000})
    assert response.status_code == 413 and response.is_json


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [("{not json", "application/json", 400), ("[1, 2]", "application/json", 400),
     ('{"text": 5}', "application/json", 400), ('{"text": "  "}', "application/json", 400),
     ("text=hi", "application/x-www-form-urlencoded", 415)],
)
def test_bad_bodies_get_a_clear_json_4xx(
    client: FlaskClient, sid: str, data: str, content_type: str, status: int
) -> None:
    response = client.post(f"{API}/{sid}/say", data=data, content_type=content_type)
    assert response.status_code == status and response.is_json and response.json["error"]


@pytest.mark.parametrize(
    "body", [{"locale": "fr-FR"}, {"device": "watch"}, {"user": "x" * 65}, {"locale": 7},
             {"consent": "maybe"}]
)
def test_bad_settings_are_refused(client: FlaskClient, sid: str, body: Any) -> None:
    response = client.post(f"{API}/{sid}/settings", json=body)
    assert response.status_code == 400 and response.json["error"]
    assert client.post(API, json=body).status_code == 400


def test_sessions_are_bounded_and_the_oldest_is_evicted(tmp_path: Path) -> None:
    client = create_app(config(tmp_path, SIMULATOR_MAX_SESSIONS=3)).test_client()
    ids = [client.post(API, json={}).json["session"] for _ in range(3)]
    assert client.get(f"{API}/{ids[0]}").status_code == 200  # now the most recently used
    client.post(API, json={})
    assert client.get(f"{API}/{ids[1]}").status_code == 404
    assert client.get(f"{API}/{ids[0]}").status_code == 200
    assert client.get(f"{API}/{ids[2]}").status_code == 200


def test_idle_sessions_expire(app: Flask) -> None:
    store: SessionStore = app.extensions[EXTENSION]
    now = [1000.0]
    store._clock = lambda: now[0]
    first = store.create(Options())
    now[0] += store.idle - 1
    assert store.get(first.id) is first
    now[0] += store.idle + 1
    assert store.get(first.id) is None and len(store) == 0


def test_the_simulator_never_goes_through_alexa_endpoint(client: FlaskClient, sid: str) -> None:
    post(client, sid, "launch")
    refused = client.post("/alexa", json={"version": "1.0"})
    assert refused.status_code == 400  # still verified: no signature, no answer


def test_production_has_no_simulator(tmp_path: Path) -> None:
    client = create_app(config(tmp_path, env="production", application_ids=["x"])).test_client()
    assert client.get("/").status_code == 404
    assert client.post(API, json={}).status_code == 404
    with client.get("/simulator/static/simulator.js") as response:
        assert response.status_code == 404


def test_production_with_simulator_switched_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILL_SIMULATOR", "on")
    values = config(tmp_path, env="production", application_ids=["x"])
    del values["simulator"]
    client = create_app(values).test_client()
    assert client.get("/").status_code == 200
    assert client.post(API, json={}).status_code == 201


def test_an_absurd_clock_offset_is_a_400_not_a_crash(client: FlaskClient) -> None:
    sid = client.post("/simulator/api/sessions", json={}).get_json()["session"]
    answer = client.post(f"/simulator/api/sessions/{sid}/clock",
                         json={"advance": "+99999999999999999999d"})
    assert answer.status_code == 400
    assert "too large" in answer.get_json()["error"]
