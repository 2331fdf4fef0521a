"""Pure: the safety screen — red flags answered at once, the three questions, the return check."""

from __future__ import annotations

from collections.abc import Callable

from skill.core import triage
from skill.core.content_types import SafetyQuestion
from skill.core.reply_builder import Turn, ask_pending
from skill.core.state import (
    PENDING_CHECK_IN,
    PENDING_MORE,
    PENDING_OFFER,
    PENDING_SAFETY,
    PENDING_URGENT,
    Card,
    Line,
)

# Answers the care topic that waited for screening (care.give); passed in, so care may import
# screening and not the other way round.
Give = Callable[[Turn, str], Turn]


def pending_safety(turn: Turn) -> SafetyQuestion | None:
    """The safety question being waited on, if the skill is waiting on one."""
    if turn.state.pending_kind != PENDING_SAFETY:
        return None
    return turn.content.safety_question(turn.state.pending_id)


def escalate(turn: Turn, flags: list[str], describing: bool = False) -> Turn:
    """Say what each red flag may mean and what to do, before anything else.

    `describing`: the flags came inside a description, whose answer follows in this turn, so
    anything beyond the advice waits for "tell me more".
    """
    content = turn.content
    flags = triage.most_urgent_first(flags, content)  # urgent is said first, always
    level = triage.level_of(flags, content)
    pending = pending_safety(turn)
    safety = dict(turn.state.safety)
    if pending is not None and pending.flag in flags:
        safety[pending.id] = triage.UNSAFE
    turn.state = turn.state.with_(
        triage=triage.worse(turn.state.triage, level),
        flags=tuple(dict.fromkeys((*turn.state.flags, *flags))),
        safety=safety,
    )
    for fid in flags:
        turn.say(flag_line(turn, fid))
    turn.say(level_line(turn, level or triage.SEE_PROVIDER))  # what to do, at once
    turn.advised = True
    body = (*tuple(Line(f"flag.{fid}.card") for fid in flags),
            Line(level_line(turn, level or triage.SEE_PROVIDER)))
    if "night_pain" in flags and "lying_on_side" in turn.state.features.get("trigger", ()):
        note = "not_red_flag.lying_on_side"  # tell the two apart: lying on it vs woken by it
        if describing:
            turn.hold(note)
        else:
            turn.say(note)
        body = (*body, Line(note))
    turn.card = Card(Line(f"level.{level}.card_title"), body)
    if level == triage.URGENT:
        turn.state = turn.state.with_(screened=triage.URGENT, deferred=None)
        return ask_pending(turn, PENDING_URGENT)
    return ask_pending(turn, turn.state.pending or PENDING_MORE)


def flag_line(turn: Turn, fid: str) -> str:
    """What a warning sign may mean, said to the person or to someone helping them."""
    helper = turn.state.helper and turn.content.red_flags[fid].say_helper
    return f"flag.{fid}.say_helper" if helper else f"flag.{fid}.say"


def level_line(turn: Turn, level: str) -> str:
    """What to do now; for someone else's pain, said to the person helping."""
    helper = turn.state.helper and turn.content.levels[level].say_helper
    return f"level.{level}.say_helper" if helper else f"level.{level}.say"


def continue_safety(turn: Turn, give: Give) -> Turn:
    """Ask the next safety question; once all are safe, `give` what waited or offer self-care."""
    if turn.state.triage == triage.URGENT:
        return urgent_reminder(turn)
    question = triage.next_safety_question(turn.content, turn.state.safety)
    if question is not None and turn.state.returning and not turn.state.safety:
        return ask_pending(turn, PENDING_CHECK_IN)
    if question is not None:
        if not turn.state.safety and turn.state.pending_kind != PENDING_SAFETY:
            if turn.state.deferred:
                turn.say("dialog.safety_first")
            elif not turn.advised:  # a turn with a doctor's advice in it is full already
                turn.say("dialog.safety_intro")
        return ask_pending(turn, f"{PENDING_SAFETY}:{question.id}")
    if turn.state.pending_kind in (PENDING_SAFETY, PENDING_CHECK_IN):
        see_provider = turn.state.triage == triage.SEE_PROVIDER
        turn.say("dialog.safety_done_see_provider" if see_provider else "dialog.safety_done")
    turn.state = turn.state.with_(
        triage=triage.worse(turn.state.triage, triage.SELF_CARE), screened=triage.SAFE
    )
    if turn.state.child:  # a child is not a small adult: no self-care offered, have them seen
        turn.state = turn.state.with_(deferred=None)
        turn.say("dialog.child_no_self_care")
        return ask_pending(turn, PENDING_MORE)
    deferred = turn.state.deferred
    if deferred:
        turn.state = turn.state.with_(deferred=None)
        return give(turn, deferred)
    return ask_pending(turn, PENDING_OFFER)


def check_in_answer(turn: Turn, yes: bool, give: Give) -> Turn:
    """One combined check on later visits: a no settles all three; a yes is urgent at once.

    Each of the three (fever, a new fall or injury, trouble bearing weight) is urgent on its
    own, so there is nothing to gain by asking which before saying what to do.
    """
    if yes:
        turn.state = turn.state.with_(
            triage=triage.URGENT, screened=triage.URGENT, deferred=None
        )
        turn.say("dialog.check_in_urgent")
        turn.say("level.urgent.say")
        body = (Line("dialog.check_in_urgent"), Line("level.urgent.say"))
        turn.card = Card(Line("level.urgent.card_title"), body)
        return ask_pending(turn, PENDING_URGENT)
    all_safe = {q.id: triage.SAFE for q in turn.content.safety_questions}
    turn.state = turn.state.with_(safety=all_safe)
    return continue_safety(turn, give)


def one_at_a_time(turn: Turn, give: Give) -> Turn:
    """The combined check was unclear: ask the three questions singly, as on a first visit."""
    turn.say("dialog.one_at_a_time")
    turn.state = turn.state.with_(returning=False, pending=f"{PENDING_SAFETY}:")
    return continue_safety(turn, give)


def urgent_reminder(turn: Turn) -> Turn:
    """Once something urgent was said, self-care waits: repeat what to do instead, to the
    person helping when the pain is someone else's."""
    turn.say("dialog.urgent_first")
    turn.say(level_line(turn, triage.URGENT))
    return ask_pending(turn, PENDING_URGENT)
