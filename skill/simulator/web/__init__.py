"""The web simulator: a page at / and a JSON API to talk to the skill in a browser, offline.

The page calls the skill in-process through `Simulator`, never through `POST /alexa`, so it
cannot weaken that endpoint's verification. Mount it only where `settings.simulator_enabled`.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, jsonify, render_template, request

from skill.config import Settings
from skill.simulator.web.api import MAX_TEXT_CHARS, register_api
from skill.simulator.web.guard import refusal
from skill.simulator.web.listen import register_listen
from skill.simulator.web.sessions import SessionStore, locales

EXTENSION = "hip_helper_simulator"
# Everything from this server, nothing inline: a page that cannot load from anywhere else.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def blueprint(settings: Settings) -> Blueprint:
    """The page, its assets and its API, with a session store sized from the settings."""
    store = SessionStore(
        settings,
        limit=int(settings.extra.get("SIMULATOR_MAX_SESSIONS", 200)),
        idle=float(settings.extra.get("SIMULATOR_IDLE_SECONDS", 3600)),
        active=float(settings.extra.get("SIMULATOR_ACTIVE_SECONDS", 600)),
    )
    bp = Blueprint(
        "simulator", __name__, template_folder="templates", static_folder="static",
        static_url_path="/simulator/static",
    )
    bp.record_once(lambda state: state.app.extensions.setdefault(EXTENSION, store))
    bp.before_request(_guard(settings.simulator_hosts))
    bp.add_url_rule("/", "page", _page)
    bp.after_request(_secure)
    register_api(bp, store)
    register_listen(bp, locales(), store)
    return bp


def _page() -> str:
    return render_template("websim/index.html", max_chars=MAX_TEXT_CHARS)


def _guard(allowed: tuple[str, ...]) -> Callable[[], tuple[Response, int] | None]:
    """Refuse, before any route runs, a Host or Origin the simulator is not meant for."""

    def check() -> tuple[Response, int] | None:
        reason = refusal(request, allowed)
        if reason is None:
            return None
        return jsonify(error=reason, code="forbidden"), 403

    return check


def _secure(response: Response) -> Response:
    """Security headers on every simulator response, page, assets and API alike."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


__all__ = ["EXTENSION", "blueprint"]
