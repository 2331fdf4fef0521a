"""Probes of session 11, through the production path: harmless words explained (a wasp sting,
the cold, the baby, "which is normal for me", a cancer scare that turned out to be nothing),
and warning signs in words not heard before (head over heels in slang, a smack on the hip,
every step impossible, not able to control when to wee, a numb bum and inner thighs)."""

from __future__ import annotations

import pytest

from tests.support.asked import answer_at, opening, triage_of


@pytest.mark.parametrize("words", [
    "My knee was red and swollen after the wasp sting, but it's my hip that aches when I go up stairs",
    "I couldn't feel my toes in the freezing rain on my run, and now my hip is a bit sore at the front",
    "The baby has been waking us every night, and I've noticed my hip aches when I get up to feed her",
    "I couldn't sleep because of the heat, and my hip is a bit stiff today",
    "I could barely walk after the long hike for a day or two, which is normal for me, and now the hip "
    "is just a bit tight",
    "I had a cancer scare a few years ago that turned out to be nothing, and this hip ache is from "
    "walking I think",
    "Last winter I had a fever for days with the flu, and my hip aches in the cold",
])
def test_harmless_words_explained_are_not_escalated(words: str) -> None:
    assert triage_of(words) is None


@pytest.mark.parametrize("words", [
    "Went arse over tit on the ice outside the shop and smacked my hip, I can walk but it's agony",
    "I smacked my hip on the door frame yesterday",
    "Since yesterday I've not been able to control when I need to wee, and my back and hip are agony",
    "My bum and inner thighs feel numb and my back and hip hurt",
    "I was fine until I stepped off the bus awkwardly, now every step is impossible",
])
def test_urgent_signs_in_new_words_are_urgent(words: str) -> None:
    assert triage_of(words) == "urgent"


@pytest.mark.parametrize(("words", "locale"), [
    # red team 22, falls in other words
    ("me nan keeled over in the garden and now she's complaining of her hip", "en-GB"),
    ("so I missed the last step coming down the basement stairs a couple days ago and my hip has "
     "hurt ever since", "en-US"),
    # carried, shuffling, unable to get off the sofa
    ("my mate had to carry me to the car because my hip gave out completely", "en-AU"),
    ("I can't get off the sofa at all, my hip won't let me", "en-GB"),
    ("I've been shuffling about on my bum because standing on the leg is impossible", "en-GB"),
    # a leg rolled outwards; cauda equina in plain words
    ("my leg's rolled outwards and won't sit straight", "en-AU"),
    ("I've got no feeling down below round my bum and my hip's killing me", "en-GB"),
    ("I've got no feeling around my back passage and my hip hurts", "en-GB"),
    ("urine is not coming properly and there is numbness in the private area along with hip pain",
     "en-IN"),
    ("I pooped myself without realizing it and my hip and back are killing me", "en-US"),
    ("I am not able to pass urine since morning and my hip and back are paining", "en-IN"),
])
def test_red_team_22_urgent_words_are_urgent(words: str, locale: str) -> None:
    assert opening(words, locale).session_attributes.get("triage") == "urgent"


def test_bladder_accidents_are_told_as_the_bladder_not_a_fall() -> None:
    turn = opening("I've been having accidents, can't hold me wee, and my hip hurts", "en-AU")
    assert turn.session_attributes.get("flags") == ["bladder_bowel"]


@pytest.mark.parametrize(("question", "words"), [
    ("weight", "only if someone holds me up"),
    ("weight", "I can stand but the minute I take a step it gives way"),
    ("weight", "only with help"),
    ("fever", "not a fever as such but I've been roasting hot then freezing cold"),
    ("injury", "not a fall exactly, but I walked straight into the corner of the desk"),
])
def test_red_team_22_answers_with_a_sign_are_urgent(question: str, words: str) -> None:
    assert answer_at(question, words).session_attributes.get("triage") == "urgent"


@pytest.mark.parametrize("words", [
    "yes but it's been hurting for six weeks",
    "yeah, it's been like this for a couple of months though",
])
def test_how_long_said_with_a_safe_answer_is_heard(words: str) -> None:
    turn = answer_at("weight", words)
    assert turn.session_attributes.get("triage") == "see_provider"
    assert "see your doctor" in turn.speech


