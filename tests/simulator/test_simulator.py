"""The Simulator speaks to the skill exactly as Alexa would: envelopes, sessions, clock, device."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.simulator import Card, Simulator, Turn
from skill.simulator.envelope import FAKE_SKILL_ID, skill_id_from_manifest, user_id_for
from skill.simulator.turn import ssml_to_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "model-en-US.json"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


class Recorder:
    """A stand-in skill: remembers each envelope and answers with a scripted response."""

    def __init__(self, **response: Any) -> None:
        self.envelopes: list[dict[str, Any]] = []
        self.response = {"outputSpeech": {"type": "SSML", "ssml": "<speak>Hello</speak>"},
                         "shouldEndSession": False, **response}
        self.attributes: dict[str, Any] = {}

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.envelopes.append(event)
        count = len(self.envelopes)
        self.attributes = {**(event["session"].get("attributes") or {}), "turns": count}
        return {"version": "1.0", "sessionAttributes": self.attributes,
                "response": json.loads(json.dumps(self.response))}


def make(handler: Any = None, **kwargs: Any) -> Simulator:
    return Simulator(now=NOW, handler=handler or Recorder(), model=FIXTURE, skill_id="sk",
                     **kwargs)


def test_a_launch_envelope_is_shaped_like_alexas():
    recorder = Recorder()
    make(recorder).launch()
    envelope = recorder.envelopes[0]
    assert envelope["version"] == "1.0"
    assert envelope["session"]["new"] is True
    assert envelope["session"]["application"] == {"applicationId": "sk"}
    assert envelope["session"]["sessionId"].startswith("amzn1.echo-api.session.")
    assert envelope["session"]["user"]["userId"].startswith("amzn1.ask.account.")
    system = envelope["context"]["System"]
    assert system["device"]["deviceId"].startswith("amzn1.ask.device.")
    assert system["apiEndpoint"] == "https://api.amazonalexa.com" and system["apiAccessToken"]
    request = envelope["request"]
    assert request["type"] == "LaunchRequest" and request["locale"] == "en-US"
    assert request["timestamp"] == "2026-11-27T10:00:00Z"
    assert request["requestId"].startswith("amzn1.echo-api.request.")


def test_the_envelope_deserialises_into_the_sdks_request_model():
    recorder = Recorder()
    sim = make(recorder)
    sim.launch()
    sim.say("my outer hip hurts when I lie on it")
    payload = json.dumps(recorder.envelopes[-1])
    envelope = DefaultSerializer().deserialize(payload, RequestEnvelope)
    slot = envelope.request.intent.slots["location"]
    assert slot.resolutions.resolutions_per_authority[0].values[0].value.id == "outer_hip"
    assert envelope.context.system.device.supported_interfaces.alexa_presentation_apl


def test_a_screen_device_has_apl_display_and_a_viewport_and_a_voice_device_none():
    screen, voice = Recorder(), Recorder()
    make(screen).launch()
    make(voice, device="voice").launch()
    interfaces = screen.envelopes[0]["context"]["System"]["device"]["supportedInterfaces"]
    assert {"Alexa.Presentation.APL", "Display"} <= set(interfaces)
    assert "Viewport" in screen.envelopes[0]["context"]
    assert voice.envelopes[0]["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert "Viewport" not in voice.envelopes[0]["context"]


def test_session_attributes_carry_from_turn_to_turn_in_one_session():
    recorder = Recorder()
    sim = make(recorder)
    sim.launch()
    turn = sim.say("yes")
    second = recorder.envelopes[1]["session"]
    assert second["new"] is False and second["attributes"] == {"turns": 1}
    assert second["sessionId"] == recorder.envelopes[0]["session"]["sessionId"]
    assert turn.session_attributes == {"turns": 2}


def test_a_new_session_starts_after_the_skill_ends_one():
    recorder = Recorder(shouldEndSession=True)
    sim = make(recorder)
    assert sim.launch().end_session
    sim.say("help")
    first, second = recorder.envelopes
    assert second["session"]["new"] is True and "attributes" not in second["session"]
    assert second["session"]["sessionId"] != first["session"]["sessionId"]


def test_end_sends_a_user_initiated_session_ended_request_and_closes_the_session():
    recorder = Recorder()
    sim = make(recorder)
    sim.launch()
    turn = sim.end()
    assert recorder.envelopes[-1]["request"]["type"] == "SessionEndedRequest"
    assert recorder.envelopes[-1]["request"]["reason"] == "USER_INITIATED"
    assert turn.intent == "SessionEndedRequest" and turn.end_session
    assert not sim.session_open


@pytest.mark.parametrize("text", ["open hip helper", "launch hip helper", "ask hip helper"])
def test_invocation_phrases_launch(text):
    recorder = Recorder()
    turn = make(recorder).say(text)
    assert turn.intent == "LaunchRequest"
    assert recorder.envelopes[0]["request"]["type"] == "LaunchRequest"


def test_a_one_shot_starts_a_new_session_with_the_intent():
    recorder = Recorder()
    sim = make(recorder)
    sim.launch()
    turn = sim.say("ask hip helper what is bursitis")
    envelope = recorder.envelopes[-1]
    assert envelope["session"]["new"] is True
    assert envelope["request"]["intent"]["name"] == "AboutConditionIntent"
    assert turn.slots == {"condition": "bursitis"}


def test_say_without_a_session_opens_one_like_a_one_shot():
    recorder = Recorder()
    turn = make(recorder).say("stop")
    assert recorder.envelopes[0]["session"]["new"] is True
    assert turn.intent == "AMAZON.StopIntent"


def test_intent_resolves_custom_slot_values_through_the_model():
    recorder = Recorder()
    sim = make(recorder)
    sim.intent("RedFlagIntent", flag="a temperature")
    slot = recorder.envelopes[0]["request"]["intent"]["slots"]["flag"]
    assert slot["resolutions"]["resolutionsPerAuthority"][0]["values"][0]["value"] == {
        "name": "fever", "id": "fever"}
    assert slot["resolutions"]["resolutionsPerAuthority"][0]["authority"] == (
        "amzn1.er-authority.echo-sdk.sk.RedFlag")


@pytest.mark.parametrize(("given", "sent"), [("fifteen minutes", "PT15M"), ("PT20M", "PT20M")])
def test_intent_turns_spoken_built_in_values_into_alexas_form(given, sent):
    recorder = Recorder()
    make(recorder).intent("IceReminderIntent", duration=given)
    assert recorder.envelopes[0]["request"]["intent"]["slots"]["duration"]["value"] == sent


def test_intent_accepts_a_value_id():
    recorder = Recorder()
    make(recorder).intent("AboutConditionIntent", condition="gtps")
    slot = recorder.envelopes[0]["request"]["intent"]["slots"]["condition"]
    assert slot["value"] == "greater trochanteric pain syndrome"


def test_the_clock_is_settable_and_drives_timestamps_and_dates():
    recorder = Recorder()
    sim = make(recorder)
    sim.now = NOW + timedelta(days=2)
    sim.say("it started yesterday")
    request = recorder.envelopes[0]["request"]
    assert request["timestamp"] == "2026-11-29T10:00:00Z"
    assert request["intent"]["slots"]["started"]["value"] == "2026-11-28"


def test_the_clock_must_be_timezone_aware():
    with pytest.raises(ValueError, match="timezone"):
        Simulator(now=datetime(2026, 11, 27, 10, 0))


def test_without_a_set_time_the_clock_is_real():
    before = datetime.now(UTC)
    assert before <= Simulator(handler=Recorder()).now <= datetime.now(UTC)


def test_the_turn_strips_ssml_and_reads_reprompt_and_card():
    recorder = Recorder(
        outputSpeech={"type": "SSML", "ssml": "<speak>Rest &amp; ice.<break time='1s'/>"
                      "Then <emphasis>heat</emphasis>.</speak>"},
        reprompt={"outputSpeech": {"type": "PlainText", "text": "Anything else?"}},
        card={"type": "Simple", "title": "Ice", "content": "Twenty minutes."},
    )
    turn = make(recorder).launch()
    assert isinstance(turn, Turn)
    assert turn.speech == "Rest & ice. Then heat."
    assert turn.ssml.startswith("<speak>")
    assert turn.reprompt == "Anything else?"
    assert turn.card == Card("Ice", "Twenty minutes.") and turn.card.title == "Ice"


@pytest.mark.parametrize(("flag", "screen", "ended"),
                         [(True, True, True), (False, False, False), (None, True, False),
                          (None, False, True)])
def test_should_end_session_as_alexa_treats_it(flag, screen, ended):
    response = {"outputSpeech": {"type": "PlainText", "text": "Hi"}}
    if flag is not None:
        response["shouldEndSession"] = flag
    recorder = Recorder()
    recorder.response = response
    turn = make(recorder, device="screen" if screen else "voice").launch()
    assert turn.end_session is ended


def test_an_elicit_slot_directive_makes_the_next_answer_fill_that_slot():
    recorder = Recorder(directives=[{
        "type": "Dialog.ElicitSlot", "slotToElicit": "location",
        "updatedIntent": {"name": "DescribePainIntent", "confirmationStatus": "NONE",
                          "slots": {"location": {"name": "location",
                                                 "confirmationStatus": "NONE"}}}}])
    sim = make(recorder)
    sim.say("my hip hurts")
    turn = sim.say("um the groin")
    request = recorder.envelopes[-1]["request"]
    assert request["dialogState"] == "IN_PROGRESS"
    assert request["intent"]["name"] == "DescribePainIntent" == turn.intent
    assert request["intent"]["slots"]["location"]["value"] == "groin"


def test_a_confirm_intent_directive_turns_yes_into_confirmed():
    recorder = Recorder(directives=[{
        "type": "Dialog.ConfirmIntent",
        "updatedIntent": {"name": "ForgetMeIntent", "confirmationStatus": "NONE"}}])
    sim = make(recorder)
    sim.say("forget me")
    sim.say("yes")
    intent = recorder.envelopes[-1]["request"]["intent"]
    assert (intent["name"], intent["confirmationStatus"]) == ("ForgetMeIntent", "CONFIRMED")


def test_ssml_to_text_unescapes_entities_and_tidies_spaces():
    assert ssml_to_text("<speak>It&apos;s <say-as interpret-as='digits'>911</say-as> .</speak>"
                        ) == "It's 911."


def test_user_ids_are_stable_per_name_and_the_default_skill_id_is_fake_or_the_manifests(tmp_path):
    assert user_id_for("bob") == user_id_for("bob") != user_id_for("alice")
    assert user_id_for("amzn1.ask.account.X") == "amzn1.ask.account.X"
    manifest = tmp_path / "skill.json"
    assert skill_id_from_manifest(manifest) is None
    manifest.write_text(json.dumps({"manifest": {}, "skillId": "amzn1.ask.skill.real"}))
    assert skill_id_from_manifest(manifest) == "amzn1.ask.skill.real"
    assert FAKE_SKILL_ID.startswith("amzn1.ask.skill.")


def test_a_missing_model_is_reported_clearly():
    sim = Simulator(locale="xx-XX", handler=Recorder())
    with pytest.raises(FileNotFoundError, match="xx-XX"):
        sim.say("hello")


def test_the_real_skill_answers_through_lambda_handler(simulator):
    simulator.now = NOW
    launch = simulator.launch()
    assert launch.speech and not launch.end_session
    assert launch.response["version"] == "1.0"
    stop = simulator.say("stop")
    assert stop.intent == "AMAZON.StopIntent" and stop.end_session


def test_a_store_keeps_memory_apart_and_an_api_client_reaches_the_skill(tmp_path):
    from skill.simulator.services import LocalAlexaApi

    api = LocalAlexaApi()
    timers = "alexa::alerts:timers:skill:readwrite"
    sim = Simulator(now=NOW, store=tmp_path / "memory.db", api_client=api,
                    permissions={timers: "GRANTED"})
    for text in ("open hip helper", "my outer hip hurts when I lie on it", "no", "no", "yes"):
        sim.say(text)
    turn = sim.say("start an ice timer")
    scopes = turn.request["context"]["System"]["user"]["permissions"]["scopes"]
    assert scopes == {timers: {"status": "GRANTED"}}
    assert (tmp_path / "memory.db").exists()
    assert [s.kind for s in api.scheduled] == ["timer"]


def test_say_prints_each_turn_without_colour_when_not_a_terminal(tmp_path, capsys):
    from skill.simulator.cli import main

    code = main(["say", "--store", str(tmp_path / "m.db"), "open hip helper", "stop"])
    out = capsys.readouterr().out
    assert code == 0
    assert "You: open hip helper" in out and "Alexa: " in out and "[session ended]" in out
    assert "[AMAZON.StopIntent]" in out and "\033[" not in out


def test_say_explain_shows_the_nlus_reasoning_and_json_the_envelopes(tmp_path, capsys):
    from skill.simulator.cli import main

    main(["say", "--explain", "--json", "--store", str(tmp_path / "m.db"),
          "my outer hip hurts when I lie on it"])
    out = capsys.readouterr().out
    assert "NLU: DescribePainIntent 1.00" in out and "location='outer hip'->outer_hip" in out
    assert '"requestId": "amzn1.echo-api.request.' in out


def test_chat_reads_until_quit_and_keeps_history(tmp_path, monkeypatch, capsys):
    from skill.simulator.cli import main

    lines = iter(["open hip helper", "/clock +1d", "help", "quit"])
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))
    assert main(["chat", "--store", str(tmp_path / "m.db"), "--user", "bob"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Type what you'd say to Alexa, e.g. 'open hip helper'")
    assert "[LaunchRequest]" in out and "clock: " in out and "[AMAZON.HelpIntent]" in out


def test_chat_ends_on_eof(tmp_path, monkeypatch):
    from skill.simulator.cli import main

    def eof(prompt=""):
        raise EOFError

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("builtins.input", eof)
    assert main(["chat", "--store", str(tmp_path / "m.db")]) == 0


def test_colour_only_for_a_terminal_without_no_color(monkeypatch):
    import io

    from skill.simulator.cli import Printer

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Printer(Terminal()).colour
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Printer(Terminal()).colour
    assert not Printer(io.StringIO()).colour


def test_an_unknown_locale_is_an_error_not_a_traceback(capsys):
    from skill.simulator.cli import main

    assert main(["say", "--locale", "xx-XX", "hello"]) == 1
    assert "xx-XX" in capsys.readouterr().err


def test_nlu_eval_exit_code_follows_the_targets(tmp_path, capsys):
    from skill.simulator.cli import main

    (tmp_path / "en-US.json").write_text(FIXTURE.read_text())
    absent = tmp_path / "absent.yaml"
    assert main(["nlu-eval", "--models", str(tmp_path), "--paraphrases", str(absent)]) == 0
    assert "not found; skipped" in capsys.readouterr().out
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("en-US:\n  - {text: my outer hip hurts, intent: IceIntent}\n")
    assert main(["nlu-eval", "--models", str(tmp_path), "--paraphrases", str(wrong)]) == 1
    assert "expected IceIntent" in capsys.readouterr().out
