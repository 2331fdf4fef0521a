"""Pure: self-care topics and the step-by-step walkthrough, only ever after safety screening."""

from __future__ import annotations

from skill import dialog, triage
from skill.state import PENDING_MORE, PENDING_STEP, PENDING_URGENT, Card, Line
from skill.turns import Turn, ask_pending

WALKTHROUGH = "walkthrough"  # pseudo-topic: "what can I do" starts the whole walkthrough
INTRO = "self_care_intro"


def _gated(turn: Turn, topic_id: str) -> bool:
    return topic_id == WALKTHROUGH or turn.content.topics[topic_id].gated


def _screened(turn: Turn) -> bool:
    return triage.next_safety_question(turn.content, turn.state.safety) is None


def steps(turn: Turn) -> list[str]:
    """The walkthrough's topics, less any the matched condition says to leave out."""
    skip: tuple[str, ...] = ()
    condition = turn.content.conditions.get(turn.state.condition or "")
    if condition is not None:
        skip = condition.care.skip
    return [t for t in turn.content.walkthrough if t not in skip]


def ask_topic(turn: Turn, topic_id: str) -> Turn:
    """Answer a care question now, or screen first and answer it straight after."""
    if _gated(turn, topic_id) and turn.state.triage == triage.URGENT:
        return urgent_reminder(turn)
    if _gated(turn, topic_id) and not _screened(turn):
        turn.state = turn.state.with_(deferred=topic_id)
        return dialog.continue_safety(turn)
    return give(turn, topic_id)


def urgent_reminder(turn: Turn) -> Turn:
    """Once something urgent was said, self-care waits: repeat what to do instead."""
    turn.say("dialog.urgent_first")
    turn.say("level.urgent.say")
    return ask_pending(turn, PENDING_URGENT)


def give(turn: Turn, topic_id: str) -> Turn:
    """Speak one topic (or start the walkthrough), with the condition's caveat where it applies."""
    if topic_id == WALKTHROUGH:
        return walkthrough(turn, 0)
    topic = turn.content.topics[topic_id]
    if topic.gated and topic_id not in steps(turn) and topic_id in turn.content.walkthrough:
        turn.say(f"condition.{turn.state.condition}.caveat")
    else:
        turn.say(f"topic.{topic_id}.say")
        turn.card = Card(Line(f"topic.{topic_id}.title"), (Line(f"topic.{topic_id}.card"),))
    return ask_pending(turn, PENDING_MORE)


def walkthrough(turn: Turn, index: int) -> Turn:
    """Read one walkthrough step ('Step one of four: Rest ...') and wait for next or repeat."""
    if not _screened(turn) or turn.state.triage == triage.URGENT:
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
    position = turn.content.walkthrough.index(topic_id)
    if position < turn.content.rice_steps:
        turn.say("dialog.step_of", number=_spoken(turn, position + 1),
                 total=_spoken(turn, turn.content.rice_steps))
    turn.say(f"topic.{topic_id}.say")
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
