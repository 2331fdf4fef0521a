"""Pure: what the skill does with time — the opening lines, when the pain began, ice or heat."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from skill.core import triage
from skill.core.intents import Act
from skill.core.reply_builder import Turn, ask_pending
from skill.core.state import PENDING_MORE, PENDING_ONSET, PENDING_SWELLING, Card, Line
from skill.core.timeline import (
    ASSESS_DAYS,
    ASSESS_FIRST_DAYS,
    ASSESS_LONG_DAYS,
    ICE_DAYS,
    days_since,
    onset_from,
)


def days(turn: Turn) -> int | None:
    """Days since the remembered onset, or None when either date is unknown."""
    if not turn.state.onset or not turn.state.today:
        return None
    return days_since(date.fromisoformat(turn.state.onset), date.fromisoformat(turn.state.today))


def since(turn: Turn, count: int) -> str:
    """How long, said naturally: 'since yesterday', 'for about three days', 'about two weeks'."""
    words = turn.content.dialog["numbers"].split()
    dialog = turn.content.dialog
    if count <= 0:
        return dialog["since_today"]
    if count == 1:
        return dialog["since_yesterday"]
    if count < 14:
        return dialog["since_days"].format(days=words[count])
    return _long(dialog, words, count, "since")


def elapsed(turn: Turn, count: int) -> str:
    """How long it has been, for "It's been ...": 'about a day', 'about three days'."""
    dialog = turn.content.dialog
    if count <= 0:
        return dialog["elapsed_today"]
    if count == 1:
        return dialog["elapsed_yesterday"]
    words = dialog["numbers"].split()
    if count < 14:
        return dialog["elapsed_days"].format(days=words[count])
    return _long(dialog, words, count, "elapsed")


def _long(dialog: Mapping[str, str], words: list[str], count: int, kind: str) -> str:
    """Weeks up to two months, then months, then 'more than a year', as people say it."""
    if count >= 365:
        return dialog[f"{kind}_years"]
    if count >= 60:
        return dialog[f"{kind}_months"].format(months=words[min(round(count / 30), 11)])
    return dialog[f"{kind}_weeks"].format(weeks=words[min(round(count / 7), len(words) - 1)])


def _assess(turn: Turn, count: int, key: str = "dialog.assess_due") -> None:
    turn.say(key, since=since(turn, count), elapsed=elapsed(turn, count))
    turn.advised = True
    turn.state = turn.state.with_(triage=triage.worse(turn.state.triage, triage.SEE_PROVIDER))


def open_session(turn: Turn, act: Act, launch: bool) -> None:
    """A session's first words: greeting, the disclaimer once, a long-running pain first."""
    turn.state = turn.state.with_(started=True)
    count = days(turn)
    if count is not None and count >= ASSESS_FIRST_DAYS:
        _assess(turn, count)
    if launch and turn.state.withheld:  # a shared device: say nothing of what is remembered
        turn.say("dialog.welcome")
    elif launch and turn.state.memory.get("screening") == triage.URGENT:
        turn.say("dialog.welcome_back_urgent")
    elif launch and turn.state.returning:
        name = turn.content.conditions.get(turn.state.last_condition or "")
        if name is not None:
            turn.say("dialog.welcome_back_condition", condition=name.spoken_name)
        else:
            turn.say("dialog.welcome_back")
    elif launch:
        turn.say("dialog.welcome")
    elif not turn.state.disclaimer_heard:
        turn.say("dialog.hello")
    if not turn.state.disclaimer_heard:
        turn.say("dialog.disclaimer")
        turn.state = turn.state.with_(disclaimer_heard=True)
    if launch and turn.state.withheld:
        turn.say("dialog.resume_offer")
    if count is not None and ASSESS_DAYS <= count < ASSESS_FIRST_DAYS:
        _assess(turn, count)


