"""The web simulator keeps to itself: its own host names and origin, small bodies, its own people."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.config import load_settings
from skill.simulator.web.sessions import Options, SessionStore, StoreFull, web_user_id
from skill.store.user_keys import UserKeys
from skill.web.app import create_app

API = "/simulator/api/sessions"


def make_client(tmp: Path, **overrides: Any) -> FlaskClient:
    values: dict[str, Any] = {"env": "development", "verify_requests": False, "simulator": "",
                              "db_path": str(tmp / "memory.db"), "user_key_secret": "s" * 32}
    values.update(overrides)
    return create_app(values).test_client()


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    return make_client(tmp_path)


@pytest.mark.parametrize("host", ["localhost:5000", "127.0.0.1:5000", "[::1]:5000", "LOCALHOST"])
def test_loopback_host_names_are_served(client: FlaskClient, host: str) -> None:
    assert client.get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:5000", "127.0.0.1.nip.io"])
def test_a_rebound_host_name_is_refused(client: FlaskClient, host: str) -> None:
    for response in (client.get("/", headers={"Host": host}),
                     client.post(API, json={}, headers={"Host": host})):
        assert response.status_code == 403 and "SKILL_SIMULATOR_HOSTS" in response.json["error"]


def test_a_request_from_another_origin_is_refused(client: FlaskClient) -> None:
    answer = client.post(API, json={}, headers={"Origin": "http://attacker.example"})
    assert answer.status_code == 403 and answer.json["code"] == "forbidden"
    assert client.post(API, json={}, headers={"Origin": "null"}).status_code == 403


def test_the_pages_own_origin_is_accepted(client: FlaskClient) -> None:
    answer = client.post(API, json={}, headers={"Origin": "http://localhost:5000"})
    assert answer.status_code == 201


def test_more_host_names_can_be_allowed(tmp_path: Path) -> None:
    client = make_client(tmp_path, simulator_hosts="sim.lan, localhost")
    assert client.get("/", headers={"Host": "sim.lan:8080"}).status_code == 200
    assert load_settings(environ={"SKILL_SIMULATOR_HOSTS": "a,b"}).simulator_hosts == ("a", "b")


def test_the_alexa_endpoint_is_not_the_simulators_to_guard(client: FlaskClient) -> None:
    assert client.get("/health", headers={"Host": "service.example"}).status_code == 200


def test_a_chunked_body_over_the_cap_is_a_413(client: FlaskClient) -> None:
    big = json.dumps({"user": "x" * 10_000}).encode()
    answer = client.post(
        API, input_stream=io.BytesIO(big),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert answer.status_code == 413 and answer.json["code"] == "too_large"


def test_a_small_chunked_body_is_read(client: FlaskClient) -> None:
    answer = client.post(
        API, input_stream=io.BytesIO(b'{"user": "ann"}'),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert answer.status_code == 201 and answer.json["settings"]["user"] == "ann"


def test_quick_creations_never_evict_an_active_conversation(tmp_path: Path) -> None:
    settings = load_settings({"db_path": ""}, environ={})
    store = SessionStore(settings, limit=200)
    talking = store.create(Options())
    assert store.get(talking.id) is talking  # in use
    for _ in range(200):
        store.create(Options())
    assert store.get(talking.id) is talking
    assert len(store) == 200


def test_when_every_place_is_in_use_creation_is_refused_not_evicting(tmp_path: Path) -> None:
    now = [0.0]
    store = SessionStore(load_settings({"db_path": ""}, environ={}), limit=3,
                         clock=lambda: now[0], active=600)
    sessions = [store.create(Options()) for _ in range(3)]
    for session in sessions:
        store.get(session.id)
    with pytest.raises(StoreFull, match="in use"):
        store.create(Options())
    now[0] = 601.0  # all quiet now: the least recently used makes room
    store.create(Options())
    assert store.get(sessions[0].id) is None and store.get(sessions[2].id) is not None


def test_a_full_simulator_answers_503_with_a_reason(tmp_path: Path) -> None:
    client = make_client(tmp_path, SIMULATOR_MAX_SESSIONS=1)
    sid = client.post(API, json={}).json["session"]
    client.get(f"{API}/{sid}")
    answer = client.post(API, json={})
    assert answer.status_code == 503 and answer.json["code"] == "busy"


def test_a_real_account_id_as_user_name_cannot_reach_that_accounts_memory(
    tmp_path: Path,
) -> None:
    real = "amzn1.ask.account.REALPERSON"
    db = tmp_path / "memory.db"
    client = make_client(tmp_path)
    sid = client.post(API, json={"user": real}).json["session"]
    turn = client.post(f"{API}/{sid}/say", json={"text": "open hip helper"}).json["turn"]
    assert turn["request"]["session"]["user"]["userId"] != real
    assert turn["request"]["session"]["user"]["userId"] == web_user_id("name:" + real)
    client.post(f"{API}/{sid}/say", json={"text": "stop"})
    keys = UserKeys("s" * 32)
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT user_key FROM memory")}
    assert keys.key_for(real) not in stored


def _first_words(client: FlaskClient, **options: str) -> str:
    sid = client.post(API, json=options).json["session"]
    speech = client.post(f"{API}/{sid}/say", json={"text": "open hip helper"}).json["turn"]
    for text in ("my outer hip hurts when I lie on it", "stop"):
        client.post(f"{API}/{sid}/say", json={"text": text})
    return str(speech["speech"])


def test_each_browser_without_a_name_is_a_new_person(client: FlaskClient) -> None:
    first = _first_words(client, visitor="browser-one")
    second = _first_words(client, visitor="browser-two")
    assert "In an emergency" in first and "In an emergency" in second
    assert "Welcome back" not in second


def test_the_same_browser_comes_back_as_itself(client: FlaskClient) -> None:
    assert "In an emergency" in _first_words(client, visitor="browser-one")
    assert "In an emergency" not in _first_words(client, visitor="browser-one")


def test_without_a_name_or_a_browser_token_each_session_is_a_new_person(
    client: FlaskClient,
) -> None:
    assert "In an emergency" in _first_words(client)
    assert "In an emergency" in _first_words(client)


@pytest.mark.parametrize("visitor", ["x" * 65, "no spaces", "../../etc"])
def test_a_malformed_browser_token_is_a_400(client: FlaskClient, visitor: str) -> None:
    answer = client.post(API, json={"visitor": visitor})
    assert answer.status_code == 400 and "visitor" in answer.json["error"]


def test_a_name_brings_the_same_person_back(client: FlaskClient) -> None:
    assert "In an emergency" in _first_words(client, user="dan")
    assert "In an emergency" not in _first_words(client, user="dan")  # heard it last time
