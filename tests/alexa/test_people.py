"""Memory is per person: keyed by the recognised speaker (context.System.person), and on a shared
device nothing remembered is spoken until the person asks. Through lambda_handler, on a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skill.alexa.assembly import build_skill, make_lambda_handler
from skill.config import load_settings
from tests.support.envelopes import Handler, intent, run, speech

FIXTURES = Path(__file__).parent.parent / "fixtures" / "alexa-requests"
ALICE, BOB = "amzn1.ask.person.ALICE", "amzn1.ask.person.BOB"
TOLD = [intent("DescribePainIntent", {"location": "outer_hip", "trigger": "lying_on_side"},
               builtins={"started": "2026-11-24"}),
        intent("AMAZON.NoIntent"), intent("AMAZON.NoIntent"), intent("AMAZON.YesIntent"),
        intent("AMAZON.StopIntent")]
LAUNCH = {"type": "LaunchRequest"}


@pytest.fixture
def handler(tmp_path: Path) -> Handler:
    return make_lambda_handler(build_skill(load_settings({"db_path": str(tmp_path / "m.db")},
                                                         environ={})))


def said(responses: list[dict[str, Any]]) -> str:
    return " ".join(speech(r) for r in responses)


def test_another_recognised_person_does_not_hear_the_first_ones_health(handler: Handler) -> None:
    run(TOLD, handler=handler, person=ALICE)
    bob = said(run([LAUNCH], handler=handler, person=BOB, day="2026-11-28"))
    assert "Last time" not in bob and "greater trochanteric" not in bob and "Welcome back" not in bob
    alice = said(run([LAUNCH], handler=handler, person=ALICE, day="2026-11-28"))
    assert "Last time, your pain sounded like greater trochanteric pain syndrome" in alice


def test_the_real_person_shape_keys_memory_by_person(handler: Handler) -> None:
    shape = json.loads((FIXTURES / "18-launch-viewports-advertising-person-unit.json").read_text())
    person = shape["context"]["System"]["person"]["personId"]
    user = shape["context"]["System"]["user"]["userId"]
    def as_that_user(event: dict[str, Any], context: Any) -> dict[str, Any]:
        event["context"]["System"]["user"]["userId"] = event["session"]["user"]["userId"] = user
        return handler(event, context)

    run(TOLD, handler=as_that_user, person=person)  # the same account and person, told earlier
    assert "greater trochanteric" in speech(handler(shape, None))
    other = json.loads(json.dumps(shape))
    other["context"]["System"]["person"]["personId"] = "amzn1.ask.person.SOMEONEELSE"
    assert "greater trochanteric" not in speech(handler(other, None))


def test_without_a_person_nothing_remembered_is_said_unprompted(handler: Handler) -> None:
    run(TOLD, handler=handler)
    later = said(run([LAUNCH, intent("IceOrHeatIntent")], handler=handler, day="2026-12-05"))
    for private in ("Last time", "greater trochanteric", "Welcome back", "days", "weeks"):
        assert private not in later, private
    assert "pick up where I left off" in later


def test_without_a_person_asking_to_pick_up_brings_memory_back(handler: Handler) -> None:
    run(TOLD, handler=handler)
    responses = run([LAUNCH, intent("ResumeIntent")], handler=handler, day="2026-11-27")
    assert "greater trochanteric" in speech(responses[1]) and "three days" in speech(responses[1])
    assert responses[1]["response"]["shouldEndSession"] is False


def test_a_shared_session_leaves_what_it_did_not_hear_stored(handler: Handler) -> None:
    run(TOLD, handler=handler)
    run([LAUNCH, intent("AMAZON.StopIntent")], handler=handler, day="2026-11-26")
    responses = run([LAUNCH, intent("ResumeIntent")], handler=handler, day="2026-11-27")
    assert "greater trochanteric" in speech(responses[1])


def test_the_simulator_plays_a_shared_device_when_the_speaker_is_not_recognised(
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime, timedelta

    from skill.simulator import Simulator

    store, now = tmp_path / "sim.db", datetime(2026, 11, 24, 10, tzinfo=UTC)
    first = Simulator(store=store, now=now, recognised=False)
    first.say("ask hip helper my outer hip hurts when I lie on it")
    first.say("it started today")
    first.end()
    later = Simulator(store=store, now=now + timedelta(days=3), recognised=False)
    opened = later.launch()
    assert "Last time" not in opened.speech and "pick up where I left off" in opened.speech
    assert "greater trochanteric" in later.say("pick up where I left off").speech
    assert "person" not in opened.request["context"]["System"]
    recognised = Simulator(store=store, now=now).launch()
    assert recognised.request["context"]["System"]["person"]["personId"].startswith("amzn1.ask.person.")


def test_disabling_the_skill_forgets_every_person_on_the_account(handler: Handler) -> None:
    run(TOLD, handler=handler, person=ALICE)
    run(TOLD, handler=handler, person=BOB)
    run(TOLD, handler=handler)  # and the shared record
    disabled = json.loads((FIXTURES / "09-skill-disabled.json").read_text())
    user = disabled["context"]["System"]["user"]["userId"]

    def as_that_user(event: dict[str, Any], context: Any) -> dict[str, Any]:
        event["context"]["System"]["user"]["userId"] = event["session"]["user"]["userId"] = user
        return handler(event, context)

    run(TOLD, handler=as_that_user, person=ALICE)
    run(TOLD, handler=as_that_user)  # the account's shared record too
    assert handler(disabled, None)["response"] == {}
    for person in (ALICE, None):
        again = said(run([LAUNCH, intent("ResumeIntent")], handler=as_that_user, person=person,
                         day="2026-11-28"))
        assert "greater trochanteric" not in again and "Welcome back" not in again
    other_account = said(run([LAUNCH], handler=handler, person=BOB, day="2026-11-28"))
    assert "greater trochanteric" in other_account


def test_forget_me_from_one_person_leaves_the_others(handler: Handler) -> None:
    run(TOLD, handler=handler, person=ALICE)
    run(TOLD, handler=handler, person=BOB)
    run([LAUNCH, intent("ForgetMeIntent"), intent("AMAZON.YesIntent")], handler=handler,
        person=ALICE)
    assert "greater trochanteric" not in said(run([LAUNCH], handler=handler, person=ALICE))
    assert "greater trochanteric" in said(run([LAUNCH], handler=handler, person=BOB))


def test_on_a_shared_device_picking_up_works_at_an_open_question_too(tmp_path: Path) -> None:
    """The open questions take free speech, read by the reader: it knows the phrase as well."""
    from datetime import UTC, datetime, timedelta

    from skill.simulator import Simulator

    store, now = tmp_path / "sim.db", datetime(2026, 11, 24, 10, tzinfo=UTC)
    first = Simulator(store=store, now=now, recognised=False)
    first.say("ask hip helper my outer hip hurts when I lie on it")
    first.end()
    later = Simulator(store=store, now=now + timedelta(days=1), recognised=False)
    later.launch()
    turn = later.say("could we carry on from last time")
    assert "greater trochanteric" in turn.speech
