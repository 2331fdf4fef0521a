"""A child is not a small adult: no adult condition is named and no self-care is offered, even
once the three safety questions are answered safely (NHS: a child's hip pain is checked)."""

from __future__ import annotations

from skill.simulator import Simulator


def test_a_child_answered_safe_is_told_to_be_checked_and_offered_no_self_care() -> None:
    sim = Simulator()
    sim.launch()
    first = sim.say("my daughter's hip hurts on the outside when she lies on it, she's eight")
    assert "trochanteric" not in first.speech and not first.session_attributes.get("condition")
    for answer in ("no", "no", "yes"):
        turn = sim.say(answer)
    assert "for adults" in turn.speech and "self-care tips, one step" not in turn.speech
    tips = sim.say("can I have the self-care steps")
    assert "Rest" not in tips.speech and "for adults" in tips.speech


def test_a_teenager_speaking_for_themselves_with_a_limp_is_urgent() -> None:
    sim = Simulator()
    sim.launch()
    turn = sim.say("I'm fifteen and my knee and hip hurt, I've been limping")
    assert turn.session_attributes.get("triage") == "urgent"
