"""What is remembered between sessions, and how a later visit uses it (pure core only)."""

from __future__ import annotations

import pytest

from skill.core import intents
from skill.core.action_outcomes import ASKING, DENIED, DONE, FAILED, after_action, spoken_duration
from skill.core.memory import KEYS, recall, remembered
from skill.core.state import State
from skill.core.triage import SAFE, SEE_PROVIDER, URGENT
from tests.support.talk import Talk, screened


def day_talk(today: str, memory: dict | None = None) -> Talk:
    state = State(today=today)
    return Talk(state=recall(state, memory) if memory is not None else state)


def test_onset_said_while_describing_is_remembered() -> None:
    talk = day_talk("2026-11-23")
    talk(intents.DESCRIBE, location="outer_hip", started="2026-11-23")
    assert talk.state.onset == "2026-11-23"
    assert "dialog.onset_noted" in talk.keys
    assert remembered(talk.state)["onset"] == "2026-11-23"


def test_only_the_listed_things_are_ever_remembered() -> None:
    talk = day_talk("2026-11-23")
    talk(intents.DESCRIBE, location="outer_hip", duration="P1D")
    screened(talk)
    kept = remembered(talk.state)
    assert set(kept) <= set(KEYS)
    assert kept == {
        "onset": "2026-11-22", "condition": "gtps", "disclaimer_heard": True,
        "screened_on": "2026-11-23", "screening": SAFE,
    }


def test_ice_or_heat_in_the_first_two_days_is_ice() -> None:
    talk = day_talk("2026-11-24", {"onset": "2026-11-23", "screening": SAFE})
    talk(intents.LAUNCH)
    talk("IceOrHeatIntent")
    out = talk(intents.NO)  # the one-breath check
    assert "only been about a day" in out.text
    assert "dialog.ice_early" in talk.keys and "topic.ice.say" in talk.keys


@pytest.mark.parametrize(("answer", "topic"), [(intents.YES, "heat"), (intents.NO, "ice")])
def test_after_two_days_the_swelling_question_decides(answer: str, topic: str) -> None:
    talk = day_talk("2026-11-26", {"onset": "2026-11-23", "screening": SAFE})
    talk("IceOrHeatIntent")
    assert talk.keys[-1] == "dialog.ask_check_in"
    talk(intents.NO)
    out = talk.out
    assert out is not None and "about three days" in out.text
    assert talk.keys[-1] == "dialog.ask_swelling"
    talk(answer)
    assert f"topic.{topic}.say" in talk.keys


def test_ice_or_heat_without_an_onset_asks_when_it_started() -> None:
    talk = day_talk("2026-11-26")
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk("IceOrHeatIntent")
    assert talk.keys[-1] == "dialog.ask_onset"
    talk(intents.STARTED, started="2026-11-25")
    assert "dialog.ice_early" in talk.keys


def test_not_knowing_when_it_started_gets_the_general_advice() -> None:
    talk = day_talk("2026-11-26")
    talk(intents.DESCRIBE, location="outer_hip")
    screened(talk)
    talk("IceOrHeatIntent")
    talk(intents.NO)
    assert "topic.ice_or_heat.say" in talk.keys


def test_day_seven_says_it_is_time_for_a_provider() -> None:
    talk = day_talk("2026-11-30", {"onset": "2026-11-23"})
    talk(intents.LAUNCH)
    assert talk.keys[:2] == ["dialog.welcome", "dialog.disclaimer"]
    assert "dialog.assess_due" in talk.keys
    assert talk.state.triage == SEE_PROVIDER


def test_day_ten_says_so_first() -> None:
    talk = day_talk("2026-12-03", {"onset": "2026-11-23", "disclaimer_heard": True})
    out = talk(intents.LAUNCH)
    assert talk.keys[0] == "dialog.assess_due"
    assert "about ten days" in out.text


def test_returning_visit_gets_one_combined_check_and_no_disclaimer() -> None:
    talk = day_talk("2026-11-25", {"screening": SAFE, "disclaimer_heard": True, "condition": "gtps"})
    out = talk(intents.LAUNCH)
    assert talk.keys[0] == "dialog.welcome_back_condition"
    assert "greater trochanteric" in out.text
    talk("RiceIntent")
    assert talk.keys[-1] == "dialog.ask_check_in"
    talk(intents.NO)
    assert "topic.rice.say" in talk.keys


def test_a_yes_to_the_combined_check_is_urgent_at_once() -> None:
    talk = day_talk("2026-11-25", {"screening": SAFE})
    talk(intents.SELF_CARE)
    talk(intents.YES)
    assert talk.keys[:2] == ["dialog.check_in_urgent", "level.urgent.say"]
    assert talk.state.triage == URGENT
    assert remembered(talk.state)["screening"] == URGENT
    talk("RiceIntent")
    assert "topic.rice.say" not in talk.keys

