"""A story set long ago that the person then leaves for now: its signs are long past, the rest
are not."""

from __future__ import annotations

import pytest

from tests.core.test_reader import present, reading


@pytest.mark.parametrize(("text", "sign"), [
    ("Two years ago I couldn't walk for a week with my back, but this is different, just an ache "
     "in my hip on the stairs", "cannot_bear_weight"),
    ("When my hip was at its worst last spring I could hardly stand, but since the injection it's "
     "only a twinge now and then", "cannot_bear_weight"),
    ("My hip used to lock completely and I couldn't move it, but since the physio it moves fine",
     "cannot_bear_weight"),
    ("After my knee operation I couldn't put any weight on it for a month, and now my hip on the "
     "same side aches when I walk", "cannot_bear_weight"),
    ("I fell off a horse years ago, and now my hip aches when it rains", "fall_injury"),
    ("I broke my hip in 1997 and now it aches when it rains", "fall_injury"),
])
def test_a_sign_in_a_story_long_past_then_left_for_now_is_long_past(text: str, sign: str) -> None:
    found = [s for s in reading(text).signs if s.id == sign]
    assert found and all(s.status == "historical" for s in found)


def test_a_time_in_a_story_long_past_is_not_how_long_this_pain_has_lasted() -> None:
    said = reading("After my knee operation I couldn't put any weight on it for a month, and now "
                   "my hip aches")
    assert said.duration is None


@pytest.mark.parametrize(("text", "sign"), [
    # never brought back to now: the story may be this pain's own
    ("Two years ago I had my hip replaced and I couldn't walk for a week", "cannot_bear_weight"),
    # a time of its own, near: today's fall after a time long past
    ("She had her hip done years ago and fell this morning, now she can't get up", "fall_injury"),
    # a fall told after the clause that sets the time may be today's
    ("Years ago she had a hip replacement and she fell over in the garden and can't get up",
     "fall_injury"),
    # what began then goes on
    ("A few months ago I started getting numbness down my thigh and now my hip aches", "numbness"),
    # a fall months ago may be how this pain began
    ("Last winter I slipped on the ice and landed on my hip, and now it hurts to walk",
     "fall_injury"),
    # the present, in the same clause
    ("I've had a fever since my operation years ago and now my hip hurts", "fever"),
    # a time near now of its own, before a time long past that is another thing's
    ("She fell this morning, years ago she had a hip replacement and now she can't get up",
     "fall_injury"),
    # this year's or last year's, said as a number, may be how this pain began
    ("I fell in 2025 and my hip hurts", "fall_injury"),
])
def test_a_sign_not_left_in_the_past_still_counts(text: str, sign: str) -> None:
    assert sign in present(text)


def test_a_stress_fracture_had_long_ago_still_counts_beside_new_pain() -> None:
    assert "stress_fracture" in present("Last year I had a stress fracture in my hip, and now the "
                                        "same pain is back when I run")


def test_a_fall_years_back_never_brought_back_to_now_did_not_start_an_emergency_today() -> None:
    told = reading("In the summer of 1982, I broke my hip while playing baseball. My doctor only "
                   "x-rayed my knee.")
    assert "fall_injury" not in {s.id for s in told.present}
    assert "cannot_bear_weight" in present("Two years ago I had my hip replaced and I couldn't "
                                           "walk for a week")


@pytest.mark.parametrize("text", [
    "I fell in 2019 and my hip has hurt ever since",
    "I fell two years ago and it still hurts",
])
def test_a_pain_lasting_since_a_fall_years_back_has_lasted_a_year_at_least(text: str) -> None:
    said = reading(text)
    assert "fall_injury" not in {s.id for s in said.present}
    assert said.duration == "P1Y"


def test_a_pain_lasting_since_a_recent_fall_is_still_the_falls() -> None:
    said = reading("I fell yesterday and it has hurt ever since")
    assert "fall_injury" in {s.id for s in said.present}
    assert said.duration is None


@pytest.mark.parametrize("text", [
    "I fell last year and it has hurt ever since",
    "I fell in 2015, it still hurts",
    "I've had pain since a car crash in 2012",
])
def test_a_pain_said_to_last_from_a_time_long_past_has_lasted_a_year_at_least(text: str) -> None:
    assert reading(text).duration == "P1Y"


def test_fine_ever_since_a_fall_long_past_is_no_lasting_pain() -> None:
    said = reading("I fell last year and have been fine ever since")
    assert said.duration is None
    assert "fall_injury" not in {s.id for s in said.present}
