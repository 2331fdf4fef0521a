"""An episode told in the past that the person says is over: its signs are put aside; one still
going on, told recently, negated as over, or come back, still counts."""

from __future__ import annotations

import pytest

from tests.core.test_reader import present, reading


@pytest.mark.parametrize(("text", "sign"), [
    ("I had a nasty flu with a high temperature at Easter, it cleared up after a week, and now "
     "my hip is stiff after gardening", "fever"),
    ("my leg went numb on the long drive to my sister's but that wore off once I got out of the "
     "car, now just the usual hip ache", "numbness"),
    ("after the half marathon I couldn't walk properly for a day but we're all better now, it "
     "just twinges on the stairs", "cannot_bear_weight"),
    ("the skin over my hip went a little pink under the heat pad, it faded within the hour, it "
     "still aches when I walk", "hot_swollen_joint"),
    ("I was shivering after the swim in the lake, a hot bath sorted me out, and my hip is sore "
     "from the cold water", "fever"),
    ("my fever over the holidays is completely gone, and the hip aches when I climb stairs",
     "fever"),
    ("I came off my bike as a student and hurt my hip, it healed fully, and now it's just stiff "
     "in the mornings", "fall_injury"),
])
def test_a_sign_in_an_episode_said_to_be_over_is_put_aside(text: str, sign: str) -> None:
    found = [s for s in reading(text).signs if s.id == sign]
    assert found and all(not s.present for s in found)


@pytest.mark.parametrize(("text", "sign"), [
    # told in the present: still going on
    ("I've had a temperature since Saturday but I'm fine otherwise, my hip is sore", "fever"),
    ("I have a fever and my hip hurts, it comes and goes", "fever"),
    # recent: a fever last night may be masked, not over
    ("I had chills last night, all better now, but my hip is really sore", "fever"),
    # the end is negated or doubted
    ("my leg went numb on the drive and it hasn't gone away", "numbness"),
    ("my leg went numb last week and I don't think it's cleared up", "numbness"),
    # it came back
    ("I had a fever at the weekend, it went away but it came back this morning", "fever"),
    # better only when something is done: still there
    ("my leg went dead when I stood up and it was better when I sat back down", "numbness"),
    # a fall is over only when healed: feeling fine after it is not healing
    ("I slipped on the stairs on Sunday, the bruise faded and I'm fine now but my hip hurts",
     "fall_injury"),
])
def test_a_sign_not_said_to_be_over_still_counts(text: str, sign: str) -> None:
    assert sign in present(text)


def test_a_time_told_in_an_episode_that_is_over_is_not_how_long_this_pain_has_lasted() -> None:
    said = reading("I had flu with a fever for five days in the spring, it cleared up completely, "
                   "and my hip aches when I walk")
    assert "fever" not in {s.id for s in said.present}
    assert said.duration is None


def test_explain_shows_the_words_that_say_it_is_over() -> None:
    said = reading("I was shivery on the ferry but we were all right as rain by teatime, my hip "
                   "aches")
    fever = next(s for s in said.signs if s.id == "fever")
    assert fever.status == "historical" and fever.cue == "we were all right as rain"
