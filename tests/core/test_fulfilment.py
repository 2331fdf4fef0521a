"""The pure CanFulfillIntentRequest rules: claim only what the skill can start and answer."""

from __future__ import annotations

from skill.core import intents
from skill.core.fulfilment import MAYBE, NO, YES, SlotHeard, can_fulfil

MID_CONVERSATION = [intents.YES, intents.NO, intents.SAFETY_ANSWER, intents.UNSURE, intents.NEXT,
                    intents.PREVIOUS, intents.REPEAT, intents.START_OVER, intents.HOME,
                    intents.HELP, intents.STOP, intents.CANCEL, intents.FALLBACK]


def test_intents_that_only_mean_something_mid_conversation_are_never_claimed() -> None:
    assert all(can_fulfil(name, {}).can_fulfill == NO for name in MID_CONVERSATION)


def test_every_care_topic_can_be_answered_from_outside_the_skill() -> None:
    assert all(can_fulfil(name, {}).can_fulfill == YES for name in intents.TOPIC_INTENTS)


def test_one_value_not_understood_makes_the_whole_request_a_maybe() -> None:
    verdict = can_fulfil(intents.DESCRIBE, {"location": SlotHeard("outer hip", True),
                                            "started": SlotHeard("2026-W99", None)})
    assert verdict.can_fulfill == MAYBE
    assert verdict.slots["location"] == (YES, YES) and verdict.slots["started"] == (NO, NO)


def test_a_built_in_slot_the_core_does_not_read_is_a_maybe() -> None:
    assert can_fulfil(intents.DESCRIBE, {"count": SlotHeard("5", None)}).slots["count"] == (MAYBE, NO)


def test_a_reminder_duration_is_read_as_the_reminder_reads_it() -> None:
    assert can_fulfil(intents.ICE_REMINDER, {"duration": SlotHeard("PT2H", None)}).slots["duration"] == (YES, YES)
    assert can_fulfil(intents.ICE_REMINDER, {"duration": SlotHeard("P30D", None)}).slots["duration"] == (NO, NO)
