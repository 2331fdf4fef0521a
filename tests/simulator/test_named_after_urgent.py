"""After an injury's urgent advice, what the pain may be is said as a thing to ask when it is
checked; never before the advice, beside an infection's signs, or for a child."""

from __future__ import annotations

from skill.simulator import Simulator

SPLITS = "doing the splits I felt a sharp pull in my groin and now I can't put weight on my leg"


def _opening(words: str) -> tuple[str, dict[str, object]]:
    sim = Simulator()
    sim.launch()
    turn = sim.say(words)
    return turn.speech, dict(turn.session_attributes)


def test_an_injury_that_cannot_bear_weight_names_what_to_ask_after_the_urgent_advice() -> None:
    speech, attrs = _opening(SPLITS)
    assert attrs["triage"] == "urgent" and attrs["condition"]
    assert speech.index("seek medical attention straight away") < speech.index("ask whether it may be")


def test_beside_a_fever_no_condition_is_named() -> None:
    speech, attrs = _opening(f"{SPLITS}, and I've had a fever since last night")
    assert attrs["triage"] == "urgent"
    assert not attrs.get("condition") and "ask whether it may be" not in speech


def test_for_a_child_no_condition_is_named_beside_urgent_advice() -> None:
    speech, attrs = _opening("my son was doing the splits and hurt his groin, now he can't stand on it")
    assert attrs["triage"] == "urgent"
    assert "ask whether it may be" not in speech


def test_the_condition_named_after_urgent_advice_is_said_with_its_article() -> None:
    speech, attrs = _opening(SPLITS)
    assert attrs["condition"] == "muscle_strain"
    assert "ask whether it may be a muscle strain" in speech


def test_after_a_fall_an_overuse_condition_is_not_suggested() -> None:
    speech, attrs = _opening("I fell down the stairs yesterday and now I can't bear weight on my right leg")
    assert attrs["triage"] == "urgent"
    assert "ask whether it may be" not in speech and not attrs.get("condition")


def test_a_runners_leg_that_gives_way_may_be_asked_about_as_a_stress_fracture() -> None:
    speech, attrs = _opening("I've been training for a marathon and on my long run my leg gave way "
                             "and now I can't put weight on it")
    assert attrs["triage"] == "urgent" and attrs["condition"] == "stress_fracture"
    assert "ask whether it may be a stress fracture of the hip" in speech