def recap(turn: Turn) -> bool:
    """What is remembered from last time, said when the person asks; False if nothing is."""
    said = False
    name = turn.content.conditions.get(turn.state.last_condition or "")
    if turn.state.memory.get("screening") == triage.URGENT:
        turn.say("dialog.resume_urgent")
        said = True
    elif name is not None:
        turn.say("dialog.resume_condition", condition=name.spoken_name)
        said = True
    count = days(turn)
    if count is not None and count >= ASSESS_DAYS:
        _assess(turn, count)
    elif count is not None:
        turn.say("dialog.resume_onset", since=since(turn, count))
    return said or count is not None


def note_onset(turn: Turn, act: Act) -> bool:
    """Remember when the pain started; a week or more says when to have it assessed, two weeks
    first heard today that it should be (NHS: not improved after two weeks at home)."""
    if not turn.state.today:
        return False
    today = date.fromisoformat(turn.state.today)
    onset = onset_from(act.slot("started"), act.slot("duration"), today)
    if onset is None:
        return False
    known = turn.state.onset_before is not None  # from an earlier visit: self-care since
    turn.state = turn.state.with_(onset=onset.isoformat())
    count = days_since(onset, today)
    if count >= ASSESS_DAYS and known:
        _assess(turn, count)
    elif (count >= ASSESS_LONG_DAYS and not _diagnosed(act) and not act.improving
          and not act.comes_and_goes):
        # Two weeks and still hurting: the NHS says see a GP. A diagnosis the person names
        # ("my GP said it's bursitis") is care already sought (their own guess at a name is
        # not: "I seem to flare up my psoas"), and a pain that is getting better or comes and
        # goes with what the person does
        # ("each week is better than the last") is not one that fails: when to go is said instead.
        _assess(turn, count, "dialog.assess_long")
    elif count >= ASSESS_DAYS:
        # First heard today: how long alone is not a failed week of self-care (seed article).
        turn.say("dialog.assess_if_no_better", elapsed=elapsed(turn, count))
        turn.advised = True
    else:
        turn.say("dialog.onset_noted", since=since(turn, count))
    return True


def _diagnosed(act: Act) -> bool:
    """Care already sought (a doctor's or a scan's finding, an injection, a waiting list); from
    Alexa's slot alone (no words to tell a guess from a diagnosis), any condition named counts."""
    return act.diagnosed or (bool(act.condition) and not act.words)


# Lines that already say how long it has been: "It's been" is not said twice in one reply.
_SAYS_HOW_LONG = frozenset({"dialog.onset_noted", "dialog.assess_if_no_better",
                            "dialog.assess_long", "dialog.resume_onset", "dialog.its_been"})


def ice_or_heat(turn: Turn) -> Turn:
    """Ice in the first forty-eight hours; after that, heat only once the swelling has gone down."""
    count = days(turn)
    if count is None and turn.state.today:
        turn.state = turn.state.with_(deferred="ice_or_heat")
        turn.say("dialog.ice_or_heat_depends")  # why the question comes before the answer
        return ask_pending(turn, PENDING_ONSET)
    if count is None:
        return _topic(turn, "ice_or_heat")
    if count < ICE_DAYS:
        turn.say("dialog.ice_early", elapsed=elapsed(turn, count))
        return _topic(turn, "ice")
    if not any(line.key in _SAYS_HOW_LONG for line in turn.lines):
        turn.say("dialog.its_been", elapsed=elapsed(turn, count))
    return ask_pending(turn, PENDING_SWELLING)


def swelling_answer(turn: Turn, yes: bool) -> Turn:
    """Swelling gone: heat, with its cautions. Not gone: keep icing, and see someone if it stays."""
    turn.say("dialog.heat_ok" if yes else "dialog.keep_icing")
    return _topic(turn, "heat" if yes else "ice")


def _topic(turn: Turn, topic_id: str) -> Turn:
    turn.say(f"topic.{topic_id}.say")
    turn.card = Card(Line(f"topic.{topic_id}.title"), (Line(f"topic.{topic_id}.card"),))
    return ask_pending(turn, PENDING_MORE)
