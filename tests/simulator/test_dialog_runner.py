"""The dialog runner reads Bespoken-style YAML faithfully and fails with a message a person can act on."""

from __future__ import annotations

import json
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from skill.simulator import Simulator
from skill.simulator.dialogspec import Assertion, DialogSyntaxError, load_dialogs
from skill.simulator.dialogtest import DialogFailure, check, matches, run_dialog
from skill.simulator.steps import parse_intent_step, parse_offset

FIXTURE = Path(__file__).parents[1] / "fixtures" / "model-en-US.json"


class Echo:
    """A stand-in skill that says which request it got and remembers the clock it saw."""

    def __init__(self) -> None:
        self.envelopes: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.envelopes.append(event)
        request = event["request"]
        name = request.get("intent", {}).get("name", request["type"])
        stop = name in ("AMAZON.StopIntent", "SessionEndedRequest")
        return {
            "version": "1.0",
            "sessionAttributes": {"last": name, "nested": {"condition": "gtps"}},
            "response": {
                "outputSpeech": {"type": "SSML", "ssml": f"<speak>You sent {name}.</speak>"},
                "reprompt": {"outputSpeech": {"type": "PlainText", "text": "Anything else?"}},
                "card": {"type": "Simple", "title": "Hip Helper", "content": request["timestamp"]},
                "shouldEndSession": stop,
            },
        }


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dialog.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def run(path: Path, echo: Echo | None = None) -> list[Any]:
    echo = echo or Echo()

    def factory(**kwargs: Any) -> Simulator:
        return Simulator(handler=echo, model=FIXTURE, **kwargs)

    return [run_dialog(test, factory) for test in load_dialogs(path)]


@pytest.mark.parametrize(
    ("actual", "expected", "ok"),
    [
        ("Hello there", "hello", True), ("Hello there", "goodbye", False),
        ("Hello   there", "hello there", True),
        ("Greater trochanteric pain", "/trochanteric/i", True),
        ("Greater", "/^greater$/", False), ("Greater", "/^greater$/i", True),
        ("anything", "*", True), ("", "*", False), (None, "*", False),
        (None, "undefined", True), ("", "undefined", True), ("x", "undefined", False),
        ("Hello", ["bye", "hel"], True), ("Hello", ["bye", "ciao"], False),
        (True, True, True), (False, True, False), (True, "true", True),
        (15, 15, True), ("15", 15, True), (["a", "gtps"], "gtps", True),
    ],
)
def test_matchers(actual, expected, ok):
    assert matches(actual, expected) is ok


def test_yes_and_no_steps_stay_utterances_not_booleans(tmp_path):
    path = write(tmp_path, """
        - test: answers
        - no: fever
        - yes: "*"
        - on: "*"
        """)
    steps = load_dialogs(path)[0].steps
    assert [s.key for s in steps] == ["no", "yes", "on"]
    assert steps[0].assertions == (Assertion("prompt", "fever"),)


def test_step_values_cover_the_bespoken_forms(tmp_path):
    path = write(tmp_path, """
        - test: forms
        - LaunchRequest: "*"
        - help: [hello, hi]
        - stop:
            - prompt: bye
            - sessionEnded: true
        - next:
            cardTitle: Hip
            sessionAttributes.condition: gtps
        - repeat
        """)
    steps = load_dialogs(path)[0].steps
    assert steps[1].assertions == (Assertion("prompt", ["hello", "hi"]),)
    assert steps[2].assertions == (Assertion("prompt", "bye"), Assertion("sessionEnded", True))
    assert [a.target for a in steps[3].assertions] == ["cardTitle", "sessionAttributes.condition"]
    assert steps[4].assertions == ()


def test_configuration_applies_to_the_tests_after_it(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          locale: en-GB
          user: alice
        ---
        - test: one
        - LaunchRequest: "*"
        ---
        - test: two
        - configuration:
            device: voice
        - LaunchRequest: "*"
        """)
    first, second = load_dialogs(path)
    assert first.config == {"locale": "en-GB", "user": "alice"}
    assert second.config == {"locale": "en-GB", "user": "alice", "device": "voice"}


def test_a_passing_dialog_asserts_on_every_kind_of_target(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          now: 2026-11-27T10:00:00Z
        ---
        - test: every target
        - open hip helper:
            prompt: LaunchRequest
            reprompt: anything
            cardTitle: /hip/i
            cardContent: "2026-11-27T10:00:00Z"
            sessionEnded: false
            intent: LaunchRequest
            sessionAttributes.nested.condition: gtps
            $.response.outputSpeech.type: SSML
            response.card.type: Simple
            request.request.type: LaunchRequest
            $.response.directives: undefined
        - my outer hip hurts:
            intent: DescribePainIntent
            slots.location: outer hip
            request.request.intent.slots.location.resolutions.resolutionsPerAuthority[0].values[0].value.id: outer_hip
        - RedFlagIntent flag=fever: RedFlagIntent
        - stop:
            sessionEnded: true
        """)
    run(path)


