"""The web service: verified requests reach the skill, nothing else does, and nothing is a 5xx."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill import __version__
from skill.config import ConfigError
from skill.web.app import MAX_BODY_BYTES, SkillService, create_app
from tests.support.certs import APP_ID, CERT_URL, body_of, envelope, make_pki, signed_headers


def app_config(tmp: Path, **overrides: Any) -> dict[str, Any]:
    """Explicit settings so a developer's SKILL_* variables cannot change what is tested."""
    pki = make_pki()
    chain = pki.chain()
    config: dict[str, Any] = {
        "env": "production",
        "verify_requests": True,
        "trust_roots": pki.write_roots(tmp),
        "application_ids": [APP_ID],
        "db_path": str(tmp / "skill.db"),
        "CERT_FETCHER": lambda url: chain,
    }
    config.update(overrides)
    return config


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_app(app_config(tmp_path))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class SkillSpy:
    """Stands in for skill.invoke to prove whether a request reached the skill."""

    def __init__(self, real: Any, fail: bool = False) -> None:
        self.real, self.fail, self.calls = real, fail, 0

    def __call__(self, **kwargs: Any) -> Any:
        self.calls += 1
        if self.fail:
            raise RuntimeError("boom")
        return self.real(**kwargs)


@pytest.fixture
def spy(app: Flask, monkeypatch: pytest.MonkeyPatch) -> SkillSpy:
    service: SkillService = app.extensions["hip_helper"]
    spy = SkillSpy(service.skill.invoke)
    monkeypatch.setattr(service.skill, "invoke", spy)
    return spy


def post(client: FlaskClient, body: bytes, headers: dict[str, str] | None = None) -> Any:
    return client.post("/alexa", data=body, headers=headers or {})


