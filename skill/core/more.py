"""Pure: "tell me more" continues where the short answer stopped, then asks the same question."""

from __future__ import annotations

from skill.core import care
from skill.core.intents import Act
from skill.core.reply_builder import Turn, ask_pending
from skill.core.state import PENDING_DESCRIBE, PENDING_MORE, PENDING_STEP


def tell_more(turn: Turn, act: Act) -> Turn:
    """What the last short answer held back, then its detail; in the walkthrough, the next step.

    One piece per request, so each stays one breath; what is left waits for the next "tell me
    more". The question the short answer ended on is asked again last, so the conversation goes
    on from where it was: a safety question stays pending, a step stays the current step.
    """
    queue = turn.state.more
    if queue:
        turn.say(queue[0])
        turn.held.extend(queue[1:])
        return ask_pending(turn, turn.state.pending or PENDING_MORE)
    if turn.state.pending_kind == PENDING_STEP:
        return care.navigate(turn, +1)  # "go on" with nothing more on this step: the next one
    turn.say("dialog.no_more")
    return ask_pending(turn, turn.state.pending or PENDING_DESCRIBE)
