"""On a shared device (no recognised speaker) nothing remembered is said until the person asks
to pick up where they left off; a recognised person hears their own memory as before."""

from __future__ import annotations

from skill.core import intents
from skill.core.memory import bring_back, recall, remembered
from skill.core.state import State
from skill.core.triage import SAFE, URGENT
from tests.support.talk import Talk

HEALTH_LINES = {"dialog.welcome_back", "dialog.welcome_back_condition", "dialog.welcome_back_urgent",
                "dialog.assess_due", "dialog.ask_check_in", "dialog.resume_condition",
                "dialog.resume_onset", "dialog.resume_urgent"}
LAST_TIME = {"onset": "2026-11-20", "condition": "gtps", "disclaimer_heard": True,
             "screened_on": "2026-11-20", "screening": SAFE}


def shared(memory: dict[str, object], today: str = "2026-11-25") -> Talk:
    return Talk(state=recall(State(today=today), memory, shared=True))


def test_a_shared_launch_says_nothing_remembered_and_offers_to_pick_up() -> None:
    talk = shared(LAST_TIME, today="2026-12-05")  # fifteen days: unprompted, this would be said
    out = talk(intents.LAUNCH)
    assert not HEALTH_LINES & set(talk.keys)
    assert talk.keys[:3] == ["dialog.welcome", "dialog.disclaimer", "dialog.resume_offer"]
    assert "greater trochanteric" not in out.text and "days" not in out.text


def test_on_a_shared_device_the_full_safety_questions_are_asked() -> None:
    talk = shared(LAST_TIME)
    talk(intents.LAUNCH)
    talk("RiceIntent")
    assert talk.keys[-1] == "safety.fever.ask"


def test_asking_to_pick_up_brings_back_the_condition_and_the_days() -> None:
    talk = shared(LAST_TIME)
    talk(intents.LAUNCH)
    out = talk(intents.RESUME)
    assert talk.keys[:2] == ["dialog.resume_condition", "dialog.resume_onset"]
    assert "greater trochanteric" in out.text and "five days" in out.text
    assert talk.state.onset == "2026-11-20" and talk.state.returning
    talk("RiceIntent")
    assert talk.keys[-1] == "dialog.ask_check_in"  # now the one-breath check of a later visit


def test_picking_up_after_a_week_says_it_is_time_for_a_provider() -> None:
    talk = shared(LAST_TIME, today="2026-11-28")
    talk(intents.LAUNCH)
    talk(intents.RESUME)
    assert "dialog.assess_due" in talk.keys


def test_picking_up_after_an_urgent_visit_repeats_the_warning() -> None:
    talk = shared({"screening": URGENT, "screened_on": "2026-11-24"})
    talk(intents.LAUNCH)
    talk(intents.RESUME)
    assert talk.keys[0] == "dialog.resume_urgent"


def test_with_nothing_remembered_there_is_nothing_to_pick_up() -> None:
    talk = shared({})
    talk(intents.LAUNCH)
    assert "dialog.resume_offer" not in talk.keys
    talk(intents.RESUME)
    assert talk.keys[0] == "dialog.resume_nothing"


def test_what_is_held_back_is_kept_not_erased_by_a_shared_session() -> None:
    talk = shared(LAST_TIME)
    talk(intents.LAUNCH)
    talk(intents.DESCRIBE, location="groin")
    kept = remembered(talk.state)
    assert kept["onset"] == "2026-11-20" and kept["screening"] == SAFE


def test_what_this_session_said_wins_over_what_is_brought_back() -> None:
    state = recall(State(today="2026-11-25"), LAST_TIME, shared=True).with_(onset="2026-11-24")
    assert bring_back(state).onset == "2026-11-24"


def test_a_recognised_person_is_welcomed_back_with_their_own_memory() -> None:
    talk = Talk(state=recall(State(today="2026-11-25"), LAST_TIME, shared=False))
    talk(intents.LAUNCH)
    assert talk.keys[0] == "dialog.welcome_back_condition"
    talk(intents.RESUME)
    assert "dialog.resume_condition" in talk.keys


def test_a_shared_record_holding_only_the_disclaimer_offers_nothing_to_pick_up() -> None:
    talk = shared({"disclaimer_heard": True})
    talk(intents.LAUNCH)
    assert "dialog.resume_offer" not in talk.keys and "dialog.disclaimer" in talk.keys
