"""Request envelopes shaped like Alexa's, so the skill cannot tell the simulator from a device."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FAKE_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
_NAMESPACE = uuid.UUID("6f1d5a52-6c1b-4a44-9d0e-7b0d1c9f3a10")
API_ENDPOINTS = {
    "en-GB": "https://api.eu.amazonalexa.com",
    "en-IN": "https://api.eu.amazonalexa.com",
    "en-AU": "https://api.fe.amazonalexa.com",
}
DEFAULT_API_ENDPOINT = "https://api.amazonalexa.com"
SCREEN_INTERFACES: dict[str, Any] = {
    "Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.3"}},
    "Display": {"templateVersion": "1.0", "markupVersion": "1.0"},
}
# An Echo Show 8-like hub: what Alexa reports in context.Viewport.
SCREEN_VIEWPORT: dict[str, Any] = {
    "experiences": [{"arcMinuteWidth": 246, "arcMinuteHeight": 144, "canRotate": False,
                     "canResize": False}],
    "mode": "HUB", "shape": "RECTANGLE", "pixelWidth": 1280, "pixelHeight": 800, "dpi": 160,
    "currentPixelWidth": 1280, "currentPixelHeight": 800, "touch": ["SINGLE"],
    "video": {"codecs": ["H_264_42", "H_264_41"]},
}


@dataclass(frozen=True)
class Device:
    """Who is asking and on what: the parts of the envelope that stay the same all session."""

    skill_id: str
    user_id: str
    locale: str = "en-US"
    screen: bool = True
    device_id: str = ""
    api_endpoint: str = ""
    api_access_token: str = "sim.api.token"
    permissions: dict[str, str] = field(default_factory=dict)  # scope -> GRANTED / DENIED
    person_id: str = ""  # a recognised speaker (context.System.person); "" for an unknown voice
    extra_context: dict[str, Any] = field(default_factory=dict)


def stable_id(prefix: str, *parts: object) -> str:
    """A deterministic Alexa-style id, so runs with the same clock give the same envelopes."""
    return prefix + str(uuid.uuid5(_NAMESPACE, "|".join(str(p) for p in parts)))


def person_id_for(user_id: str) -> str:
    """A stable fake `amzn1.ask.person.` id: the one person Alexa recognises on that account."""
    return stable_id("amzn1.ask.person.", "person", user_id)


def user_id_for(name: str) -> str:
    """A stable fake `amzn1.ask.account.` id for a simulated user name."""
    if name.startswith("amzn1.ask.account."):
        return name
    return "amzn1.ask.account." + uuid.uuid5(_NAMESPACE, "user|" + name).hex.upper()


def timestamp(now: datetime) -> str:
    """Alexa's timestamp format: UTC, seconds, a trailing Z."""
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def skill_id_from_manifest(path: Path) -> str | None:
    """The skill id recorded in interaction_model/skill.json, if there is one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for holder in (data, data.get("manifest", {}) if isinstance(data, dict) else {}):
        if isinstance(holder, dict) and isinstance(holder.get("skillId"), str):
            return str(holder["skillId"])
    return None


def build_envelope(
    device: Device, session_id: str, new: bool, attributes: dict[str, Any], request: dict[str, Any]
) -> dict[str, Any]:
    """The whole request envelope around one request."""
    application = {"applicationId": device.skill_id}
    user: dict[str, Any] = {"userId": device.user_id}
    if device.permissions:
        user["permissions"] = {
            "consentToken": device.api_access_token,
            "scopes": {scope: {"status": status} for scope, status in device.permissions.items()},
        }
    session: dict[str, Any] = {"new": new, "sessionId": session_id,
                               "application": dict(application), "user": copy.deepcopy(user)}
    if not new:
        session["attributes"] = copy.deepcopy(attributes)
    context: dict[str, Any] = {"System": _system(device, application, user)}
    if device.screen:
        context["Viewport"] = copy.deepcopy(SCREEN_VIEWPORT)
    context.update(copy.deepcopy(device.extra_context))
    return {"version": "1.0", "session": session, "context": context, "request": request}


def _system(device: Device, application: dict[str, str], user: dict[str, Any]) -> dict[str, Any]:
    """context.System: the device, its interfaces and where the Alexa APIs are."""
    interfaces = copy.deepcopy(SCREEN_INTERFACES) if device.screen else {}
    person = {"person": {"personId": device.person_id, "accessToken": "sim.person.token"}}
    return {
        "application": dict(application),
        "user": copy.deepcopy(user),
        **(person if device.person_id else {}),
        "device": {"deviceId": device.device_id or stable_id("amzn1.ask.device.", device.user_id),
                   "supportedInterfaces": interfaces},
        "apiEndpoint": device.api_endpoint
        or API_ENDPOINTS.get(device.locale, DEFAULT_API_ENDPOINT),
        "apiAccessToken": device.api_access_token,
    }


def launch_request(request_id: str, now: datetime, locale: str) -> dict[str, Any]:
    """What Alexa sends for "open hip helper"."""
    return {"type": "LaunchRequest", "requestId": request_id, "timestamp": timestamp(now),
            "locale": locale, "shouldLinkResultBeReturned": False}


def intent_request(
    request_id: str, now: datetime, locale: str, intent: dict[str, Any],
    dialog_state: str | None = None,
) -> dict[str, Any]:
    """What Alexa sends once it has understood an utterance."""
    request: dict[str, Any] = {"type": "IntentRequest", "requestId": request_id,
                               "timestamp": timestamp(now), "locale": locale, "intent": intent}
    if dialog_state:
        request["dialogState"] = dialog_state
    return request


def intent_json(
    name: str, slots: dict[str, dict[str, Any]], confirmation: str = "NONE"
) -> dict[str, Any]:
    """request.intent: name, confirmationStatus and slots (omitted when there are none)."""
    intent: dict[str, Any] = {"name": name, "confirmationStatus": confirmation}
    if slots:
        intent["slots"] = slots
    return intent


def session_ended_request(
    request_id: str, now: datetime, locale: str, reason: str = "USER_INITIATED"
) -> dict[str, Any]:
    """What Alexa sends when the user ends the session (or it times out)."""
    return {"type": "SessionEndedRequest", "requestId": request_id, "timestamp": timestamp(now),
            "locale": locale, "reason": reason}


def connections_response(
    request_id: str, now: datetime, locale: str, directive: dict[str, Any], status: str
) -> dict[str, Any]:
    """What Alexa sends back after asking the person for a permission (AskFor)."""
    payload = directive.get("payload") or {}
    return {
        "type": "Connections.Response", "requestId": request_id, "timestamp": timestamp(now),
        "locale": locale, "status": {"code": "200", "message": "OK"}, "name": "AskFor",
        "payload": {"permissionScope": payload.get("permissionScope"), "status": status},
        "token": directive.get("token", ""),
    }
