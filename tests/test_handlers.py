"""Full Alexa request envelopes through lambda_handler: the same path as production."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from skill.lambda_function import lambda_handler

SKILL_ID = "amzn1.ask.skill.test"


def envelope(request: dict[str, Any], attributes: dict[str, Any] | None = None,
             new: bool = False, locale: str = "en-US") -> dict[str, Any]:
    request = {"requestId": "amzn1.echo-api.request.1", "timestamp": "2026-11-27T10:00:00Z",
               "locale": locale, **request}
    system = {"application": {"applicationId": SKILL_ID}, "user": {"userId": "amzn1.ask.account.x"},
              "device": {"deviceId": "d", "supportedInterfaces": {}},
              "apiEndpoint": "https://api.amazonalexa.com"}
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": "s", "application": {"applicationId": SKILL_ID},
                    "attributes": attributes or {}, "user": {"userId": "amzn1.ask.account.x"}},
        "context": {"System": system},
        "request": request,
    }


def intent(name: str, slots: dict[str, str] | None = None, *, ids: bool = True) -> dict[str, Any]:
    """An IntentRequest whose custom slots carry entity resolution as Alexa sends it."""
    body = {}
    for slot, value in (slots or {}).items():
        body[slot] = {"name": slot, "value": value.replace("_", " "), "confirmationStatus": "NONE"}
        if ids:
            body[slot]["resolutions"] = {"resolutionsPerAuthority": [{
                "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.T",
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": value, "id": value}}]}]}
    return {"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE",
                                                "slots": body}}


def speech(response: dict[str, Any]) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response["response"]["outputSpeech"]["ssml"]))


def run(steps: list[dict[str, Any]], locale: str = "en-US") -> list[dict[str, Any]]:
    attributes: dict[str, Any] = {}
    out = []
    for i, request in enumerate(steps):
        response = lambda_handler(envelope(request, attributes, new=i == 0, locale=locale), None)
        attributes = response.get("sessionAttributes") or {}
        out.append(response)
    return out


def test_launch_speaks_welcome_with_a_reprompt() -> None:
    (response,) = run([{"type": "LaunchRequest"}])
    assert "Hip Helper" in speech(response)
    assert response["response"]["reprompt"]["outputSpeech"]["ssml"].startswith("<speak>")
    assert response["response"]["shouldEndSession"] is False


def test_entity_resolution_ids_drive_the_match() -> None:
    responses = run([{"type": "LaunchRequest"},
                     intent("DescribePainIntent", {"location": "outer_hip", "trigger": "lying_on_side"})])
    assert responses[-1]["sessionAttributes"]["condition"] == "gtps"
    assert "fever" in speech(responses[-1])


def test_unresolved_custom_slot_is_ignored_not_guessed() -> None:
    responses = run([intent("DescribePainIntent", {"location": "elbow"}, ids=False)])
    assert "condition" not in responses[-1]["sessionAttributes"]
    assert "Where is the pain" in speech(responses[-1])


def test_full_screening_then_first_rice_step_has_a_card() -> None:
    responses = run([
        {"type": "LaunchRequest"},
        intent("DescribePainIntent", {"location": "outer_hip"}),
        intent("AMAZON.NoIntent"), intent("AMAZON.NoIntent"), intent("AMAZON.YesIntent"),
        intent("AMAZON.YesIntent"),
    ])
    last = responses[-1]
    assert "Step one of four" in speech(last)
    assert last["response"]["card"]["type"] == "Simple"
    assert last["response"]["card"]["title"] == "Rest"
    assert last["sessionAttributes"]["triage"] == "self_care"


@pytest.mark.parametrize(("locale", "number"), [("en-GB", "999"), ("en-AU", "triple zero")])
def test_red_flag_is_urgent_with_the_local_number_and_card(locale: str, number: str) -> None:
    (response,) = run([intent("RedFlagIntent", {"flag": "fever"})], locale=locale)
    assert number in speech(response)
    assert response["sessionAttributes"]["triage"] == "urgent"
    assert response["response"]["card"]["title"] == "Seek medical attention now"


def test_stop_ends_the_session_without_reprompt() -> None:
    responses = run([{"type": "LaunchRequest"}, intent("AMAZON.StopIntent")])
    assert responses[-1]["response"]["shouldEndSession"] is True
    assert "reprompt" not in responses[-1]["response"]


def test_session_ended_request_gets_an_empty_response() -> None:
    (response,) = run([{"type": "SessionEndedRequest", "reason": "USER_INITIATED"}])
    assert "outputSpeech" not in response["response"]


def test_an_intent_the_skill_does_not_know_is_answered_like_fallback() -> None:
    responses = run([{"type": "LaunchRequest"}, intent("SomeNewIntent")])
    assert "didn't quite catch" in speech(responses[-1])
    assert responses[-1]["response"]["shouldEndSession"] is False


def test_garbled_session_attributes_start_afresh_instead_of_failing() -> None:
    request = envelope(intent("AMAZON.HelpIntent"), {"features": "oops", "step": "x"})
    response = lambda_handler(request, None)
    assert speech(response).strip()


def test_a_fault_inside_the_dialog_is_a_spoken_apology(monkeypatch: pytest.MonkeyPatch) -> None:
    import skill.handlers.common as common

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(common, "next_turn", broken)
    (response,) = run([{"type": "LaunchRequest"}])
    assert "went wrong" in speech(response)
    assert response["response"]["shouldEndSession"] is False
    assert response["response"]["reprompt"]
