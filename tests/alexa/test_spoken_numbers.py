"""Any number Alexa can send, or a person can say, gets a re-ask: never a 500 or an apology.

Properties over AMAZON.NUMBER, AMAZON.DURATION and AMAZON.DATE values, through the Lambda entry
point (the values as Alexa fills the slots) and through the simulator (the words as said).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.content import get_content
from skill.core import intents
from skill.core.timeline import date_value, duration_days, onset_from
from skill.lambda_function import lambda_handler
from skill.simulator import Simulator
from tests.support.envelopes import envelope, intent, speech

APOLOGY = get_content().dialog["error"].split(".")[0]
TODAY = datetime(2026, 11, 27, 10, tzinfo=UTC)

digits = st.integers(1, 600).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))
number_value = st.one_of(digits, st.integers(-(10**30), 10**30).map(str), st.just("?"),
                         st.floats(allow_nan=True).map(str))
duration_value = st.one_of(
    st.builds(lambda n, unit: f"P{n}{unit}", digits, st.sampled_from("YMWD")),
    st.builds(lambda n, unit: f"PT{n}{unit}", digits, st.sampled_from("HMS")),
    st.sampled_from(["P10000000W", "P", "PT", "P1Y2M3W4DT5H6M7S", "P0D", "PT0.5H", "P-3D", "?"]),
    st.text(max_size=30),
)
date_value_strategy = st.one_of(
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(0, 99)),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999),
              st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}", st.integers(0, 9999), st.integers(0, 99)),
    st.sampled_from(["2026-13", "2026-W99-WE", "XXXX-11-20", "2026-WI", "201X", "PRESENT_REF",
                     "+275760-09-13", "0000-01-01", "9999-12-31", "2026-02-30"]),
    digits,
    st.text(max_size=30),
)
any_value = st.one_of(number_value, duration_value, date_value_strategy)


def _reasks(response: dict[str, Any]) -> None:
    """A spoken answer that keeps the session open with a reprompt, and is no apology."""
    said = speech(response)
    assert said.strip() and APOLOGY not in said
    body = response["response"]
    assert body.get("reprompt") and body.get("shouldEndSession") is False


@settings(max_examples=150, deadline=None)
@given(started=date_value_strategy, duration=duration_value)
def test_a_date_or_duration_slot_never_fails_the_timeline(started: str, duration: str) -> None:
    """The pure parsers give a day in range or None, whatever the value."""
    assert date_value(started) is None or date_value(started).year >= 1  # type: ignore[union-attr]
    days = duration_days(duration)
    assert days is None or days >= 0
    onset = onset_from(started, duration, TODAY.date())
    assert onset is None or onset <= TODAY.date()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from([intents.STARTED, intents.DESCRIBE]),
       slot=st.sampled_from(["started", "duration"]), value=any_value)
def test_any_date_or_duration_value_alexa_sends_gets_a_reask(name: str, slot: str, value: str) -> None:
    request = intent(name, builtins={slot: value})
    _reasks(lambda_handler(envelope(request, {"started": True, "pending": "onset"}), None))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=any_value)
def test_any_reminder_duration_gets_an_answer(value: str) -> None:
    screened = {"started": True, "safety": {"fever": "no", "injury": "no", "weight": "yes"},
                "triage": "self_care", "screened": "self_care"}
    request = intent(intents.ICE_REMINDER, builtins={"duration": value})
    response = lambda_handler(envelope(request, screened), None)
    assert speech(response).strip() and APOLOGY not in speech(response)


SAID_NUMBERS = st.one_of(
    digits,
    st.sampled_from(["ninety nine million", "nine hundred and ninety nine thousand",
                     "a million", "zero", "one and a half", "a couple of", "twenty one"]),
)
UNITS = st.sampled_from(["days", "weeks", "months", "years", "hours", "fortnights", "minutes"])
SAYINGS = st.sampled_from([
    "it started {n} {unit} ago", "for {n} {unit}", "it's been {n} {unit}",
    "remind me to ice again in {n} {unit}", "{n}", "it began {n} {unit} ago",
])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("numbers") / "memory.db"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(n=SAID_NUMBERS, unit=UNITS, saying=SAYINGS)
def test_any_number_a_person_says_gets_a_reask_in_the_simulator(
    store: Path, n: str, unit: str, saying: str
) -> None:
    sim = Simulator(store=store, now=TODAY)
    sim.launch()
    turn = sim.say(saying.format(n=n, unit=unit))
    assert turn.speech.strip() and APOLOGY not in turn.speech
    assert turn.end_session is False and turn.reprompt


@pytest.mark.parametrize("said", [
    "9" * 500, "it started ninety nine million days ago", "it started 99999 years ago",
    "remind me to ice again in ninety nine million years", "it started " + "1" * 30 + " years ago",
])
def test_the_numbers_that_once_broke_the_simulator_are_asked_again(store: Path, said: str) -> None:
    sim = Simulator(store=store, now=TODAY)
    sim.launch()
    turn = sim.say(said)
    assert APOLOGY not in turn.speech and turn.reprompt


@pytest.mark.parametrize("slot, value", [
    ("duration", "P10000000W"), ("started", "2026-13"), ("duration", "P" + "9" * 500 + "D"),
    ("duration", "PT99999999999999H"), ("started", "2026-W99"), ("started", "0001-01-01"),
])
def test_the_values_that_once_gave_an_apology_are_asked_again(slot: str, value: str) -> None:
    request = intent(intents.STARTED, builtins={slot: value})
    response = lambda_handler(envelope(request, {"started": True, "pending": "onset"}), None)
    _reasks(response)
    assert "didn't catch when it started" in speech(response)


@pytest.mark.parametrize("duration", ["P99000000Y", "P" + "9" * 500 + "D", "P30D", "?"])
def test_a_reminder_no_one_could_mean_is_asked_again_not_set_for_two_hours(duration: str) -> None:
    screened = {"started": True, "safety": {"fever": "no", "injury": "no", "weight": "yes"},
                "triage": "self_care", "screened": "self_care", "pending": "anything_else"}
    request = intent(intents.ICE_REMINDER, builtins={"duration": duration})
    response = lambda_handler(envelope(request, screened, scopes={
        "alexa::alerts:reminders:skill:readwrite": "GRANTED"}), None)
    _reasks(response)
    assert "didn't catch when to remind you" in speech(response)
    sent = [d["type"] for d in response["response"].get("directives", [])]
    assert "Connections.SendRequest" not in sent  # no permission asked, nothing scheduled


def test_the_simulator_asks_again_for_a_reminder_in_ninety_nine_million_years(store: Path) -> None:
    sim = Simulator(store=store, now=TODAY)
    sim.launch()
    turn = sim.say("remind me to ice again in ninety nine million years")
    assert "didn't catch when to remind you" in turn.speech and turn.scheduled == ()
