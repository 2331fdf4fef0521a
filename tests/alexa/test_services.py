"""Timers, reminders, forgetting and skill events through real envelopes and a real SQLite store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.assembly import build_skill, make_lambda_handler
from skill.config import load_settings
from skill.simulator.services import LocalAlexaApi
from tests.support.envelopes import Handler, envelope, intent, run, speech

TIMERS = "alexa::alerts:timers:skill:readwrite"
REMINDERS = "alexa::alerts:reminders:skill:readwrite"
SAFE = {"safety": {"fever": "safe", "injury": "safe", "weight": "safe"}, "started": True,
        "disclaimer_heard": True}
PERSON = "amzn1.ask.person.SERVICES"  # a recognised speaker: memory is spoken of


@pytest.fixture
def api() -> LocalAlexaApi:
    return LocalAlexaApi()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "memory.db"


@pytest.fixture
def handler(api: LocalAlexaApi, db: Path) -> Handler:
    settings = load_settings({"db_path": str(db), "user_key_secret": "test-secret"})
    return make_lambda_handler(build_skill(settings, api_client=api))


def directives(response: dict[str, Any]) -> list[dict[str, Any]]:
    return response["response"].get("directives") or []


def test_timer_with_permission_is_set_through_the_api(handler: Handler, api: LocalAlexaApi) -> None:
    (response,) = run([intent("StartIceTimerIntent")], handler=handler, attributes=SAFE,
                      scopes={TIMERS: "GRANTED"})
    assert "fifteen minute ice timer" in speech(response)
    assert [(s.kind, s.seconds, s.text) for s in api.scheduled] == [
        ("timer", 900, "Time to take the ice off.")
    ]
    assert response["response"]["shouldEndSession"] is False


def test_timer_not_yet_allowed_asks_by_voice(handler: Handler, api: LocalAlexaApi) -> None:
    (response,) = run([intent("StartIceTimerIntent")], handler=handler, attributes=SAFE)
    (directive,) = directives(response)
    assert directive["type"] == "Connections.SendRequest" and directive["name"] == "AskFor"
    assert directive["payload"]["permissionScope"] == TIMERS
    assert "permission" in speech(response)
    assert "shouldEndSession" not in response["response"]
    assert "reprompt" not in response["response"]
    assert api.scheduled == []


def _answer(directive: dict[str, Any], status: str) -> dict[str, Any]:
    return {"type": "Connections.Response", "name": "AskFor", "status": {"code": "200"},
            "token": directive["token"],
            "payload": {"permissionScope": directive["payload"]["permissionScope"], "status": status}}


def test_permission_granted_then_timer_is_set(handler: Handler, api: LocalAlexaApi) -> None:
    (asked,) = run([intent("StartIceTimerIntent")], handler=handler, attributes=SAFE)
    (response,) = run([_answer(directives(asked)[0], "ACCEPTED")], handler=handler,
                      attributes=asked["sessionAttributes"], scopes={TIMERS: "GRANTED"})
    assert "fifteen minute ice timer" in speech(response)
    assert len(api.scheduled) == 1


@pytest.mark.parametrize("status", ["DENIED", "NOT_ANSWERED"])
def test_permission_refused_gives_the_spoken_alternative(
    handler: Handler, api: LocalAlexaApi, status: str
) -> None:
    (asked,) = run([intent("StartIceTimerIntent")], handler=handler, attributes=SAFE)
    (response,) = run([_answer(directives(asked)[0], status)], handler=handler,
                      attributes=asked["sessionAttributes"])
    assert "Alexa, set a timer for fifteen minutes" in speech(response)
    assert api.scheduled == []
    assert response["response"]["shouldEndSession"] is False


def test_api_failure_is_an_apology_with_the_alternative(handler: Handler, api: LocalAlexaApi) -> None:
    api.fail_with = 500
    (response,) = run([intent("StartIceTimerIntent")], handler=handler, attributes=SAFE,
                      scopes={TIMERS: "GRANTED"})
    assert "couldn't set the timer" in speech(response)


def test_timer_before_screening_asks_the_safety_questions(handler: Handler, api: LocalAlexaApi) -> None:
    (response,) = run([intent("StartIceTimerIntent")], handler=handler, scopes={TIMERS: "GRANTED"})
    assert "fever" in speech(response)
    assert api.scheduled == []


def test_reminder_in_two_hours(handler: Handler, api: LocalAlexaApi) -> None:
    (response,) = run([intent("IceReminderIntent", builtins={"duration": "PT2H"})], handler=handler,
                      attributes=SAFE, scopes={REMINDERS: "GRANTED"})
    assert "remind you to ice again in two hours" in speech(response)
    assert [(s.kind, s.seconds) for s in api.scheduled] == [("reminder", 7200)]
    assert "ice your hip" in api.scheduled[0].text


def test_reminder_not_yet_allowed_asks_for_the_reminders_scope(handler: Handler) -> None:
    (response,) = run([intent("IceReminderIntent", builtins={"duration": "PT2H"})], handler=handler,
                      attributes=SAFE)
    assert directives(response)[0]["payload"]["permissionScope"] == REMINDERS


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute("select * from memory"))


def _remembered(db: Path) -> list[str]:
    """Every record's attributes, leaving out tombstones (a forgotten record keeps only its key)."""
    with sqlite3.connect(db) as conn:
        return [a for (a,) in conn.execute("select attributes from memory") if a != "{}"]


