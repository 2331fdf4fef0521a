"""Alexa request envelopes for handler tests, written out as Alexa sends them."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from skill.lambda_function import lambda_handler

SKILL_ID = "amzn1.ask.skill.test"
USER = "amzn1.ask.account.TESTUSER"
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def envelope(request: dict[str, Any], attributes: dict[str, Any] | None = None,
             new: bool = False, locale: str = "en-US", *, day: str = "2026-11-27",
             scopes: dict[str, str] | None = None, person: str | None = None,
             session_id: str = "s") -> dict[str, Any]:
    """One request as Alexa sends it; `scopes` are granted or denied permissions, `person` a
    recognised speaker's personId."""
    request = {"requestId": "amzn1.echo-api.request.1", "timestamp": f"{day}T10:00:00Z",
               "locale": locale, **request}
    user: dict[str, Any] = {"userId": USER}
    if scopes:
        user["permissions"] = {"scopes": {k: {"status": v} for k, v in scopes.items()}}
    system = {"application": {"applicationId": SKILL_ID}, "user": user,
              "device": {"deviceId": "d", "supportedInterfaces": {}},
              "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "token"}
    if person:
        system["person"] = {"personId": person, "accessToken": "person-token"}
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": session_id, "application": {"applicationId": SKILL_ID},
                    "attributes": attributes or {}, "user": user},
        "context": {"System": system},
        "request": request,
    }


def intent(name: str, slots: dict[str, str] | None = None, *, ids: bool = True,
           builtins: dict[str, str] | None = None) -> dict[str, Any]:
    """An IntentRequest: custom slots carry entity resolution; built-in typed ones only a value."""
    body: dict[str, Any] = {}
    for slot, value in (slots or {}).items():
        body[slot] = {"name": slot, "value": value.replace("_", " "), "confirmationStatus": "NONE"}
        if ids:
            body[slot]["resolutions"] = {"resolutionsPerAuthority": [{
                "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.T",
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": value, "id": value}}]}]}
    for slot, value in (builtins or {}).items():
        body[slot] = {"name": slot, "value": value, "confirmationStatus": "NONE"}
    return {"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE",
                                                "slots": body}}


def speech(response: dict[str, Any]) -> str:
    """The spoken words, tags stripped and entities unescaped."""
    ssml = response["response"].get("outputSpeech", {}).get("ssml", "")
    return html.unescape(re.sub(r"<[^>]+>", " ", ssml))


def run(steps: list[dict[str, Any]], locale: str = "en-US", handler: Handler = lambda_handler,
        attributes: dict[str, Any] | None = None, **context: Any) -> list[dict[str, Any]]:
    """One session: each step's response attributes go into the next request."""
    attributes = dict(attributes or {})
    out = []
    for i, request in enumerate(steps):
        sent = envelope(request, attributes, new=i == 0 and not attributes, locale=locale, **context)
        response = handler(sent, None)
        attributes = response.get("sessionAttributes") or {}
        out.append(response)
    return out
