"""'Not sure' is never a safe answer; said twice to the same safety question, the skill says to
have it checked rather than asking the same thing for ever, and still gives no self-care."""

from __future__ import annotations

from skill.simulator import Simulator


def test_a_second_not_sure_says_to_have_it_checked_and_keeps_asking() -> None:
    sim = Simulator()
    sim.launch()
    sim.say("my outer hip hurts when I lie on it")
    first = sim.say("not sure")
    second = sim.say("no idea")
    assert "see your doctor today" not in first.speech
    assert "see your doctor today" in second.speech
    assert second.session_attributes["triage"] == "see_provider"
    assert second.session_attributes["pending"] == "safety:fever"
    assert "self-care tips" not in second.speech
