"""Local stand-ins for Alexa's Timers and Reminders APIs: the simulator shows what was set."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ask_sdk_model.services import ApiClient, ApiClientResponse

TIMERS_PATH = "/v1/alerts/timers"
REMINDERS_PATH = "/v1/alerts/reminders"


@dataclass
class Scheduled:
    """One timer or reminder the skill asked Alexa for."""

    kind: str
    seconds: int
    text: str
    request: dict[str, Any] = field(repr=False)

    def describe(self) -> str:
        """'Timer set: 15 minutes' or 'Reminder set: in 2 hours', for the chat and the web page."""
        minutes = round(self.seconds / 60)
        span = f"{minutes} minutes" if minutes < 120 else f"{minutes / 60:g} hours"
        if self.kind == "timer":
            return f"Timer set: {span} ({self.text})"
        return f"Reminder set: in {span} ({self.text})"


class LocalAlexaApi(ApiClient):  # type: ignore[misc]
    """Answers the skill's API calls in-process and records what it scheduled."""

    def __init__(self) -> None:
        self.scheduled: list[Scheduled] = []
        self.fail_with: int | None = None  # set to e.g. 403 or 500 to try the skill's fallbacks

    def invoke(self, request: Any) -> ApiClientResponse:
        """Record a POST to the timers or reminders API and answer as Alexa would."""
        path = str(request.url).split("?")[0]
        raw = request.body or {}
        body = json.loads(raw) if isinstance(raw, (str, bytes)) else raw  # the SDK passes a dict
        if self.fail_with is not None:
            return _response(self.fail_with, {"code": "SIMULATED", "message": "simulated failure"})
        if request.method == "POST" and path.endswith(TIMERS_PATH):
            return self._timer(body)
        if request.method == "POST" and path.endswith(REMINDERS_PATH):
            return self._reminder(body)
        return _response(404, {"code": "NOT_FOUND", "message": f"no stand-in for {path}"})

    def _timer(self, body: dict[str, Any]) -> ApiClientResponse:
        seconds = _iso_seconds(body.get("duration", ""))
        operation = body.get("triggeringBehavior", {}).get("operation", {})
        texts = operation.get("textToAnnounce") or [{}]
        self.scheduled.append(Scheduled("timer", seconds, texts[0].get("text", ""), body))
        now = _now()
        return _response(200, {
            "id": str(uuid.uuid4()), "status": "ON", "duration": body.get("duration"),
            "timerLabel": body.get("timerLabel"), "createdTime": now, "updatedTime": now,
        })

    def _reminder(self, body: dict[str, Any]) -> ApiClientResponse:
        seconds = int(body.get("trigger", {}).get("offsetInSeconds") or 0)
        content = body.get("alertInfo", {}).get("spokenInfo", {}).get("content") or [{}]
        self.scheduled.append(Scheduled("reminder", seconds, content[0].get("text", ""), body))
        now = _now()
        return _response(200, {
            "alertToken": str(uuid.uuid4()), "createdTime": now, "updatedTime": now,
            "status": "ON", "version": "1",
        })


def _response(status: int, body: dict[str, Any]) -> ApiClientResponse:
    return ApiClientResponse(
        headers=[("Content-Type", "application/json")], status_code=status, body=json.dumps(body)
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _iso_seconds(duration: str) -> int:
    from skill.core.timeline import duration_seconds

    return duration_seconds(duration) or 0
