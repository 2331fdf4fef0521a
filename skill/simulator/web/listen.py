"""The page records, this server recognises: speech to words without the browser maker's service.

`GET /simulator/api/recognise` says whether the local recogniser is here; `POST` with a 16-bit
wav body (and `?locale=`) answers `{"words": ...}`, which the page then says like typed text.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Blueprint, Response, jsonify, request

MAX_AUDIO_BYTES = 1_000_000  # about thirty seconds at 16 kHz
PATH = "/simulator/api/recognise"

_recognizers: dict[str, Any] = {}
_lock = threading.Lock()  # one decoder, one utterance at a time


def register_listen(bp: Blueprint, locales: list[str]) -> None:
    """Add the recognise routes for the locales the simulator offers."""
    bp.add_url_rule(PATH, "recogniser", _available, methods=["GET"])
    bp.add_url_rule(PATH, "recognise", lambda: _recognise(locales), methods=["POST"])


def available() -> bool:
    """Whether pocketsphinx and the generated language models are installed."""
    try:
        from skill.simulator.voice.languagemodel import lm_path
    except ImportError:
        return False
    return lm_path("en-US").exists()


def _available() -> Response:
    return jsonify(available=available())


def _recognise(locales: list[str]) -> tuple[Response, int]:
    """Words in the posted recording, or a 4xx that says what is wrong with it."""
    locale = request.args.get("locale", "en-US")
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
    with _lock:
        words = _recognizer(locale).transcribe(audio)
    return jsonify(words=words), 200


def _recognizer(locale: str) -> Any:
    """One decoder per locale, built on first use (loading takes a moment)."""
    if locale not in _recognizers:
        from skill.simulator.voice.recognizer import Recognizer

        _recognizers[locale] = Recognizer(locale)
    return _recognizers[locale]


def _error(status: int, message: str, code: str) -> tuple[Response, int]:
    return jsonify(error=message, code=code), status
