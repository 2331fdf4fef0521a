"""Every request shape Alexa sends (tests/fixtures/alexa-requests, with their sources in its README)
is answered as Amazon's response reference says: events silently, no crash without a session,
CanFulfillIntentRequest with a verdict per intent and per slot and no side effects."""

from __future__ import annotations

import copy
import json
import sqlite3
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.alexa.assembly import build_skill, make_lambda_handler
from skill.config import load_settings
from skill.content import get_content
from skill.lambda_function import lambda_handler
from tests.support.envelopes import speech

FIXTURES = Path(__file__).parent.parent / "fixtures" / "alexa-requests"
SHAPES = sorted(FIXTURES.glob("*.json"))
EVENT_PREFIXES = ("AlexaSkillEvent.", "Reminders.", "Messaging.", "System.")
SILENT = ("SessionEndedRequest", *EVENT_PREFIXES)
APOLOGY = get_content().dialog["error"]
CARD_TYPES = {"Simple", "Standard", "LinkAccount", "AskForPermissionsConsent"}


def load(name: str) -> dict[str, Any]:
    [path] = [p for p in SHAPES if p.name.startswith(name)]
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def kind(event: dict[str, Any]) -> str:
    return str(event["request"]["type"])


def test_all_twenty_two_shapes_are_kept_with_their_sources() -> None:
    assert len(SHAPES) == 22
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "Where each shape comes from" in readme and "What Amazon's rules expect back" in readme


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
def test_every_shape_gets_a_well_formed_response_and_never_an_apology(path: Path) -> None:
    event = json.loads(path.read_text(encoding="utf-8"))
    response = lambda_handler(copy.deepcopy(event), None)
    assert response["version"] == "1.0"
    body = response["response"]
    for holder in (body, body.get("reprompt") or {}):
        ssml = (holder.get("outputSpeech") or {}).get("ssml")
        if ssml is not None:
            assert ssml.startswith("<speak>") and ssml.endswith("</speak>") and len(ssml) < 8000
            ElementTree.fromstring(ssml)  # well-formed
    if "card" in body:
        assert body["card"]["type"] in CARD_TYPES
    assert APOLOGY not in speech(response)


@pytest.mark.parametrize("path", [p for p in SHAPES
                                  if kind(json.loads(p.read_text())).startswith(SILENT)],
                         ids=lambda p: p.stem)
def test_events_and_session_ends_get_no_speech_card_or_directives(path: Path) -> None:
    response = lambda_handler(json.loads(path.read_text(encoding="utf-8")), None)
    for field in ("outputSpeech", "reprompt", "card", "directives"):
        assert field not in response["response"]


@pytest.mark.parametrize("name", ["13", "16", "19", "09", "10", "11", "12"])
def test_requests_without_a_session_never_crash(name: str) -> None:
    event = load(name)
    assert "session" not in event
    assert lambda_handler(event, None)["response"] == {}


