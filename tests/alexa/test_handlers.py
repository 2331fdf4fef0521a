"""Full Alexa request envelopes through lambda_handler: the same path as production."""

from __future__ import annotations

import pytest

from skill.lambda_function import lambda_handler
from tests.support.envelopes import envelope, intent, run, speech


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
    import skill.alexa.handlers.common as common

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(common, "next_turn", broken)
    (response,) = run([{"type": "LaunchRequest"}])
    assert "went wrong" in speech(response)
    assert response["response"]["shouldEndSession"] is False
    assert response["response"]["reprompt"]
