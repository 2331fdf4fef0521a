"""Flask app factory: the skill as a self-hosted web service, verified exactly as Amazon asks."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from skill import __version__
from skill.alexa import assembly as skill_build
from skill.config import Settings, load_settings
from skill.web.replay import seen_requests
from skill.web.startup import check_service
from skill.web.verify import RequestVerifier, VerificationError, parse_envelope

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
# The smallest valid response: silence and a closed session, used only if even the apology fails.
_SILENT_END = {"version": "1.0", "response": {"shouldEndSession": True}}


@dataclass(frozen=True)
class SkillService:
    """What one app holds for its lifetime: settings, the skill object and the verifier."""

    settings: Settings
    skill: CustomSkill
    verifier: RequestVerifier | None

    def envelope_of(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        """Verify (or, in local development, only parse) a request; raise VerificationError."""
        if self.verifier is None:
            return parse_envelope(body)
        return self.verifier.verify(headers, body)

    def answer(self, envelope: Mapping[str, Any], body: bytes) -> str:
        """Run the skill on a checked request and return its JSON; a fault becomes an apology."""
        try:
            request_envelope = self.skill.serializer.deserialize(
                payload=body.decode("utf-8"), obj_type=RequestEnvelope
            )
        except Exception:
            raise VerificationError("not an Alexa request envelope") from None
        request_type = envelope["request"]["type"]
        try:
            response = self.skill.invoke(request_envelope=request_envelope, context=None)
            return json.dumps(self.skill.serializer.serialize(response))
        except Exception as exc:
            logger.error("skill fault answering %r", request_type, exc_info=exc)
            return apology(envelope["request"].get("locale") or self.settings.default_locale)


def apology(locale: str) -> str:
    """The content's spoken apology as JSON; silence if even that fails, so Alexa gets JSON."""
    try:
        return json.dumps(skill_build.apology_response(str(locale)))
    except Exception as exc:
        logger.error("apology_response failed", exc_info=exc)
        return json.dumps(_SILENT_END)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then SKILL_* variables, then config; verification on by default."""
    settings = load_settings(config)
    check_service(settings)  # one line naming the setting, before anything is built
    service = SkillService(
        settings=settings,
        skill=skill_build.build_skill(settings),
        verifier=_make_verifier(settings),
    )
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions["hip_helper"] = service
    _register_errors(app)
    _register_routes(app, service)
    if settings.simulator_enabled:  # the page calls the skill in-process, never via /alexa
        from skill.simulator.web import blueprint as simulator_blueprint

        app.register_blueprint(simulator_blueprint(settings))
    return app


def _make_verifier(settings: Settings) -> RequestVerifier | None:
    """One verifier per app, so its certificate cache is shared by every request."""
    if not settings.verify_requests:
        logger.warning("request verification is OFF: local development only, never for an Echo")
        return None
    if not settings.application_ids:  # production refuses to start without (startup.py)
        logger.warning("SKILL_APPLICATION_IDS is not set: requests for any skill id are accepted")
    return RequestVerifier(
        trust_roots=settings.trust_roots or None,
        application_ids=settings.application_ids,
        fetcher=settings.extra.get("CERT_FETCHER"),
        seen=seen_requests(settings.replay_path),
    )


def _register_routes(app: Flask, service: SkillService) -> None:
    @app.post("/alexa")
    def alexa() -> Response | tuple[Response, int]:
        body = request.get_data(cache=False)
        try:
            envelope = service.envelope_of(dict(request.headers.items()), body)
            return Response(service.answer(envelope, body), mimetype="application/json")
        except VerificationError as exc:
            logger.warning("refused request: %s", exc.reason)
            return jsonify(error=exc.reason), 400

    @app.get("/health")
    def health() -> Response:
        return jsonify(status="ok", version=__version__)


def _register_errors(app: Flask) -> None:
    """JSON everywhere: no route ever answers with an HTML error page or a stack trace."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> BaseResponse:
        response = exc.get_response()
        response.set_data(jsonify(error=(exc.name or "error").lower()).get_data())
        response.content_type = "application/json"
        return response

    @app.errorhandler(Exception)
    def internal_error(exc: Exception) -> tuple[Response, int]:
        logger.error("unhandled %s", type(exc).__name__, exc_info=exc)
        return jsonify(error="internal error"), 500
