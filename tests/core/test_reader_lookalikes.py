"""Words that look like a warning sign and are not one (a thing that fell, cold weather, a night
it did not wake), beside the signs they look like, which still count."""

from __future__ import annotations

import pytest

from tests.core.test_reader import present


@pytest.mark.parametrize("text", [
    "my phone just fell off the table and my hip aches",
    "the vase toppled over, my hip aches",
    "my phone slipped out of my hand, hip is sore",
])
def test_a_thing_that_fell_is_not_the_person_falling(text: str) -> None:
    assert "fall_injury" not in present(text)


@pytest.mark.parametrize("text", [
    "it has been aching since I fell",
    "last night I fell again",
    "hanging a picture I fell off the ladder",
])
def test_a_fall_after_a_time_or_a_thing_is_still_the_persons(text: str) -> None:
    assert "fall_injury" in present(text)


@pytest.mark.parametrize("text", [
    "it's getting worse every week",
    "my hip is worse than a couple of weeks ago",
    "the pain is gradually worsening",
])
def test_pain_getting_worse_over_weeks_is_no_improvement(text: str) -> None:
    assert "no_improvement" in present(text)


def test_pain_no_worse_than_weeks_ago_is_not_getting_worse() -> None:
    assert "no_improvement" not in present("it is no worse than a couple of weeks ago")


@pytest.mark.parametrize("text", [
    "my hip aches when it gets cold",
    "my hip aches when the weather turns cold",
])
def test_a_hip_that_aches_in_cold_weather_is_not_a_cold_leg(text: str) -> None:
    assert "leg_numb_cold" not in present(text)


def test_a_leg_that_is_numb_and_cold_is_still_one() -> None:
    assert "leg_numb_cold" in present("my leg is numb and cold")


@pytest.mark.parametrize("text", [
    "at night the pain never wakes me",
    "it aches at bedtime but it doesn't keep me awake",
])
def test_a_night_it_does_not_wake_is_not_night_pain(text: str) -> None:
    assert "night_pain" not in present(text)


def test_pain_that_wakes_at_night_is_still_night_pain() -> None:
    assert "night_pain" in present("the pain wakes me at night")
