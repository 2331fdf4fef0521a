"""A blind red team of harmless and see-a-doctor descriptions (round 21), through the production
path: words in other senses (a red hot summer, red tape, winter chills, a bug going round, a
total car crash on TV, a documentary on hip fractures), a negation carried along a list ("no
pins and needles or numbness"), and see-a-doctor signs described (thinner without trying,
going downhill, not moving a muscle, a full night's sleep lost, needles down the leg)."""

from __future__ import annotations

import pytest

from tests.support.asked import triage_of


@pytest.mark.parametrize("words", [
    "We've had a red hot summer and I've been walking loads, and now my hip is a bit achy",
    "I've been swamped with red tape at work and my hip is achy on the side",
    "I caught the sun at the beach, I'm a bit red on my shoulders, and my hip aches",
    "My knee is a bit swollen from an old football thing, but my hip just aches on the side",
    "I'm hot on the heels of a deadline and my hip aches from sitting",
    "My garden's been hot and dry, the roses are swollen with buds, and my hip aches",
    "The winter chills are setting in here in Toronto, and my hip is a bit stiff in the mornings",
    "There's a nasty bug going round the office with fevers, I haven't caught it, my hip is stiff",
    "The only fever I've got is cup fever, my team's in the final, my hip's just a bit stiff",
    "I've been shivering in this cold office all day but I'm not ill, and my hip is stiff",
    "The football on TV last night was a total car crash, anyway my hip is a bit stiff",
    "I got knocked back for a promotion, so that's my week, and my hip is sore on the side",
    "I watched a documentary on hip fractures and now I'm paranoid, but my hip is just stiff",
    "My hip is achy and my car got a bump in the car park this morning, but I wasn't in it",
    "No pins and needles or numbness, just a sore spot on the side of my hip",
])
def test_a_harmless_look_alike_is_not_escalated(words: str) -> None:
    assert triage_of(words) not in ("urgent", "see_provider")


@pytest.mark.parametrize("words", [
    "I've noticed I'm a lot thinner lately without trying, and my hip aches deep inside",
    "It's been going downhill, my hip was a niggle at first and now it's bothering me more",
    "Each week the ache in my hip seems to be a bit worse than the week before",
    "My hip is sore even when I'm lying in bed not moving a muscle",
    "it aches even when I'm sat watching telly",
    "I haven't had a full night's sleep in weeks because of this hip",
    "My hip gets me up in the night and I have to take painkillers",
    "It feels like a thousand little needles down my leg and my hip is sore",
    "There's a weird crawling sensation down my leg along with the hip ache",
])
def test_a_see_a_doctor_sign_described_is_advised(words: str) -> None:
    assert triage_of(words) == "see_provider"


@pytest.mark.parametrize("words", [
    "I've had this sore hip since Christmas and it's now nearly March",
    "My hip has been bothering me since the spring and we're well into autumn now",
])
def test_a_season_since_is_weeks_of_pain(words: str) -> None:
    assert triage_of(words) == "see_provider"


def test_full_weight_on_it_is_a_safe_statement_not_a_runners_weight_bearing_pain() -> None:
    words = "My hip feels a bit sore, but I can put my full weight on it and I'm walking normally"
    assert triage_of(words) is None


@pytest.mark.parametrize("words", [
    "I'm fine with my bladder and bowels, nothing changed there at all, my hip just aches",
    "Ten years ago I was hit by a car but I recovered fully, and now my hip just aches",
    "My teenage son is fine, it's me, a forty year old with a stiff hip after football",
])
def test_something_else_unchanged_a_recovery_or_the_speaker_named_is_not_escalated(
    words: str,
) -> None:
    assert triage_of(words) not in ("urgent", "see_provider")


def test_a_fall_wondered_about_is_still_a_possible_fall() -> None:
    assert triage_of("could it be that I fell") == "urgent"
