"""Two sessions of one person open at once (two Echos in the house), end to end through
lambda_handler, on SQLite and on DynamoDB (boto3 to a DynamoDB-compatible server on loopback):
neither loses the other's change, and "forget me" in one is never undone by the other."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.assembly import build_skill, make_lambda_handler
from skill.config import Settings, load_settings
from skill.store.factory import make_store
from skill.store.port import Record
from tests.support.dynamo import new_table, point_boto3_at
from tests.support.envelopes import USER, Handler, envelope, intent, speech

PERSON = "amzn1.ask.person.TWOECHOS"
_SESSIONS = itertools.count()


class Device:
    """One Echo: its own session, the same person speaking."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.attributes: dict[str, Any] | None = None
        self.session = ""

    def say(self, request: dict[str, Any]) -> dict[str, Any]:
        new = self.attributes is None
        if new:
            self.session = f"amzn1.echo-api.session.{next(_SESSIONS)}"
        sent = envelope(request, self.attributes or {}, new=new, person=PERSON,
                        session_id=self.session)
        response = self.handler(sent, None)
        ended = response["response"].get("shouldEndSession") is True
        self.attributes = None if ended else response.get("sessionAttributes") or {}
        return response


@pytest.fixture(params=["sqlite", "dynamodb"])
def settings(request: pytest.FixtureRequest, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> Settings:
    if request.param == "sqlite":
        return load_settings({"db_path": str(tmp_path / "memory.db")}, environ={})
    endpoint = request.getfixturevalue("dynamodb_endpoint")
    point_boto3_at(monkeypatch, endpoint)  # the skill's own boto3 client goes to loopback
    _, table = new_table(endpoint)
    return load_settings({"dynamodb_table": table, "user_key_secret": "k" * 40, "db_path": ""},
                         environ={})


def stored(settings: Settings) -> Record:
    keyed = make_store(settings)
    assert keyed is not None
    return keyed.store.read(keyed.keys.key_for(USER, PERSON))


LAUNCH = {"type": "LaunchRequest"}
STARTED = intent("PainStartedIntent", builtins={"started": "2026-11-25"})
DESCRIBED = intent("DescribePainIntent", {"location": "outer_hip", "trigger": "lying_on_side"})
STOP = intent("AMAZON.StopIntent")


def test_two_sessions_keep_each_others_changes(settings: Settings) -> None:
    handler = make_lambda_handler(build_skill(settings))
    kitchen, bedroom = Device(handler), Device(handler)
    kitchen.say(LAUNCH)
    bedroom.say(LAUNCH)
    assert "two days" in speech(kitchen.say(STARTED))  # the onset is written at once
    bedroom.say(DESCRIBED)
    bedroom.say(STOP)  # the matched condition is written at the session's end
    kept = stored(settings).attributes
    assert kept["onset"] == "2026-11-25" and kept["condition"] == "gtps"


def test_forget_me_in_one_session_is_not_undone_by_the_other(settings: Settings) -> None:
    handler = make_lambda_handler(build_skill(settings))
    kitchen, bedroom = Device(handler), Device(handler)
    kitchen.say(LAUNCH)
    kitchen.say(STARTED)
    bedroom.say(LAUNCH)  # loaded what the kitchen just saved
    kitchen.say(intent("ForgetMeIntent"))
    assert "forgotten" in speech(kitchen.say(intent("AMAZON.YesIntent")))
    bedroom.say(DESCRIBED)
    bedroom.say(STARTED)
    bedroom.say(STOP)  # the older session ends: before, it wrote the whole record back
    assert stored(settings).attributes == {}
    again = Device(handler).say(LAUNCH)
    assert "Welcome back" not in speech(again) and "Last time" not in speech(again)
    if settings.db_path:
        data = b"".join(p.read_bytes() for p in Path(settings.db_path).parent.iterdir()
                        if p.name.startswith("memory.db") and not p.name.endswith(".key"))
        assert b"2026-11-25" not in data and b"gtps" not in data


def test_a_session_begun_after_forget_me_remembers_again(settings: Settings) -> None:
    handler = make_lambda_handler(build_skill(settings))
    kitchen = Device(handler)
    kitchen.say(LAUNCH)
    kitchen.say(STARTED)
    kitchen.say(intent("ForgetMeIntent"))
    kitchen.say(intent("AMAZON.YesIntent"))
    kitchen.say(STOP)
    later = Device(handler)
    later.say(LAUNCH)
    later.say(STARTED)
    assert stored(settings).attributes["onset"] == "2026-11-25"
