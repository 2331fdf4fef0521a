"""Pure: self-care topics and the step-by-step walkthrough, only ever after safety screening."""

from __future__ import annotations

from collections.abc import Mapping

from skill.core import onset, screening, triage
from skill.core.reply_builder import Turn, ask_pending
from skill.core.state import (
    ACTION_REMINDER,
    ACTION_TIMER,
    PENDING_CHECK_IN,
    PENDING_MORE,
    PENDING_SAFETY,
    PENDING_STEP,
    Card,
    Line,
)
from skill.core.timeline import duration_seconds

WALKTHROUGH = "walkthrough"  # pseudo-topic: "what can I do" starts the whole walkthrough
INTRO = "self_care_intro"
TIMER = "timer"  # pseudo-topic: a fifteen-minute ice timer (icing is self-care, so gated)
REMINDER = "reminder"  # pseudo-topic: a reminder to ice again
ICE_SECONDS = 15 * 60
REMINDER_SECONDS = 2 * 60 * 60
MAX_REMINDER_SECONDS = 7 * 24 * 60 * 60  # "ice again in..." further off than a week is a mishearing
_PSEUDO = (WALKTHROUGH, TIMER, REMINDER)


def _gated(turn: Turn, topic_id: str) -> bool:
    return topic_id in _PSEUDO or turn.content.topics[topic_id].gated


def _screened(turn: Turn) -> bool:
    return triage.next_safety_question(turn.content, turn.state.safety) is None


def steps(turn: Turn) -> list[str]:
    """The walkthrough's topics, less any the matched condition says to leave out."""
    skip: tuple[str, ...] = ()
    condition = turn.content.conditions.get(turn.state.condition or "")
    if condition is not None:
        skip = condition.care.skip
    return [t for t in turn.content.walkthrough if t not in skip]


STRESS_FRACTURE = "stress_fracture"


def ask_topic(turn: Turn, topic_id: str, args: Mapping[str, str] | None = None) -> Turn:
    """Answer a care question now, or screen first and answer it straight after."""
    if args is not None:
        turn.state = turn.state.with_(deferred_args=dict(args))
    if _gated(turn, topic_id) and turn.state.triage == triage.URGENT:
        return screening.urgent_reminder(turn)
    if _gated(turn, topic_id) and turn.state.child:
        turn.say("dialog.child_no_self_care")  # a child is not a small adult: have them seen
        return ask_pending(turn, PENDING_MORE)
    if _gated(turn, topic_id) and not _screened(turn):
        if turn.state.pending_kind in (PENDING_SAFETY, PENDING_CHECK_IN):
            turn.say("dialog.after_safety")  # asked mid-screening: say it will be answered
        turn.state = turn.state.with_(deferred=topic_id)
        return screening.continue_safety(turn, give)
    return give(turn, topic_id)


def give(turn: Turn, topic_id: str) -> Turn:
    """Speak one topic (or start the walkthrough), with the condition's caveat where it applies."""
    if topic_id == WALKTHROUGH:
        return walkthrough(turn, 0)
    if topic_id in (TIMER, REMINDER):
        return _act(turn, topic_id)
    if topic_id == "ice_or_heat":
        return onset.ice_or_heat(turn)
    return give_general(turn, topic_id)


def _act(turn: Turn, topic_id: str) -> Turn:
    """Hand a timer or reminder to the handler, which has the Alexa APIs; it reports back."""
    if topic_id == TIMER:
        turn.action = {"kind": ACTION_TIMER, "seconds": str(ICE_SECONDS)}
    else:
        asked = reminder_seconds(turn.state.deferred_args.get("duration", ""))
        seconds = asked if asked and asked >= 60 else REMINDER_SECONDS
        turn.action = {"kind": ACTION_REMINDER, "seconds": str(seconds)}
    turn.state = turn.state.with_(deferred_args={})
    return turn


