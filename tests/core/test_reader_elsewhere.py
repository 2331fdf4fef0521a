"""A warning sign said of another part of the body is not the hip's; said of the hip or the
leg, or across a terminator from another part, it still counts."""

from __future__ import annotations

import pytest

from tests.core.test_reader import present, reading


@pytest.mark.parametrize(("text", "sign"), [
    ("my wrist is a bit swollen from typing all week and my hip aches on the stairs",
     "hot_swollen_joint"),
    ("I've a swollen eye from hay fever and my hip twinges when I get out of the car",
     "hot_swollen_joint"),
    ("my fingers go numb when I hold my phone too long, and the hip is stiff in the morning",
     "numbness"),
    ("I've got a swollen lip from the dentist and my hip is achy after tennis",
     "hot_swollen_joint"),
])
def test_a_sign_said_of_another_part_is_not_the_hips(text: str, sign: str) -> None:
    found = [s for s in reading(text).signs if s.id == sign]
    assert found and all(s.status == "another part's" for s in found)


@pytest.mark.parametrize(("text", "sign"), [
    ("my hip is swollen and my wrist is fine", "hot_swollen_joint"),
    ("my wrist hurts but my hip is red and swollen", "hot_swollen_joint"),
    ("my foot and toes have gone numb and my hip aches", "numbness"),
    ("my thigh has gone numb near my hand", "numbness"),
    ("the joint is hot and swollen", "hot_swollen_joint"),
    # another part named too, with the hip within reach: it may be the hip's
    ("my ankle and hip are swollen", "hot_swollen_joint"),
])
def test_a_sign_of_the_hip_or_leg_still_counts(text: str, sign: str) -> None:
    assert sign in present(text)
