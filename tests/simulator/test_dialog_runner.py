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
from skill.simulator.dialogtest import DialogFailure, check, matches, matches_plain, run_dialog
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
    [  # Bespoken's matcher (skill-testing-ml Assertion.evaluateString): case-sensitive pattern
        ("Hello there", "Hello", True), ("Hello there", "hello", False),
        ("Hello there", "goodbye", False), ("Step one of four", "Step * of four", True),
        ("<speak>I&apos;m</speak>", "I&apos;m", True), ("a+b?", "a+b?", True),
        ("Greater trochanteric pain", "/trochanteric/i", True),
        ("Greater", "/^greater$/", False), ("Greater", "/^Greater$/", True),
        ("anything", "*", True), ("", "*", True), (None, "*", False),
        (None, "undefined", True), ("x", "undefined", False),
        ("Hello", ["bye", "Hel"], True), ("Hello", ["bye", "ciao"], False),
        (True, True, True), (False, True, False), (True, "true", True), (False, False, True),
        (15, 15, True), ("15", 15, True), ("(", "(", False),
    ],
)
def test_the_bespoken_matcher(actual, expected, ok):
    assert matches(actual, expected) is ok


@pytest.mark.parametrize(
    ("actual", "expected", "ok"),
    [  # the speech extension: plain text, case-insensitive
        ("Hello there", "hello", True), ("Hello   there", "hello there", True),
        ("It's here", "it's", True), ("", "*", False), ("", "undefined", True),
        ("Greater", "/^greater$/i", True), ("Hello", ["bye", "hel"], True),
    ],
)
def test_the_speech_matcher(actual, expected, ok):
    assert matches_plain(actual, expected) is ok


def test_yes_and_no_steps_stay_utterances_not_booleans(tmp_path):
    path = write(tmp_path, """
        - test: answers
        - no: fever
        - yes: "*"
        - on: "*"
        """)
    steps = load_dialogs(path)[0].steps
    assert [s.key for s in steps] == ["no", "yes", "on"]
    assert [(a.target, a.expected) for a in steps[0].assertions] == [("prompt", "fever")]


def test_step_values_cover_the_bespoken_forms(tmp_path):
    path = write(tmp_path, """
        - test: forms
        - tags: a, b
        - LaunchRequest: "*"
        - help:
            - prompt: [hello, hi]
        - stop:
            - prompt: bye
            - sessionEnded: true
        - repeat
        """)
    test = load_dialogs(path)[0]
    steps = test.steps
    assert test.tags == ("a", "b")
    assert [(a.target, a.expected) for a in steps[1].assertions] == [("prompt", ["hello", "hi"])]
    assert [(a.target, a.expected) for a in steps[2].assertions] == [
        ("prompt", "bye"), ("sessionEnded", True)]
    assert steps[3].assertions == ()


def test_intent_slots_and_request_keys_are_inputs_as_in_bespoken(tmp_path):
    path = write(tmp_path, """
        - test: inputs
        - anything at all:
            - intent: RedFlagIntent
              flag: fever
            - request.request.locale: en-GB
            - prompt: RedFlagIntent
        """)
    step = load_dialogs(path)[0].steps[0]
    assert step.intent == "RedFlagIntent" and step.slots == (("flag", "fever"),)
    assert step.request_sets == (("request.request.locale", "en-GB"),)
    echo = Echo()
    run(path, echo)
    sent = echo.envelopes[0]
    assert sent["request"]["intent"]["name"] == "RedFlagIntent"
    assert sent["request"]["intent"]["slots"]["flag"]["value"] == "fever"
    assert sent["request"]["locale"] == "en-GB"


