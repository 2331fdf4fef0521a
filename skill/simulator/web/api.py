"""The web simulator's JSON API: every answer JSON, every mistake a 4xx with a clear message."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from flask import Blueprint, Response, jsonify, request

from skill.simulator.steps import parse_offset
from skill.simulator.web.guard import MAX_BODY_BYTES, read_capped
from skill.simulator.web.present import state_json, turn_json
from skill.simulator.web.sessions import Options, SessionStore, StoreFull, WebSession

PREFIX = "/simulator/api"
MAX_TEXT_CHARS = 500
UNKNOWN_SESSION = "unknown_session"

Reply = Response | tuple[Response, int]


class ApiError(Exception):
    """A request the API refuses: HTTP status, a message for people, a code for the page."""

    def __init__(self, status: int, message: str, code: str = "bad_request") -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def register_api(bp: Blueprint, store: SessionStore) -> None:
    """Add the API routes to the blueprint, all backed by one session store."""
    bp.register_error_handler(ApiError, _error)
    bp.add_url_rule(f"{PREFIX}/sessions", "start", lambda: _start(store), methods=["POST"])
    routes: dict[str, tuple[str, Callable[[WebSession, dict[str, Any]], dict[str, Any]]]] = {
        "launch": ("POST", _launch), "say": ("POST", _say), "end": ("POST", _end),
        "settings": ("POST", _settings), "clock": ("POST", _clock), "state": ("GET", _state),
    }
    for name, (method, action) in routes.items():
        path = f"{PREFIX}/sessions/<sid>" + ("" if name == "state" else f"/{name}")
        bp.add_url_rule(path, name, _route(store, action), methods=[method])
    bp.add_url_rule(f"{PREFIX}/sessions/<sid>", "drop", lambda sid: _drop(store, sid),
                    methods=["DELETE"])


def _route(
    store: SessionStore, action: Callable[[WebSession, dict[str, Any]], dict[str, Any]]
) -> Callable[[str], Reply]:
    """A view: find the session, read the body, run the action under the session's lock."""

    def view(sid: str) -> Reply:
        body = _body() if request.method == "POST" else {}
        session = store.get(sid)
        if session is None:
            raise ApiError(404, "unknown session: it expired or the server restarted",
                           UNKNOWN_SESSION)
        with session.lock:
            session.tick()
            try:
                return jsonify(action(session, body))
            except ValueError as exc:
                raise ApiError(400, str(exc)) from None

    return view


def _body() -> dict[str, Any]:
    """The request's JSON object, or the 4xx that says what is wrong with it."""
    data = read_capped(request)
    if data is None:  # Content-Length or not: a chunked body is held to the same cap
        raise ApiError(413, f"request body is larger than {MAX_BODY_BYTES} bytes", "too_large")
    if not request.is_json:
        raise ApiError(415, "send JSON with Content-Type: application/json", "not_json")
    try:
        body = json.loads(data)
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise ApiError(400, "request body must be a JSON object", "bad_json")
    return body


def _error(exc: ApiError) -> tuple[Response, int]:
    return jsonify(error=exc.message, code=exc.code), exc.status


def _start(store: SessionStore) -> tuple[Response, int]:
    try:
        session = store.create(_options(Options(), _body()))
    except StoreFull as exc:
        raise ApiError(503, str(exc), "busy") from None
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    return jsonify(state_json(session)), 201


def _drop(store: SessionStore, sid: str) -> tuple[str, int]:
    if not store.drop(sid):
        raise ApiError(404, "unknown session", UNKNOWN_SESSION)
    return "", 204


def _options(current: Options, body: dict[str, Any]) -> Options:
    """Options with whatever the body changes; every value must be a string."""
    values = asdict(current)
    for key in values:
        if key in body:
            if not isinstance(body[key], str):
                raise ValueError(f"{key} must be a string")
            values[key] = body[key]
    return Options(**values).checked()


def _state(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    return state_json(session)


def _launch(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    session.checks.reset()
    return {"turn": turn_json(session.sim.launch(), None), "state": state_json(session)}


def _say(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "say something: 'text' must be a non-empty string", "no_text")
    if len(text) > MAX_TEXT_CHARS:
        raise ApiError(413, f"text is longer than {MAX_TEXT_CHARS} characters", "too_long")
    said = " ".join(text.split())
    session.checks.reset()  # typed, or sent after the local recogniser's checks (listen.py)
    return {"turn": turn_json(session.sim.say(said), said), "state": state_json(session)}


def _end(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    """SessionEndedRequest, as when the person walks away; nothing to end if nothing is open."""
    session.checks.reset()
    turn = turn_json(session.sim.end(), None) if session.sim.session_open else None
    return {"turn": turn, "state": state_json(session)}


def _settings(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    session.reconfigure(_options(session.options, body))
    return {"state": state_json(session)}


def _clock(session: WebSession, body: dict[str, Any]) -> dict[str, Any]:
    """{"advance": "+1h"} or {"advance": "+1d"} moves the clock on; {"reset": true} undoes it."""
    if body.get("reset") is True:
        session.reset_clock()
    elif isinstance(body.get("advance"), str):
        session.advance(parse_offset(body["advance"]))
    else:
        raise ValueError('send {"advance": "+1h"} (or +1d, +90m) or {"reset": true}')
    return {"state": state_json(session)}