@pytest.mark.parametrize("words", [
    # paraphrases of what the tenth collection's dev half showed
    "I was lying on my back on the floor reaching for the cat under the bed and my hip twinged",
    "My recovery has slowed to a crawl but the surgeon is happy with how the hip is healing",
    "I've got arthritis in my knee and hip and I can't get about all that well these days",
    "The physio says my hip flexor is a bit inflamed, it's not too serious and very common in runners",
    "It's been sore since Sunday after a short run, I'll rest it and see if it doesn't get better",
    "My hip aches and I'm sure all the gardening isn't helping",
    "I limp when I'm tired and put more weight on my good leg, and my hips ache",
])
def test_tenth_dev_look_alikes_are_not_escalated(words: str) -> None:
    assert triage_of(words) is None


@pytest.mark.parametrize(("words", "level"), [
    ("My little boy's hip hurts when you touch it, he hasn't had much of a fever but it comes and "
     "goes", "urgent"),
    ("At night getting to the loo is torture, walking is next to impossible", "urgent"),
    ("Lately the pain in my hip has got more intense and persistent", "see_provider"),
    ("The MRI showed a small fracture in my hip, there was no fall, I'd just been marching a lot",
     "see_provider"),
])
def test_tenth_dev_signs_in_other_words_are_heard(words: str, level: str) -> None:
    assert triage_of(words) == level


@pytest.mark.parametrize(("words", "locale"), [
    # red team 22 (false alarms): long past and healed, with the time said first
    ("Last year I had dengue fever with very high temperature, I recovered completely, now only my "
     "hip is paining when I sit cross-legged", "en-IN"),
    ("Back in my twenties I had a bad car accident, I'm fifty now, and lately my hip just gets achy "
     "after hockey", "en-CA"),
    ("Two years back I had a small accident on my scooter, everything healed, now my hip pain is "
     "there only when I walk fast", "en-IN"),
    ("Had a fever a couple of months back with COVID, been right as rain since, but my hip's been "
     "grumbling when I go for a run", "en-AU"),
    # near falls, figures of speech, pets, other things red or numb
    ("I slipped a little in the bathroom but did not fall, I held the wall, and my hip pain is old",
     "en-IN"),
    ("I stumbled off the curb but caught my balance, no harm done, my hip is sore after long shifts",
     "en-US"),
    ("I almost had a car accident this morning, anyway I've got this ongoing hip ache when I sit",
     "en-US"),
    ("I got knocked for six by the news of my promotion, and now my outer hip is a bit tender", "en-GB"),
    ("I feel like I got hit by a truck after moving house, everything aches including my hip", "en-CA"),
    ("My dog can't put weight on his back leg, and I've been carrying him around, now my hip is sore",
     "en-US"),
    ("My hands get red and chapped in the winter, but my hip is stiff after shovelling snow", "en-CA"),
    ("I went ice fishing and I was shivering my butt off out there, and now my hip's stiff", "en-CA"),
    ("I bought new jeans and my legs look shorter in them, anyway my hip aches when I walk far",
     "en-US"),
    ("My feet turn out when I walk, always have, like a duck, and my hip aches after running", "en-GB"),
    ("I nearly wet myself laughing at my husband trying yoga, and my hip is a bit sore", "en-GB"),
    ("I'm a Cancer, the star sign I mean, and my hip aches when I sit too long", "en-US"),
    ("I rubbed Deep Heat on it and it's all tingly now, it's just an achy hip from gardening", "en-GB"),
    ("The newborn's got me up three times a night, and my hip aches from the feeding chair", "en-AU"),
    ("I'm expecting my second, about six months gone, and my hip is sore when I turn over", "en-GB"),
])
def test_red_team_22_false_alarms_are_not_escalated(words: str, locale: str) -> None:
    assert opening(words, locale).session_attributes.get("triage") is None