def reminder_seconds(duration: str) -> int | None:
    """The seconds until a reminder, from AMAZON.DURATION; None when unreadable or too far off."""
    seconds = duration_seconds(duration)
    return seconds if seconds is not None and seconds <= MAX_REMINDER_SECONDS else None


def give_general(turn: Turn, topic_id: str) -> Turn:
    """One topic as written, with the condition's caveat in place of what it rules out."""
    topic = turn.content.topics[topic_id]
    if topic_id == "movement" and STRESS_FRACTURE in (*turn.state.flags, turn.state.condition):
        turn.say("dialog.stress_fracture_movement")  # "can I still run?": no, stop running
    if topic.gated and topic_id not in steps(turn) and topic_id in turn.content.walkthrough:
        turn.say(f"condition.{turn.state.condition}.caveat")
    else:
        turn.say(f"topic.{topic_id}.say")
        if topic.asked_in_full:  # asked about directly: its cautions are part of the answer
            turn.say(f"topic.{topic_id}.detail")
        elif topic.always_in_full:  # when to get help: now, and soon; after a greeting, on more
            greeted = any(line.key == "dialog.disclaimer" for line in turn.lines)
            (turn.hold if greeted else turn.say)(f"topic.{topic_id}.detail")
        turn.card = Card(Line(f"topic.{topic_id}.title"), (Line(f"topic.{topic_id}.card"),))
    return ask_pending(turn, PENDING_MORE)


def walkthrough(turn: Turn, index: int) -> Turn:
    """Read one walkthrough step ('Step one of four: Rest ...') and wait for next or repeat."""
    if not _screened(turn) or turn.state.triage == triage.URGENT or turn.state.child:
        return ask_topic(turn, WALKTHROUGH)
    topics = steps(turn)
    if index >= len(topics):
        turn.say("dialog.walkthrough_done")
        turn.state = turn.state.with_(step=-1)
        return ask_pending(turn, PENDING_MORE)
    if turn.state.step < 0:
        turn.say(f"topic.{INTRO}.say")
        condition = turn.content.conditions.get(turn.state.condition or "")
        if condition is not None and condition.care.caveat:
            turn.say(f"condition.{condition.id}.caveat")
    topic_id = topics[index]
    rice = [t for t in topics if turn.content.walkthrough.index(t) < turn.content.rice_steps]
    tips = [t for t in topics if t not in rice]
    if topic_id in rice:  # "Step one of four", R.I.C.E.'s own steps
        turn.say("dialog.step_of", number=_spoken(turn, rice.index(topic_id) + 1),
                 total=_spoken(turn, len(rice)))
    else:  # then the tips after it, counted on their own: "Tip one of four"
        if tips.index(topic_id) == 0 and rice:
            turn.say("dialog.rice_done")
        turn.say("dialog.tip_of", number=_spoken(turn, tips.index(topic_id) + 1),
                 total=_spoken(turn, len(tips)))
    turn.say(f"topic.{topic_id}.say")
    if turn.content.topics[topic_id].always_in_full:  # when to get help: now, and soon
        turn.say(f"topic.{topic_id}.detail")
    turn.card = Card(Line(f"topic.{topic_id}.title"), (Line(f"topic.{topic_id}.card"),))
    turn.state = turn.state.with_(step=index)
    last = index == len(topics) - 1
    return ask_pending(turn, PENDING_MORE if last else PENDING_STEP)


def navigate(turn: Turn, delta: int) -> Turn:
    """'Next' and 'previous' move through the walkthrough; elsewhere they re-ask the question."""
    if turn.state.step < 0:
        turn.say("dialog.nothing_to_navigate")
        return ask_pending(turn, turn.state.pending or PENDING_MORE, reask=True)
    index = turn.state.step + delta
    if index < 0:
        turn.say("dialog.first_step")
        index = 0
    return walkthrough(turn, index)


def _spoken(turn: Turn, number: int) -> str:
    """Step numbers as words from content, so Alexa says 'step one of four'."""
    words = turn.content.dialog["numbers"].split()
    return words[number] if number < len(words) else str(number)