def test_memory_carries_onset_across_days(handler: Handler) -> None:
    run([intent("DescribePainIntent", {"location": "outer_hip"}, builtins={"started": "2026-11-26"})],
        handler=handler, day="2026-11-26", person=PERSON)
    responses = run([{"type": "LaunchRequest"}, intent("IceOrHeatIntent"), intent("AMAZON.NoIntent"),
                     intent("AMAZON.NoIntent"), intent("AMAZON.YesIntent")],
                    handler=handler, day="2026-11-29", person=PERSON)
    said = " ".join(speech(r) for r in responses)
    assert "about three days" in said
    assert "swelling" in speech(responses[-1])


def test_raw_user_id_is_never_stored(handler: Handler, db: Path) -> None:
    run([intent("DescribePainIntent", {"location": "outer_hip"}, builtins={"started": "2026-11-26"})],
        handler=handler)
    data = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))
    assert b"TESTUSER" not in data
    assert _rows(db)


def test_forget_me_confirms_then_deletes(handler: Handler, db: Path) -> None:
    run([intent("DescribePainIntent", {"location": "outer_hip"}, builtins={"started": "2026-11-26"})],
        handler=handler)
    assert _rows(db)
    responses = run([intent("ForgetMeIntent"), intent("AMAZON.YesIntent"), intent("AMAZON.StopIntent")],
                    handler=handler)
    assert "forget everything" in speech(responses[0])
    assert "forgotten" in speech(responses[1])
    assert _remembered(db) == []


def test_skill_disabled_deletes_the_record(handler: Handler, db: Path) -> None:
    run([intent("DescribePainIntent", {"location": "outer_hip"}, builtins={"started": "2026-11-26"})],
        handler=handler)
    event = envelope({"type": "AlexaSkillEvent.SkillDisabled", "eventCreationTime": "2026-11-27T10:00:00Z"})
    event.pop("session")
    response = handler(event, None)
    assert "outputSpeech" not in response["response"]
    assert _remembered(db) == []


def test_a_request_that_needs_no_memory_never_opens_the_store(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    handler = make_lambda_handler(build_skill(load_settings({"db_path": str(db)})))
    run([intent("AMAZON.HelpIntent")], handler=handler, attributes={"started": True})
    assert not db.exists()


@pytest.mark.parametrize(("consent", "said"), [("accept", "fifteen minute ice timer"),
                                               ("deny", "Alexa, set a timer"),
                                               ("ignore", "Alexa, set a timer")])
def test_simulator_plays_the_permission_prompt(tmp_path: Path, consent: str, said: str) -> None:
    from skill.simulator import Simulator

    sim = Simulator(store=tmp_path / "m.db", consent=consent)
    sim.say("ask hip helper to start my ice timer")
    for answer in ("no", "no", "yes"):
        turn = sim.say(answer)
    assert turn.before is not None and "permission" in turn.before.speech
    assert said in turn.speech
    assert turn.scheduled == (("Timer set: 15 minutes (Time to take the ice off.)",)
                              if consent == "accept" else ())
    again = sim.say("start my ice timer")
    assert (again.before is None) == (consent == "accept")


def test_the_condition_alone_waits_for_the_session_end_to_be_written(handler: Handler, db: Path) -> None:
    first = run([intent("DescribePainIntent", {"location": "outer_hip", "trigger": "lying_on_side"})],
                handler=handler, attributes={"started": True, "disclaimer_heard": True,
                                             "memory": '{"disclaimer_heard": true}'})
    assert not db.exists() or _rows(db) == []
    run([intent("AMAZON.StopIntent")], handler=handler, attributes=first[-1]["sessionAttributes"])
    (row,) = _rows(db)
    assert '"condition": "gtps"' in row[2] or '"condition":"gtps"' in row[2]