@pytest.mark.parametrize(("question", "words"), [
    ("injury", "no, the only knock I've had is to my pride after losing at bowls"),
    ("injury", "no accident, no, I was just knocked out by how tired I was after the gym"),
    ("injury", "no sir, I only got a small bump on my head from the cupboard, the hip pain started "
               "before"),
    ("weight", "I can walk fine, it's getting up off the floor that's hard, I have to grab the couch"),
    ("weight", "sure can, I couldn't stand up straight for a bit yesterday but it's fine now"),
    ("fever", "no, no chills, unless you count shivering waiting for the bus this morning"),
])
def test_red_team_22_harmless_answers_are_not_escalated(question: str, words: str) -> None:
    assert answer_at(question, words).session_attributes.get("triage") != "urgent"


@pytest.mark.parametrize("words", [
    "no, I didn't fall", "didn't fall or knock it or anything", "no, I didn't fall, it just came on",
])
def test_a_fall_said_not_to_have_happened_stays_negated(words: str) -> None:
    assert answer_at("injury", words).session_attributes.get("triage") != "urgent"


@pytest.mark.parametrize(("words", "locale"), [
    # red team 23 (missed signs): falls in other words, carers' floors, knocks from things
    ("I went my length on the ice outside the Co-op last week and the hip's been giving me gyp",
     "en-GB"),
    ("One of the residents I look after was found on the floor by her bed this morning, she says "
     "her hip hurts", "en-GB"),
    ("Fell down the last couple of stairs at my mam's house on Sunday and my hip's been aching",
     "en-GB"),
    ("I lost my grip on the couch and it slammed into my hip, it's been sore since", "en-US"),
    ("this morning I couldnae get up off the settee, I had to shout for my neighbour", "en-GB"),
    ("the skin over my hip is a bit pink and it feels warm compared to the other side", "en-GB"),
    ("when I wiped after the toilet this morning I couldn't really feel it, and my hip's bad",
     "en-GB"),
    ("Me hip and back's been bad and I've had to pad up 'cause I keep leaking", "en-GB"),
    # children in other words
    ("The wean's been hirpling since nursery, she's three and keeps saying her hip's sore", "en-GB"),
    ("One of the pupils in my Year 3 class has been limping all day and says her hip hurts",
     "en-GB"),
    ("My toddler won't put his leg down this morning, he cries when I touch his hip", "en-GB"),
])
def test_red_team_23_urgent_words_are_urgent(words: str, locale: str) -> None:
    assert opening(words, locale).session_attributes.get("triage") == "urgent"


@pytest.mark.parametrize(("question", "words", "level"), [
    ("fever", "No, I don't think so. I mean I've felt a little warm and achy", "urgent"),
    ("weight", "Yes, walking is fine, but I've been dribbling a bit of wee without meaning to",
     "urgent"),
    ("injury", "No fall, but I've been running a lot more for a 10K and it hurts every time I "
               "land on that leg", "see_provider"),
])
def test_red_team_23_signs_in_answers_are_heard(question: str, words: str, level: str) -> None:
    assert answer_at(question, words).session_attributes.get("triage") == level


@pytest.mark.parametrize(("words", "locale"), [
    # red team 23 (false alarms): over it, the heat of the day, another part knocked, TV and dreams
    ("I was shivering at the top of the hill but I warmed up in the pub after, and now my hip's "
     "just sore going up stairs", "en-GB"),
    ("I got a bit hot and flushed running round, it was a scorcher, but I cooled off and I'm fine "
     "now, my hip just aches a bit", "en-GB"),
    ("My hip is aching by evening. Last year I had typhoid with very high fever but fully "
     "recovered. Now only this sitting pain", "en-IN"),
    ("My hip's a bit sore since I started boxing, I copped a knock on the nose in sparring but "
     "the hip's just from the footwork", "en-AU"),
    ("My hip's a bit sore from lifting boxes. I bashed my shin on the bed frame, there's a big "
     "bruise, but the hip was already achy", "en-CA"),
    ("My hip's achy since I started as a barista, I burned my hand on the steam wand and it's red, "
     "but the hip is just from standing", "en-US"),
    ("My hip's niggling after lawn bowls, I feel a bit warm after a session in the sun, that's just "
     "the weather", "en-AU"),
    ("I had a bad dream that I couldn't get up off the ground, but in real life my hip's just a bit "
     "stiff from camping", "en-US"),
    ("I read online that a clicky hip can mean a torn labrum and then you can't walk, but mine just "
     "clicks when I do lunges", "en-US"),
    ("I'm a bit hungover and feel rough this morning, that's the prosecco, and my hip's tender "
     "from dancing in heels", "en-GB"),
    ("My friend at the food bank had a stroke and can't walk now, it's so sad, my hip is just sore "
     "from lugging crates", "en-GB"),
])
def test_red_team_23_false_alarms_are_not_escalated(words: str, locale: str) -> None:
    assert opening(words, locale).session_attributes.get("triage") is None