def test_an_urgent_last_visit_gets_the_full_questions_again() -> None:
    talk = day_talk("2026-11-25", {"screening": URGENT})
    talk(intents.SELF_CARE)
    assert talk.keys[-1] == "safety.fever.ask"


def test_timer_waits_for_screening_then_becomes_an_action() -> None:
    talk = day_talk("2026-11-25")
    talk(intents.ICE_TIMER)
    assert talk.keys[-1] == "safety.fever.ask"
    assert talk.reply is not None and talk.reply.action is None
    screened(talk)
    assert talk.reply is not None
    assert talk.reply.action == {"kind": "timer", "seconds": "900"}


def test_reminder_takes_the_spoken_duration() -> None:
    talk = day_talk("2026-11-25")
    screened_state = {"fever": SAFE, "injury": SAFE, "weight": SAFE}
    talk.state = talk.state.with_(safety=screened_state)
    talk(intents.ICE_REMINDER, duration="PT3H")
    assert talk.reply is not None and talk.reply.action == {"kind": "reminder", "seconds": "10800"}


@pytest.mark.parametrize(
    ("outcome", "key"),
    [(DONE, "dialog.timer_done"), (DENIED, "dialog.timer_denied"), (FAILED, "dialog.timer_failed"),
     (ASKING, "dialog.timer_permission")],
)
def test_timer_outcomes_are_spoken(outcome: str, key: str) -> None:
    talk = day_talk("2026-11-25")
    talk.state = talk.state.with_(safety={"fever": SAFE, "injury": SAFE, "weight": SAFE})
    talk(intents.ICE_TIMER)
    assert talk.reply is not None
    reply = after_action(talk.reply, outcome, talk.content)
    keys = [line.key for line in reply.lines]
    assert key in keys
    assert (reply.ask is None) == (outcome == ASKING)


def test_reminder_done_says_when() -> None:
    talk = day_talk("2026-11-25")
    talk.state = talk.state.with_(safety={"fever": SAFE, "injury": SAFE, "weight": SAFE})
    talk(intents.ICE_REMINDER, duration="PT2H")
    assert talk.reply is not None
    reply = after_action(talk.reply, DONE, talk.content)
    assert reply.lines[-1].params["when"] == "two hours"


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (5400, "an hour and a half"), (900, "fifteen minutes"), (1800, "half an hour"),
        (3600, "an hour"), (7200, "two hours"), (9000, "two and a half hours"),
        (4200, "an hour and ten minutes"), (60, "one minute"),
    ],
)
def test_durations_are_spoken_as_people_say_them(seconds: int, said: str) -> None:
    assert spoken_duration(Talk().content, seconds) == said


def test_forget_me_confirms_then_forgets_and_stops_saving() -> None:
    talk = day_talk("2026-11-25", {"onset": "2026-11-20", "screening": SAFE})
    talk(intents.FORGET_ME)
    assert talk.keys[-1] == "dialog.ask_forget"
    talk(intents.YES)
    assert talk.reply is not None and talk.reply.action == {"kind": "forget"}
    reply = after_action(talk.reply, DONE, talk.content)
    assert reply.state.onset is None and reply.state.forgotten
    assert remembered(reply.state) == {}


def test_forget_me_no_keeps_everything() -> None:
    talk = day_talk("2026-11-25", {"onset": "2026-11-20"})
    talk(intents.FORGET_ME)
    talk(intents.NO)
    assert talk.keys[0] == "dialog.kept"
    assert talk.state.onset == "2026-11-20"


def test_not_sure_at_the_combined_check_asks_the_questions_singly() -> None:
    talk = day_talk("2026-11-25", {"screening": SAFE})
    talk(intents.SELF_CARE)
    talk(intents.UNSURE)
    assert talk.keys == ["dialog.one_at_a_time", "safety.fever.ask"]
    screened(talk)
    assert "topic.self_care_intro.say" in talk.keys

def test_a_visit_after_an_urgent_one_asks_whether_it_was_checked() -> None:
    talk = day_talk("2026-11-25", {"screening": URGENT, "disclaimer_heard": True})
    talk(intents.LAUNCH)
    assert talk.keys[0] == "dialog.welcome_back_urgent"


def test_saying_again_how_long_it_has_hurt_is_not_a_failed_week_of_self_care() -> None:
    talk = day_talk("2026-12-01")
    talk(intents.DESCRIBE, location="outer_hip", started="2026-11-23")
    talk(intents.STARTED, started="2026-11-23")
    assert "dialog.assess_due" not in talk.keys
    assert talk.state.triage != SEE_PROVIDER


def test_an_onset_remembered_from_an_earlier_visit_said_again_is_time_for_a_provider() -> None:
    talk = day_talk("2026-12-01", {"onset": "2026-11-23"})
    talk(intents.DESCRIBE, location="outer_hip", started="2026-11-23")
    assert "dialog.assess_due" in talk.keys