def test_health_answers_with_the_version(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["version"] == __version__


def test_a_signed_request_is_answered_by_the_skill(client: FlaskClient, spy: SkillSpy) -> None:
    body = body_of(envelope())
    response = post(client, body, signed_headers(body))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["version"] == "1.0"
    assert "response" in response.get_json()
    assert spy.calls == 1


def test_a_bad_signature_is_a_400_that_never_reaches_the_skill(
    client: FlaskClient, spy: SkillSpy
) -> None:
    body = body_of(envelope())
    headers = signed_headers(body)
    response = post(client, body.replace(b"Launch", b"Lunch"), headers)
    assert response.status_code == 400
    assert response.get_json() == {"error": "signature does not match"}
    assert spy.calls == 0


def test_an_unsigned_request_is_refused_by_default(tmp_path: Path) -> None:
    client = create_app({"db_path": str(tmp_path / "d.db"), "verify_requests": True}).test_client()
    assert post(client, body_of(envelope())).status_code == 400


def test_refusals_are_logged_without_the_body_or_ids(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    body = body_of(envelope(app_id="amzn1.ask.skill.stranger"))
    with caplog.at_level(logging.INFO):
        assert post(client, body, signed_headers(body)).status_code == 400
    assert "application id not accepted" in caplog.text
    assert "stranger" not in caplog.text and "amzn1" not in caplog.text


def test_a_body_over_256_kb_is_a_413(client: FlaskClient, spy: SkillSpy) -> None:
    response = post(client, b"{" + b" " * MAX_BODY_BYTES + b"}")
    assert response.status_code == 413
    assert response.is_json and spy.calls == 0


def test_get_on_the_endpoint_is_a_json_405(client: FlaskClient) -> None:
    response = client.get("/alexa")
    assert response.status_code == 405
    assert response.is_json and "POST" in response.headers["Allow"]


def test_an_unknown_route_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404 and response.is_json


@pytest.mark.parametrize("body", [b"hello", b"", b"[1, 2]", b'{"request": {}}', b"\xff\xfe"])
@pytest.mark.parametrize("verified", [True, False])
def test_non_json_and_non_envelopes_are_400s(tmp_path: Path, body: bytes, verified: bool) -> None:
    app = create_app(app_config(tmp_path, verify_requests=verified))
    response = post(app.test_client(), body, signed_headers(body))
    assert response.status_code == 400 and response.is_json


def test_a_fault_in_the_skill_is_a_spoken_apology(
    client: FlaskClient, spy: SkillSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy.fail = True
    apology = {"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak/>"}}}
    monkeypatch.setattr("skill.alexa.assembly.apology_response", lambda locale: apology)
    body = body_of(envelope())
    response = post(client, body, signed_headers(body))
    assert response.status_code == 200
    assert response.get_json() == apology


def test_the_apology_comes_from_content(client: FlaskClient, spy: SkillSpy) -> None:
    spy.fail = True
    body = body_of(envelope(locale="en-GB"))
    answer = post(client, body, signed_headers(body)).get_json()
    assert answer["version"] == "1.0" and "response" in answer


def test_even_a_failing_apology_is_a_valid_alexa_response(
    client: FlaskClient, spy: SkillSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy.fail = True

    def broken(locale: str) -> dict[str, Any]:
        raise KeyError(locale)

    monkeypatch.setattr("skill.alexa.assembly.apology_response", broken)
    body = body_of(envelope())
    response = post(client, body, signed_headers(body))
    assert response.status_code == 200
    assert response.get_json()["response"]["shouldEndSession"] is True


def test_without_verification_an_unsigned_envelope_is_answered(tmp_path: Path) -> None:
    app = create_app(app_config(tmp_path, env="development", verify_requests=False, application_ids=[]))
    response = post(app.test_client(), body_of(envelope(app_id="anything")))
    assert response.status_code == 200 and "response" in response.get_json()


def test_production_refuses_to_start_without_application_ids(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        create_app(app_config(tmp_path, application_ids=""))
    assert "SKILL_APPLICATION_IDS" in str(caught.value) and "\n" not in str(caught.value)


def test_a_missing_application_id_setting_warns_once_in_development(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="skill.web.app"):
        app = create_app(app_config(tmp_path, env="development", application_ids=""))
        body = body_of(envelope())
        for _ in range(3):
            post(app.test_client(), body, signed_headers(body))
    assert sum("SKILL_APPLICATION_IDS" in r.getMessage() for r in caplog.records) == 1


def test_the_skill_is_built_once_per_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import skill.alexa.assembly

    builds: list[object] = []
    real = skill.alexa.assembly.build_skill
    monkeypatch.setattr(skill.alexa.assembly, "build_skill", lambda s: builds.append(s) or real(s))
    client = create_app(app_config(tmp_path)).test_client()
    for _ in range(3):
        body = body_of(envelope())
        post(client, body, signed_headers(body))
    assert len(builds) == 1


# Property: whatever arrives, the answer is never a 5xx.


@pytest.fixture(scope="module")
def shared_apps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Flask, Flask]:
    """Built once per module: hypothesis runs many examples against the same two apps."""
    tmp = tmp_path_factory.mktemp("apps")
    return (
        create_app(app_config(tmp)),
        create_app(app_config(tmp, env="development", verify_requests=False, application_ids=[])),
    )


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
_request = st.fixed_dictionaries(
    {"type": st.sampled_from(["LaunchRequest", "IntentRequest", "Nope"]) | st.text()},
    optional={"timestamp": st.text(), "locale": st.text() | st.integers(), "intent": _json},
)
_envelopes = st.fixed_dictionaries(
    {"version": st.text(max_size=4), "request": _request},
    optional={"session": _json, "context": _json},
)
_bodies = st.binary(max_size=512) | _envelopes.map(body_of) | _json.map(body_of)
_header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)
_headers = st.fixed_dictionaries(
    {},
    optional={
        "SignatureCertChainUrl": st.sampled_from([CERT_URL, "http://x/echo.api/"]) | _header_text,
        "Signature-256": _header_text,
        "Content-Type": st.sampled_from(["application/json", "text/plain"]),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_bodies, headers=_headers, verified=st.booleans(), sign_it=st.booleans())
def test_no_request_is_ever_answered_with_a_5xx(
    shared_apps: tuple[Flask, Flask],
    body: bytes,
    headers: dict[str, str],
    verified: bool,
    sign_it: bool,
) -> None:
    verified_app, open_app = shared_apps
    if sign_it:
        headers = {**headers, **signed_headers(body)}
    response = post((verified_app if verified else open_app).test_client(), body, headers)
    assert response.status_code < 500, response.get_data()
    assert response.is_json
