"""Two things said anywhere in the words that together are a warning sign: more training, and
pain each time the foot lands, are a suspected stress fracture however much is said between;
either alone, or the training negated, is not."""

from __future__ import annotations

import pytest

from tests.core.test_reader import present


@pytest.mark.parametrize("text", [
    "I've been stepping up my mileage for the half and I bought new trainers and changed my "
    "diet, and now the front of my hip is sore with every stride",
    "since I doubled my running the groin pain comes on every time my foot lands",
])
def test_more_training_and_pain_on_landing_said_apart_are_a_stress_fracture(text: str) -> None:
    assert "stress_fracture" in present(text)


@pytest.mark.parametrize("text", [
    # the pain on landing without more training
    "my hip hurts every time I land on that foot after a long walk",
    # more training without pain on landing
    "I've been upping my mileage and my outer hip aches when I lie on it",
    # the training negated
    "I haven't increased my mileage at all, but it hurts with every stride",
])
def test_either_alone_or_the_training_denied_is_not(text: str) -> None:
    assert "stress_fracture" not in present(text)