def test_a_fault_outside_a_session_is_an_empty_response_not_an_apology(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import skill.alexa.handlers.events as events

    def broken(*args: object) -> bool:
        raise RuntimeError("boom")

    monkeypatch.setattr(events.remember, "forget", broken)
    assert lambda_handler(load("09"), None)["response"] == {}


@pytest.mark.parametrize("name", ["14", "22"])
def test_a_resumed_session_or_screen_event_carries_on_where_the_conversation_was(name: str) -> None:
    event = load(name)
    response = lambda_handler(event, None)
    said = speech(response)
    assert "Where is your pain" in said or "Tell me where it hurts" in said
    assert "didn't quite catch" not in said
    assert response["response"]["shouldEndSession"] is False


def test_a_resumed_session_repeats_the_pending_question() -> None:
    event = load("22")
    asked = lambda_handler(
        {**load("02"), "session": {**event["session"], "new": True}}, None
    )
    event["session"]["attributes"] = asked["sessionAttributes"]
    again = lambda_handler(event, None)
    assert speech(again) == speech(asked)


def test_a_permission_answer_with_an_unknown_token_carries_on_without_an_apology() -> None:
    response = lambda_handler(load("08"), None)
    assert "didn't quite catch" not in speech(response) and response["response"]["reprompt"]


# --- CanFulfillIntentRequest ---------------------------------------------------------------


def cfir(name: str, slots: dict[str, Any] | None = None, locale: str = "en-US") -> dict[str, Any]:
    event = load("15")
    event["request"]["intent"] = {"name": name, "slots": slots or {}}
    event["request"]["locale"] = locale
    return event


def custom(name: str, value: str, matched: bool) -> dict[str, Any]:
    code = "ER_SUCCESS_MATCH" if matched else "ER_SUCCESS_NO_MATCH"
    authority: dict[str, Any] = {"authority": "amzn1.er-authority.echo-sdk.test.T",
                                 "status": {"code": code}}
    if matched:
        authority["values"] = [{"value": {"name": value, "id": value}}]
    return {"name": name, "value": value, "resolutions": {"resolutionsPerAuthority": [authority]}}


def verdict(event: dict[str, Any]) -> dict[str, Any]:
    response = lambda_handler(event, None)
    body = response["response"]
    assert set(body) == {"canFulfillIntent"}, "no speech, card, directives or end flag"
    answer: dict[str, Any] = body["canFulfillIntent"]
    return answer


def test_can_fulfill_answers_yes_for_a_care_question() -> None:
    assert verdict(load("15")) == {"canFulfill": "YES"}


@pytest.mark.parametrize(("name", "slots", "expected"), [
    ("DescribePainIntent", {"location": custom("location", "outer_hip", True)},
     {"canFulfill": "YES",
      "slots": {"location": {"canUnderstand": "YES", "canFulfill": "YES"}}}),
    ("DescribePainIntent", {"location": custom("location", "elbow", False)},
     {"canFulfill": "MAYBE",
      "slots": {"location": {"canUnderstand": "NO", "canFulfill": "NO"}}}),
    ("PainStartedIntent", {"duration": {"name": "duration", "value": "P3D"}},
     {"canFulfill": "YES",
      "slots": {"duration": {"canUnderstand": "YES", "canFulfill": "YES"}}}),
    ("PainStartedIntent", {"duration": {"name": "duration", "value": "P10000000W"}},
     {"canFulfill": "MAYBE",
      "slots": {"duration": {"canUnderstand": "NO", "canFulfill": "NO"}}}),
    ("PainStartedIntent", {"started": {"name": "started", "value": "2026-13"},
                           "duration": {"name": "duration"}},
     {"canFulfill": "MAYBE",
      "slots": {"started": {"canUnderstand": "NO", "canFulfill": "NO"}}}),
    ("StartIceTimerIntent", {}, {"canFulfill": "MAYBE"}),
    ("ForgetMeIntent", {}, {"canFulfill": "YES"}),
    ("AMAZON.YesIntent", {}, {"canFulfill": "NO"}),
    ("AMAZON.StopIntent", {}, {"canFulfill": "NO"}),
    ("SafetyAnswerIntent", {"answer": custom("answer", "no_fever", True)}, {"canFulfill": "NO"}),
    ("PlaySoundIntent", {"Sound": {"name": "Sound", "value": "crickets"}}, {"canFulfill": "NO"}),
])
def test_can_fulfill_gives_a_verdict_per_intent_and_per_slot(
    name: str, slots: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert verdict(cfir(name, slots)) == expected


def test_can_fulfill_says_no_for_a_locale_without_content() -> None:
    assert verdict(cfir("MedicineIntent", locale="de-DE")) == {"canFulfill": "NO"}


def test_can_fulfill_works_without_a_session_or_a_user() -> None:
    event = cfir("RiceIntent")
    del event["session"]
    del event["context"]["System"]["user"]
    assert verdict(event) == {"canFulfill": "YES"}


class RecordingApi:
    """An Alexa API client that records every call it is asked to make."""

    def __init__(self) -> None:
        self.calls: list[Any] = []

    def invoke(self, request: Any) -> Any:
        self.calls.append(request)
        raise AssertionError("CanFulfillIntentRequest must schedule nothing")


def test_can_fulfill_has_no_side_effects(tmp_path: Path) -> None:
    """Nothing stored, nothing scheduled, no session attributes, even for a timer or reminder."""
    db = tmp_path / "memory.db"
    api = RecordingApi()
    handler = make_lambda_handler(build_skill(load_settings({"db_path": str(db)}, environ={}),
                                              api_client=api))
    granted = {"alexa::alerts:timers:skill:readwrite": {"status": "GRANTED"},
               "alexa::alerts:reminders:skill:readwrite": {"status": "GRANTED"}}
    for name, slots in [("StartIceTimerIntent", {}), ("ForgetMeIntent", {}),
                        ("IceReminderIntent", {"duration": {"name": "duration", "value": "PT2H"}}),
                        ("PainStartedIntent", {"duration": {"name": "duration", "value": "P3D"}}),
                        ("DescribePainIntent", {"location": custom("location", "outer_hip", True)})]:
        event = cfir(name, slots)
        event["context"]["System"]["user"]["permissions"] = {"scopes": granted}
        response = handler(event, None)
        assert response["sessionAttributes"] == {}
        assert set(response["response"]) == {"canFulfillIntent"}
    assert api.calls == []
    if db.exists():
        with sqlite3.connect(db) as conn:
            tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            assert all(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0
                       for (t,) in tables)


def test_a_fault_while_answering_can_fulfill_is_a_no(monkeypatch: pytest.MonkeyPatch) -> None:
    import skill.alexa.handlers.fulfil as fulfil

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(fulfil, "can_fulfil", broken)
    assert verdict(load("15")) == {"canFulfill": "NO"}


def test_the_manifest_declares_can_fulfill_intent_request() -> None:
    manifest = json.loads((Path(__file__).parents[2] / "interaction_model" / "skill.json")
                          .read_text(encoding="utf-8"))
    interfaces = manifest["manifest"]["apis"]["custom"]["interfaces"]
    assert {"type": "CAN_FULFILL_INTENT_REQUEST"} in interfaces


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
def test_any_shape_stripped_of_its_session_still_gets_a_response(path: Path) -> None:
    event = json.loads(path.read_text(encoding="utf-8"))
    event.pop("session", None)
    response = lambda_handler(event, None)
    assert response["version"] == "1.0" and APOLOGY not in speech(response)


slot_values = st.one_of(st.text(max_size=40), st.sampled_from(["P3D", "2026-13", "P10000000W"]))


@settings(max_examples=80, deadline=None)
@given(name=st.one_of(st.sampled_from(["DescribePainIntent", "IceReminderIntent", "RiceIntent",
                                       "AMAZON.YesIntent", "ResumeIntent"]), st.text(max_size=30)),
       slots=st.dictionaries(st.sampled_from(["location", "started", "duration", "flag", "x"]),
                             st.tuples(slot_values, st.sampled_from([None, True, False])),
                             max_size=4))
def test_any_can_fulfill_request_gets_a_well_formed_verdict(
    name: str, slots: dict[str, tuple[str, bool | None]]
) -> None:
    filled = {}
    for slot, (value, matched) in slots.items():
        filled[slot] = custom(slot, value, matched) if matched is not None else {
            "name": slot, "value": value}
    answer = verdict(cfir(name, filled))
    assert answer["canFulfill"] in {"YES", "NO", "MAYBE"}
    for slot_answer in (answer.get("slots") or {}).values():
        assert slot_answer["canUnderstand"] in {"YES", "NO", "MAYBE"}
        assert slot_answer["canFulfill"] in {"YES", "NO"}