def test_a_small_child_whose_age_has_a_half_is_a_child() -> None:
    turn = opening("My two-and-a-half-year-old suddenly started limping and his hip hurts")
    assert turn.session_attributes.get("triage") == "urgent"


@pytest.mark.parametrize(("words", "locale", "level"), [
    # red team 24 (missed signs)
    ("My husband's been on the couch since Friday, he can't get up off it without me hauling him "
     "up, hip pain, he's being a baby about it", "en-US", "urgent"),
    ("I've gone to have a wee and nothing much comes out, and my hip and back are sore", "en-AU",
     "urgent"),
    ("My son is 7 years, he is having hip pain and slight temperature since yesterday evening",
     "en-IN", "urgent"),
    ("My teenager's been walking with a bit of a hitch for a few weeks, knee and hip aching",
     "en-GB", "urgent"),
    ("My weight has reduced by 6 kilos in two months without any dieting, and my hip joint pains",
     "en-IN", "see_provider"),
    ("After I bumped my training up to five nights a week my hip aches when I put weight on it",
     "en-AU", "see_provider"),
])
def test_red_team_24_signs_are_heard(words: str, locale: str, level: str) -> None:
    assert triage_of(words, locale) == level


@pytest.mark.parametrize(("question", "words"), [
    ("weight", "Not really, no, I've been on the sofa since yesterday, I can't get it to take my "
               "weight"),
    ("fever", "No, no fever. The weird thing is I can't really feel the toilet seat when I sit, the "
              "inside of my thighs are numb"),
])
def test_red_team_24_urgent_answers_are_urgent(question: str, words: str) -> None:
    assert answer_at(question, words).session_attributes.get("triage") == "urgent"


@pytest.mark.parametrize(("words", "locale"), [
    # red team 24 (false alarms)
    ("My dog knocked over my coffee this morning and I'm not hurt at all, my hip's been sore since "
     "the weekend", "en-AU"),
    ("I watched the news about the bus crash and it was awful, my hip just aches after curling",
     "en-CA"),
    ("My knee was swollen after I knocked it on the coffee table, but that's my knee, not my hip",
     "en-AU"),
    ("Honestly I'm chilled out about it, it's just my hip feeling a bit tight after the parkrun",
     "en-GB"),
    ("The skin over my hip went hot and red after I sat too close to the heater, and that went away",
     "en-IN"),
    ("Our club president's leg is shorter than the other from polio, mine's just a bit stiff",
     "en-AU"),
    ("We practise rescuing people who can't walk out of burning buildings, my hip gets sore",
     "en-US"),
    ("My neighbour's dog barks constantly and keeps me up at night, my hip aches after Zumba",
     "en-GB"),
    ("I googled hip pain and read about cancer and now I'm panicking, it's just a twinge", "en-GB"),
    ("I was bored numb on the drive up the M6, my hip's a wee bit stiff from sitting", "en-GB"),
])
def test_red_team_24_false_alarms_are_not_escalated(words: str, locale: str) -> None:
    assert triage_of(words, locale) is None


@pytest.mark.parametrize(("question", "words"), [
    ("fever", "Nope, the only chills I get are from watching horror movies"),
    ("fever", "I'm hot and sweaty because I just got back from a run, but no, no fever"),
    ("injury", "No fall. I tripped on the dog's lead last month but didn't hurt anything"),
    ("weight", "Yes, I can walk. Only thing I cannot stand is my neighbour's loud music"),
])
def test_red_team_24_harmless_answers_are_not_escalated(question: str, words: str) -> None:
    assert answer_at(question, words).session_attributes.get("triage") != "urgent"
