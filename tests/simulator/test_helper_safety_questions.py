"""Someone helping another person is asked the safety questions about that person, not about
themselves ("Can they put weight on that leg?"); the person in pain is asked about themselves."""

from __future__ import annotations

from skill.simulator import Simulator


def _to_weight_question(opening: str) -> tuple[str, str]:
    sim = Simulator()
    sim.launch()
    sim.say(opening)
    fever_again = sim.say("hmm").speech
    sim.say("no")
    weight = sim.say("no").speech
    return fever_again, weight


def test_a_helper_is_asked_whether_they_can_put_weight_on_it() -> None:
    fever_again, weight = _to_weight_question("my dad's outer hip hurts when he lies on it")
    assert "Have they felt hot" in fever_again
    assert "Can they put weight on that leg" in weight


def test_the_person_in_pain_is_asked_about_themselves() -> None:
    _, weight = _to_weight_question("my outer hip hurts when I lie on it")
    assert "Can you put weight on that leg" in weight