def test_a_clock_step_moves_time_forward(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          now: 2026-11-27T10:00:00Z
          clock: +1h
        ---
        - test: two days later
        - LaunchRequest:
            cardContent: "2026-11-27T11:00:00Z"
        - clock: +2d
        - help:
            cardContent: "2026-11-29T11:00:00Z"
        """)
    run(path)


def test_a_failing_step_says_file_test_step_expectation_and_what_was_said(tmp_path):
    path = write(tmp_path, """
        - test: launch then stop
        - LaunchRequest: "*"
        - stop:
            - prompt: /goodbye/i
        """)
    with pytest.raises(DialogFailure) as failure:
        run(path)
    message = str(failure.value)
    assert f"{path}:4" in message
    assert "test 'launch then stop'" in message and "step 2 'stop'" in message
    assert "expected prompt to match /goodbye/i" in message
    assert "Alexa said: 'You sent AMAZON.StopIntent.'" in message


@pytest.mark.parametrize(
    ("assertion", "words"),
    [
        (Assertion("sessionAttributes.condition", "fai"), "it was: (absent)"),
        (Assertion("sessionEnded", True), "expected sessionEnded to be true"),
        (Assertion("prompt", ["bye", "/ciao/"]), "to match one of contain 'bye', match /ciao/"),
        (Assertion("cardTitle", "undefined"), "expected cardTitle to be absent"),
        (Assertion("$.response.card.title", "Other"), "it was: 'Hip Helper'"),
    ],
)
def test_failure_descriptions(assertion, words):
    turn = Simulator(handler=Echo(), model=FIXTURE).launch()
    problem = check(turn, assertion)
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    "text",
    [
        "- LaunchRequest: hi\n",  # steps before any test
        "- test: x\n- LaunchRequest:\n    - speech: hi\n",  # unknown assertion
        "configuration:\n  colour: blue\n",  # unknown configuration
        "- test: x\n- [a, b]\n",  # not a step
        "- test: [unclosed\n",  # not YAML
    ],
)
def test_malformed_files_are_reported_with_the_file(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(DialogSyntaxError, match=str(path)):
        load_dialogs(path)


def test_repeated_test_names_are_numbered(tmp_path):
    path = write(tmp_path, "- test: a\n- help\n- test: a\n- help\n")
    assert [t.name for t in load_dialogs(path)] == ["a", "a (2)"]


@pytest.mark.parametrize(
    ("key", "parsed"),
    [
        ("AMAZON.YesIntent", ("AMAZON.YesIntent", {})),
        ("RedFlagIntent flag=fever", ("RedFlagIntent", {"flag": "fever"})),
        ('IceReminderIntent duration="fifteen minutes"',
         ("IceReminderIntent", {"duration": "fifteen minutes"})),
        ("my hip hurts", None), ("Intent", None), ("RedFlagIntent fever", None),
    ],
)
def test_intent_steps(key, parsed):
    assert parse_intent_step(key) == parsed


@pytest.mark.parametrize(("text", "hours"), [("+2d", 48), ("90m", 1.5), ("-1h", -1), ("+1w", 168)])
def test_clock_offsets(text, hours):
    assert parse_offset(text).total_seconds() == hours * 3600


def test_a_bad_clock_offset_says_how_to_write_one():
    with pytest.raises(ValueError, match=r"\+2d"):
        parse_offset("soon")


def test_the_configured_user_and_device_reach_the_envelope(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          user: alice
          device: voice
          locale: en-GB
          now: 2026-11-27T10:00:00+00:00
          permissions:
            alexa::alerts:timers:skill:readwrite: GRANTED
        ---
        - test: alice on a speaker
        - LaunchRequest: "*"
        """)
    echo = Echo()
    run(path, echo)
    envelope = echo.envelopes[0]
    assert envelope["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert envelope["request"]["locale"] == "en-GB"
    assert envelope["session"]["user"]["userId"] == Simulator(user_id="alice").user_id
    scopes = envelope["context"]["System"]["user"]["permissions"]["scopes"]
    assert scopes == {"alexa::alerts:timers:skill:readwrite": {"status": "GRANTED"}}
    json.dumps(envelope)


def test_now_without_a_timezone_is_refused(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          now: "2026-11-27T10:00:00"
        ---
        - test: naive
        - LaunchRequest: "*"
        """)
    with pytest.raises(ValueError, match="timezone"):
        run(path)


def test_the_simulator_fixture_is_fresh(simulator):
    assert isinstance(simulator, Simulator) and not simulator.session_open
    assert simulator.now.tzinfo is not None and simulator.now <= datetime.now(UTC)
