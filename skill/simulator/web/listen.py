"""The page records, this server recognises: speech to words without the browser maker's service.

`GET /simulator/api/recognise` says whether the local recogniser is here; `POST` with a 16-bit
wav body (and `?locale=`) answers `{"words": ...}`, which the page then says like typed text.
With `?session=<id>` it listens as the voice loop does: with the model of answers when that
session's skill waits on a yes-or-no question, and with the voice loop's checks (a misheard
ending, a misheard "can walk"): `{"words", "say", "ask"}`, where the page sends `say` to the
skill, or speaks `ask` (the check) and records the answer (docs/web-simulator.md).
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Blueprint, Response, jsonify, request

from skill.simulator.web.sessions import SessionStore, WebSession

MAX_AUDIO_BYTES = 1_000_000  # about thirty seconds at 16 kHz
PATH = "/simulator/api/recognise"

_recognizers: dict[str, Any] = {}
_lock = threading.Lock()  # one decoder, one utterance at a time


def register_listen(bp: Blueprint, locales: list[str], store: SessionStore) -> None:
    """Add the recognise routes for the locales the simulator offers and its sessions."""
    bp.add_url_rule(PATH, "recogniser", _available, methods=["GET"])
    bp.add_url_rule(PATH, "recognise", lambda: _recognise(locales, store), methods=["POST"])


def available() -> bool:
    """Whether pocketsphinx and the generated language models are installed."""
    try:
        from skill.simulator.voice.languagemodel import lm_path
    except ImportError:
        return False
    return lm_path("en-US").exists()


def _available() -> Response:
    return jsonify(available=available())


def _recognise(locales: list[str], store: SessionStore) -> tuple[Response, int]:
    """Words in the posted recording, or a 4xx that says what is wrong with it."""
    locale = request.args.get("locale", "en-US")
    sid = request.args.get("session")
    session = store.get(sid) if sid else None
    if sid and session is None:
        return _error(404, "unknown session: it expired or the server restarted",
                      "unknown_session")
    if locale not in locales:
        return _error(400, f"locale must be one of {', '.join(locales)}", "bad_locale")
    if (request.content_length or 0) > MAX_AUDIO_BYTES:
        return _error(413, f"recording is larger than {MAX_AUDIO_BYTES} bytes", "too_large")
    if request.mimetype not in ("audio/wav", "audio/x-wav", "audio/wave"):
        return _error(415, "send a 16-bit wav recording with Content-Type: audio/wav", "not_wav")
    if not available():
        return _error(503, "the local recogniser is not installed (make voice)", "no_recogniser")
    from skill.simulator.voice.audio import AudioError, from_wav_bytes

    try:
        audio = from_wav_bytes(request.get_data(cache=False), "the recording")
    except AudioError as error:
        return _error(400, str(error), "bad_audio")
    if session is None:
        return jsonify(words=_transcribe(locale, "", audio)), 200
    with session.lock:
        return jsonify(_heard(session, audio)), 200


def _heard(session: WebSession, audio: Any) -> dict[str, str]:
    """A session's recording heard as the voice loop hears it: the model the question calls
    for, then the checks; `say` goes to the skill, or `ask` is the check to say first."""
    session.tick()
    sim, checks = session.sim, session.checks
    pending = sim.session_attributes.get("pending")
    words = _transcribe(sim.locale, checks.expecting(pending), audio)
    if not words:
        return {"words": "", "say": "", "ask": ""}
    heard = checks.hear_on(sim, words, pending)
    return {"words": words, "say": heard.send, "ask": heard.ask}


def _transcribe(locale: str, kind: str, audio: Any) -> str:
    """One decoder at a time, told first which language model to listen with."""
    with _lock:
        recognizer = _recognizer(locale)
        recognizer.expect(kind)
        return str(recognizer.transcribe(audio))


def _recognizer(locale: str) -> Any:
    """One decoder per locale, built on first use (loading takes a moment)."""
    if locale not in _recognizers:
        from skill.simulator.voice.recognizer import Recognizer

        _recognizers[locale] = Recognizer(locale)
    return _recognizers[locale]


def _error(status: int, message: str, code: str) -> tuple[Response, int]:
    return jsonify(error=message, code=code), status
