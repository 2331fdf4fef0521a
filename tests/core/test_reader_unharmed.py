"""A fall the person says did no harm, with no pain said, is not a warning sign; any pain, a
hope or a guess, harm slow to come, or a fall onto the hip keeps it one."""

from __future__ import annotations

import pytest

from tests.core.test_reader import heard_but_not_present, present


@pytest.mark.parametrize("text", [
    "I slipped on the ice last week but I wasn't hurt",
    "I tripped on the stairs but nothing serious",
    "I had a fall but no damage done",
    "I've had one or two falls in the past few weeks but nothing serious, thankfully",
    "my mother had four falls at home, and at hospital the scans found no serious injuries",
    "I caught myself with one hand, it was a graceful fall and didn't cause any alarm",
])
def test_a_fall_that_did_no_harm_with_no_pain_said_is_not_a_warning_sign(text: str) -> None:
    assert heard_but_not_present(text, "fall_injury")


@pytest.mark.parametrize("text", [
    "I fell, no serious injuries, but my hip aches",
    "I slipped and fell, no broken bones but it is really sore",
    "I tripped on the step and it did not hurt at first, but now my hip is killing me",
    "I slipped yesterday, didn't hurt at the time but today my hip really aches",
    "I fell yesterday, nothing broken I think",
    "I fell yesterday, hopefully no damage",
    "I fell on my hip yesterday but no serious injuries",
    "he fell off the ladder, luckily nothing broken, but his hip is very sore",
])
def test_a_fall_with_pain_a_guess_delayed_harm_or_onto_the_hip_is_still_one(text: str) -> None:
    assert "fall_injury" in present(text)


def test_other_signs_beside_a_harmless_fall_still_count() -> None:
    assert "cannot_bear_weight" in present("I fell, no serious injuries, but I can't put weight "
                                           "on my leg")


@pytest.mark.parametrize("text", [
    "I fell, no harm done, but it's a bit tender",
    "I fell last night, no harm done, but I'm limping",
    "I fell, no harm done I think",
])
def test_pain_or_a_guess_beside_no_harm_done_keeps_the_fall(text: str) -> None:
    assert "fall_injury" in present(text)


@pytest.mark.parametrize("text", [
    "I fell last week, no harm done",
    "I fell yesterday, no damage done as far as I can tell",
])
def test_no_harm_done_with_no_pain_said_is_not_a_warning_sign(text: str) -> None:
    assert heard_but_not_present(text, "fall_injury")


@pytest.mark.parametrize("text", [
    "I fell yesterday, no damage done, but my leg has gone numb",
    "I slipped, nothing broken, but my thigh is numb",
])
def test_a_sign_of_harm_beside_no_harm_done_keeps_the_fall(text: str) -> None:
    assert {"fall_injury", "numbness"} <= present(text)