def test_prompt_is_matched_against_the_ssml_and_speech_against_the_words(tmp_path):
    path = write(tmp_path, """
        - test: ssml
        - LaunchRequest:
            - prompt: <speak>You sent LaunchRequest.</speak>
            - speech: you sent launchrequest
            - speech: /^You sent/
        """)
    run(path)
    bad = write(tmp_path, """
        - test: words are not ssml
        - LaunchRequest:
            - prompt: you sent launchrequest
        """)
    with pytest.raises(DialogFailure):
        run(bad)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("- test: x\n- help:\n    prompt: hi\n", "as a list"),
        ("- test: x\n- help:\n    - slots.location: outer\n", "nlu.slots."),
        ("- test: x\n- help\n- test: y\n- help\n", "own `---` document"),
        ("---\nconfiguration:\n  locale: en-US\n---\n- test: x\n- help\n---\n"
         "configuration:\n  locale: en-GB\n", "file of their own"),
        ("- test: x\n- clock: +1d\n", "simulator-only"),
        ("- test: x\n- help:\n    - just words\n", "- prompt: just words"),
        ("- test: x\n- help:\n    - prompt: a\n      cardTitle: b\n", "only the first"),
        ("- test: x\n- help:\n    - prompt: \"/^(?![\\\\s\\\\S]*it's)/\"\n", "use speech"),
        ("- test: x\n- help:\n    - prompt: '/^(?!.*Here.s what)/'\n", "use speech"),
    ],
    ids=["mapping-step", "old-slot-assertion", "two-tests-one-document", "second-configuration",
         "untagged-clock", "bare-value", "two-checks-in-one-item", "vacuous-negative-prompt",
         "vacuous-negative-dot"],
)
def test_the_old_dialect_is_refused_with_the_fix(tmp_path, text, hint):
    with pytest.raises(DialogSyntaxError) as caught:
        load_dialogs(write(tmp_path, text))
    assert hint in str(caught.value)


def test_the_configuration_is_the_files_first_document(tmp_path):
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
        - LaunchRequest: "*"
        """)
    first, second = load_dialogs(path)
    assert first.config == second.config == {"locale": "en-GB", "user": "alice"}


def test_userid_is_the_alexa_id_itself_as_in_bespoken(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          userId: amzn1.ask.account.EXACT
        ---
        - test: one
        - LaunchRequest:
            - sent.session.user.userId: amzn1.ask.account.EXACT
        """)
    run(path)


def test_a_passing_dialog_asserts_on_every_kind_of_target(tmp_path):
    path = write(tmp_path, """
        ---
        configuration:
          now: 2026-11-27T10:00:00Z
        ---
        - test: every target
        - open hip helper:
            - prompt: LaunchRequest
            - reprompt: Anything
            - cardTitle: /hip/i
            - cardContent: "2026-11-27T10:00:00Z"
            - sessionEnded: false
            - nlu.intent: LaunchRequest
            - sessionAttributes.nested.condition: gtps
            - $.response.outputSpeech.type: SSML
            - response.card.type: Simple
            - sent.request.type: LaunchRequest
            - $.response.directives: undefined
        - my outer hip hurts:
            - nlu.intent: DescribePainIntent
            - nlu.slots.location: outer hip
            - sent.request.intent.slots.location.resolutions.resolutionsPerAuthority[0].values[0].value.id: outer_hip
        - RedFlagIntent flag=fever: RedFlagIntent
        - stop:
            - sessionEnded: true
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
        - tags: simulator-only
        - LaunchRequest:
            - cardContent: "2026-11-27T11:00:00Z"
        - clock: +2d
        - help:
            - cardContent: "2026-11-29T11:00:00Z"
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
    assert "Alexa said: '<speak>You sent AMAZON.StopIntent.</speak>'" in message


@pytest.mark.parametrize(
    ("assertion", "words"),
    [
        (Assertion("sessionAttributes.condition", "fai"), "it was: (absent)"),
        (Assertion("sessionEnded", True), "expected sessionEnded to be true"),
        (Assertion("prompt", ["bye", "/ciao/"]), "to match one of contain 'bye'"),
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
        "- test: x\n- LaunchRequest:\n    - colour: hi\n",  # unknown assertion
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
    path = write(tmp_path, "- test: a\n- help\n---\n- test: a\n- help\n")
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
