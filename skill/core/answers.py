"""Pure: what a yes or a no means, read against the question the skill is waiting on."""

from __future__ import annotations

from collections.abc import Callable

from skill.core import care, intents, onset, screening, triage
from skill.core.intents import Act
from skill.core.reply_builder import Turn, ask_pending
from skill.core.state import (
    PENDING_DESCRIBE,
    PENDING_FORGET,
    PENDING_MORE,
    PENDING_OFFER,
    PENDING_ONSET,
    PENDING_STEP,
    PENDING_SWELLING,
    PENDING_URGENT,
)


def goodbye(turn: Turn, act: Act) -> Turn:
    """A short goodbye that ends the session; after anything urgent, one last reminder."""
    urgent = turn.state.triage == triage.URGENT
    turn.say("dialog.goodbye_urgent" if urgent else "dialog.goodbye")
    turn.end = True
    return turn



def _offer_answer(turn: Turn, yes: bool) -> Turn:
    if yes:
        return care.walkthrough(turn, 0)
    turn.say("dialog.okay")
    return ask_pending(turn, PENDING_MORE)


def _step_answer(turn: Turn, yes: bool) -> Turn:
    if yes:
        return care.walkthrough(turn, turn.state.step + 1)
    turn.say("dialog.okay")
    return ask_pending(turn, PENDING_MORE)


def _urgent_answer(turn: Turn, yes: bool) -> Turn:
    if yes:
        for fid in turn.state.flags:
            if turn.content.red_flags[fid].level == triage.URGENT:
                turn.say(screening.flag_line(turn, fid))
        turn.say(screening.level_line(turn, triage.URGENT))
        return ask_pending(turn, PENDING_URGENT)
    return goodbye(turn, Act(intents.STOP))


def _forget_answer(turn: Turn, yes: bool) -> Turn:
    if yes:
        turn.action = {"kind": "forget"}
        return turn
    turn.say("dialog.kept")
    return ask_pending(turn, PENDING_MORE)


def _onset_answer(turn: Turn, yes: bool) -> Turn:
    """'No idea' when asked when it started: give the general ice-or-heat advice instead."""
    turn.state = turn.state.with_(deferred=None)
    return care.give_general(turn, "ice_or_heat")


def _more_answer(turn: Turn, yes: bool) -> Turn:
    if yes:
        return ask_pending(turn, PENDING_DESCRIBE)
    return goodbye(turn, Act(intents.STOP))


YES_NO: dict[str, Callable[[Turn, bool], Turn]] = {
    PENDING_OFFER: _offer_answer,
    PENDING_STEP: _step_answer,
    PENDING_URGENT: _urgent_answer,
    PENDING_MORE: _more_answer,
    PENDING_SWELLING: onset.swelling_answer,
    PENDING_FORGET: _forget_answer,
    PENDING_ONSET: _onset_answer,
}
# Where "not sure" is best taken as a no: no idea when it started, not sure the swelling is down.
UNSURE_AS_NO = frozenset({PENDING_ONSET, PENDING_SWELLING})
